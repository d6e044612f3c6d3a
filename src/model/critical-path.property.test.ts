import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCriticalPath, mergedSectionsForSubtree, type CriticalPath } from './critical-path';
import type { NodeTimes } from './node-times';
import { childrenOf, spanOfNode, type SpanTree } from './span-tree';
import { timingTree, type SpanSpec } from './test-timing-tree';
import type { SpanKind } from './trace';

const KINDS: readonly SpanKind[] = ['internal', 'server', 'client', 'producer', 'consumer'];

/** Random traces: any parent (cycles and missing parents included), unfinished spans, kinds. */
const specsArb = fc.integer({ min: 1, max: 30 }).chain((count) =>
  fc.array(
    fc.record({
      parent: fc.oneof(
        { weight: 1, arbitrary: fc.constant(-1) },
        { weight: 1, arbitrary: fc.constant(-2) },
        { weight: 6, arbitrary: fc.nat(count - 1) },
      ),
      start: fc.nat(100),
      duration: fc.oneof(
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 8, arbitrary: fc.nat(60) },
      ),
      kind: fc.constantFrom(...KINDS),
      ref: fc.constantFrom('child_of' as const, 'child_of' as const, 'follows_from' as const),
    }),
    { minLength: count, maxLength: count },
  ),
);

type RecordList = {
  parent: number;
  start: number;
  duration: number | null;
  kind: SpanKind;
  ref: 'child_of' | 'follows_from';
}[];

function toSpecs(records: RecordList): SpanSpec[] {
  return records.map((r, i) => ({
    id: `s${i}`,
    parent: r.parent === -1 ? undefined : r.parent === -2 ? `gone${i % 3}` : `s${r.parent}`,
    start: r.start,
    duration: r.duration,
    kind: r.kind,
    ref: r.ref,
  }));
}
type Triple = [number, number, number];

/**
 * Independent reference: the rules applied literally and recursively, picking each child by a
 * full scan (quadratic, fine for 30 spans).
 */
function referencePath(tree: SpanTree, times: NodeTimes): Triple[] {
  const clip = new Map<number, [number, number]>();
  const isEligible = (node: number, parentWindow: [number, number] | undefined) => {
    const start = times.startNs[node] as number;
    const end = times.endNs[node] as number;
    if (!parentWindow) return end > start;
    const span = spanOfNode(tree, node);
    const parentSpan = spanOfNode(tree, tree.parent[node] as number);
    if (span?.references[0]?.type === 'follows_from') return false;
    const isAsyncKind = span?.kind === 'consumer' || parentSpan?.kind === 'producer';
    if (isAsyncKind && end > parentWindow[1]) return false;
    return end > start && end > parentWindow[0] && start < parentWindow[1];
  };
  const window = (node: number, parentWindow: [number, number] | undefined): [number, number] => {
    const start = times.startNs[node] as number;
    const end = times.endNs[node] as number;
    return parentWindow
      ? [Math.max(start, parentWindow[0]), Math.min(end, parentWindow[1])]
      : [start, end];
  };
  const out: Triple[] = [];
  const walk = (node: number, cursor: number) => {
    const own = clip.get(node) as [number, number];
    const remaining = Array.from(childrenOf(tree, node)).filter((c) => isEligible(c, own));
    for (const c of remaining) clip.set(c, window(c, own));
    for (;;) {
      let best = -1;
      for (const c of remaining) {
        const ce = (clip.get(c) as [number, number])[1];
        if (ce > cursor) continue;
        const be = best < 0 ? -Infinity : (clip.get(best) as [number, number])[1];
        // Ties: the earlier (unclipped) start, then the lower node.
        const cs = times.startNs[c] as number;
        const bs = best < 0 ? Infinity : (times.startNs[best] as number);
        if (ce > be || (ce === be && (cs < bs || (cs === bs && c < best)))) best = c;
      }
      if (best < 0) break;
      const [bs, be] = clip.get(best) as [number, number];
      if (be < cursor) out.push([node, be, cursor]);
      walk(best, be);
      remaining.splice(remaining.indexOf(best), 1);
      cursor = bs;
    }
    if (own[0] < cursor) out.push([node, own[0], cursor]);
  };
  const roots = Array.from(tree.roots).filter((r) => isEligible(r, undefined));
  roots.sort((a, b) => {
    const d = (times.endNs[b] as number) - (times.endNs[a] as number);
    return d || (times.startNs[a] as number) - (times.startNs[b] as number) || a - b;
  });
  let cursor = Infinity;
  for (const root of roots) {
    if ((times.endNs[root] as number) > cursor) continue;
    clip.set(root, window(root, undefined));
    walk(root, times.endNs[root] as number);
    cursor = times.startNs[root] as number;
  }
  return out.reverse();
}

function sectionTriples(cp: CriticalPath): Triple[] {
  const { node, startNs, endNs } = cp.sections;
  return Array.from(node, (n, i) => [n, startNs[i] as number, endNs[i] as number]);
}

/** The invariants docs/decisions/0003 promises. */
function checkInvariants(tree: SpanTree, cp: CriticalPath): void {
  const { node, startNs, endNs } = cp.sections;
  let total = 0;
  for (let i = 0; i < node.length; i++) {
    const n = node[i] as number;
    expect(startNs[i]).toBeLessThan(endNs[i] as number);
    if (i > 0) expect(endNs[i - 1]).toBeLessThanOrEqual(startNs[i] as number);
    expect(startNs[i]).toBeGreaterThanOrEqual(cp.times.startNs[n] as number);
    expect(endNs[i]).toBeLessThanOrEqual(cp.times.endNs[n] as number);
    expect(cp.isOnPath[n]).toBe(1);
    total += (endNs[i] as number) - (startNs[i] as number);
  }
  expect(total).toBe(cp.pathNs);
  for (let n = 0; n < tree.nodeCount; n++) {
    expect(cp.reason(n) === null).toBe(cp.isOnPath[n] === 1);
    const p = tree.parent[n] as number;
    if (cp.isOnPath[n] && p >= 0) expect(cp.isOnPath[p]).toBe(1);
  }
  for (const root of tree.roots) {
    if (!cp.isOnPath[root]) continue;
    // An on-path root's sections tile its whole window, without gaps.
    const from = cp.subtreeSectionStart[root] as number;
    const to = cp.subtreeSectionEnd[root] as number;
    expect(startNs[from]).toBe(cp.times.startNs[root]);
    expect(endNs[to - 1]).toBe(cp.times.endNs[root]);
    for (let i = from + 1; i < to; i++) expect(startNs[i]).toBe(endNs[i - 1]);
    const merged = mergedSectionsForSubtree(cp, tree, root);
    for (let k = 1; k < merged.startNs.length; k++) {
      expect(merged.endNs[k - 1]).toBeLessThan(merged.startNs[k] as number);
    }
  }
}

describe('computeCriticalPath: properties', () => {
  it('matches a literal recursive reference and keeps its invariants', () => {
    fc.assert(
      fc.property(specsArb, (records) => {
        const tree = timingTree(toSpecs(records));
        const cp = computeCriticalPath(tree);
        expect(sectionTriples(cp)).toEqual(referencePath(tree, cp.times));
        checkInvariants(tree, cp);
      }),
      { numRuns: 400 },
    );
  });
});

describe('computeCriticalPath: wide fan-outs (the sorted placement of large child lists)', () => {
  it('matches the reference with 33 to 90 children full of equal ends', () => {
    const childrenArb = fc.array(fc.tuple(fc.nat(30), fc.nat(30)), {
      minLength: 33,
      maxLength: 90,
    });
    fc.assert(
      fc.property(childrenArb, (children) => {
        const tree = timingTree([
          { id: 'p', start: 0, duration: 60 },
          ...children.map(([start, duration], i) => ({
            id: `c${i}`,
            parent: 'p',
            start,
            duration,
          })),
        ]);
        const cp = computeCriticalPath(tree);
        expect(sectionTriples(cp)).toEqual(referencePath(tree, cp.times));
        checkInvariants(tree, cp);
      }),
      { numRuns: 200 },
    );
  });
});
