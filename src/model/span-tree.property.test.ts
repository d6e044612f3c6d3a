/**
 * buildSpanTree against a naive reference on random messy traces (duplicates, missing parents,
 * other-trace parents, cycles, unfinished spans), and on generated traces at scale.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateChainTrace,
  generateRandomTrace,
  generateWideTrace,
} from '../../test/generate-trace';
import { buildSpanTree, childrenOf, type SpanTree, spanOfNode } from './span-tree';
import { fastSpanIdKey } from './span-tree-parents';
import {
  asEpochMicros,
  asNanos,
  spanIdKey,
  traceIdKey,
  type Span,
  type SpanReference,
  type Trace,
} from './trace';
import { traceFromTable } from './span-table';

const T = '0000000000000001';
const OTHER = '0000000000000002';

const refArb = fc.record({
  type: fc.constantFrom<SpanReference['type']>('child_of', 'follows_from', 'link'),
  // Targets s0..s7 (may or may not exist, in either case), m0..m2 (never exist).
  target: fc.oneof(
    fc.integer({ min: 0, max: 7 }).map((i) => `s${i}`),
    fc.constantFrom('S1', 'S3', 'm0', 'm1', 'M1', 'm2'),
  ),
  isOtherTrace: fc.boolean(),
});
const spanArb = fc.record({
  id: fc.integer({ min: 0, max: 7 }).map((i) => `s${i}`),
  start: fc.integer({ min: 0, max: 5 }),
  duration: fc.option(fc.integer({ min: 0, max: 5 })),
  refs: fc.array(refArb, { maxLength: 3 }),
});

type RawSpan = typeof spanArb extends fc.Arbitrary<infer U> ? U : never;

function toTrace(raw: RawSpan[]): Trace {
  const spans: Span[] = raw.map((s) => ({
    spanId: s.id,
    sourceSpanId: s.id,
    traceId: T,
    name: s.id,
    kind: 'internal',
    status: { code: 'unset' },
    startNs: asNanos(s.start),
    durationNs: s.duration === null ? null : asNanos(s.duration),
    resourceIndex: 0,
    attributes: [],
    events: [],
    references: s.refs.map((r) => ({
      type: r.type,
      spanId: r.target,
      traceId: r.isOtherTrace ? OTHER : T,
      attributes: [],
    })),
    warnings: [],
  }));
  return { traceId: T, startEpochUs: asEpochMicros(0), spans, resources: [], warnings: [] };
}

/** Expected parent of each span: an index, a missing-parent key, or null. Quadratic on purpose. */
function naiveParents(trace: Trace): { parents: (number | string | null)[]; cycles: number } {
  const spans = trace.spans;
  const find = (id: string) => spans.findIndex((s) => spanIdKey(s.spanId) === spanIdKey(id));
  const parents = spans.map((span): number | string | null => {
    const usable = span.references.filter((r) => r.type !== 'link');
    const same = (r: SpanReference) => traceIdKey(r.traceId) === traceIdKey(span.traceId);
    for (const type of ['child_of', 'follows_from']) {
      const hit = usable.find((r) => r.type === type && same(r) && find(r.spanId) >= 0);
      if (hit) return find(hit.spanId);
    }
    for (const [isSame, type] of [
      [true, 'child_of'],
      [true, 'follows_from'],
      [false, 'child_of'],
      [false, 'follows_from'],
    ] as const) {
      const hit = usable.find((r) => r.type === type && same(r) === isSame);
      if (hit) return `${isSame ? '' : traceIdKey(hit.traceId)}/${spanIdKey(hit.spanId)}`;
    }
    return null;
  });
  let cycles = 0;
  for (let i = 0; i < spans.length; i++) {
    const members: number[] = [];
    let node: number | string | null = i;
    for (let steps = 0; steps <= spans.length && typeof node === 'number'; steps++) {
      members.push(node);
      node = parents[node] ?? null;
      if (node === i) break;
    }
    if (node !== i) continue;
    const start = (k: number) => (spans[k] as Span).startNs;
    const earliest = members.reduce((a, b) =>
      start(b) < start(a) || (start(b) === start(a) && b < a) ? b : a,
    );
    if (earliest === i) {
      parents[i] = null;
      cycles++;
    }
  }
  return { parents, cycles };
}

function nodeStart(tree: SpanTree, node: number): number {
  const n = tree.trace.count;
  return node < n
    ? (tree.trace.startNs[node] ?? NaN)
    : (tree.placeholders[node - n]?.startNs ?? NaN);
}

/** Structural invariants every tree must satisfy. */
function checkInvariants(tree: SpanTree): void {
  const position = new Int32Array(tree.nodeCount).fill(-1);
  tree.preorder.forEach((node, i) => (position[node] = i));
  expect(position.every((p) => p >= 0)).toBe(true);
  for (let node = 0; node < tree.nodeCount; node++) {
    const parent = tree.parent[node] as number;
    const kids = childrenOf(tree, node);
    let subtree = 0;
    for (let k = 0; k < kids.length; k++) {
      const kid = kids[k] as number;
      expect(tree.parent[kid]).toBe(node);
      subtree += (tree.descendantCount[kid] as number) + 1;
      if (k > 0) {
        const prev = kids[k - 1] as number;
        const order = nodeStart(tree, prev) - nodeStart(tree, kid) || prev - kid;
        expect(order).toBeLessThan(0);
      }
    }
    expect(tree.descendantCount[node]).toBe(subtree);
    if (parent < 0) expect(tree.depth[node]).toBe(0);
    else {
      expect(tree.depth[node]).toBe((tree.depth[parent] as number) + 1);
      expect(position[parent]).toBeLessThan(position[node] as number);
    }
  }
}

describe('fastSpanIdKey', () => {
  it('always equals spanIdKey', () => {
    const hexish = fc.string({
      unit: fc.constantFrom(...'0123456789abcdefABCDEFxZ~é'),
      maxLength: 20,
    });
    fc.assert(
      fc.property(fc.oneof(hexish, fc.string({ unit: 'binary', maxLength: 20 })), (id) => {
        expect(fastSpanIdKey(id)).toBe(spanIdKey(id));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('buildSpanTree: random messy traces', () => {
  it('matches the naive reference and keeps the invariants', () => {
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 12 }), (raw) => {
        const input = toTrace(raw);
        const tree = buildSpanTree(input);
        const n = input.spans.length;
        checkInvariants(tree);
        const { parents, cycles } = naiveParents(input);
        const placeholderOf = new Map<string, number>();
        for (let i = 0; i < n; i++) {
          const expected = parents[i];
          const actual = tree.parent[i] as number;
          if (typeof expected === 'string') {
            expect(actual).toBeGreaterThanOrEqual(n);
            expect(placeholderOf.get(expected) ?? actual).toBe(actual);
            placeholderOf.set(expected, actual);
          } else expect(actual).toBe(expected ?? -1);
        }
        expect(placeholderOf.size).toBe(tree.placeholders.length);
        const count = (kind: string) => tree.problems.filter((p) => p.kind === kind).length;
        const keys = new Set(input.spans.map((s) => spanIdKey(s.spanId)));
        expect(count('duplicate-span-id')).toBe(n - keys.size);
        expect(count('missing-parent')).toBe(parents.filter((p) => typeof p === 'string').length);
        expect(count('parent-cycle')).toBe(cycles);
        expect(count('no-end')).toBe(input.spans.filter((s) => s.durationNs === null).length);
        expect(new Set(traceFromTable(tree.trace).spans.map((s) => s.spanId)).size).toBe(n);
        expect(traceFromTable(tree.trace).spans.map((s) => s.sourceSpanId)).toEqual(
          input.spans.map((s) => s.spanId),
        );
        expect(tree.nodeById.size).toBe(tree.nodeCount);
      }),
      { numRuns: 500 },
    );
  });
});

describe('buildSpanTree: scale', () => {
  it('builds a 100,000-deep chain without recursion', () => {
    const tree = buildSpanTree(generateChainTrace(100_000));
    expect(tree.roots).toHaveLength(1);
    expect(tree.depth[99_999]).toBe(99_999);
    expect(tree.descendantCount[0]).toBe(99_999);
    expect(tree.preorder[99_999]).toBe(99_999);
    expect(tree.problems).toEqual([]);
  });

  it('builds a 100,000-sibling fan-out with children in start order', () => {
    const tree = buildSpanTree(generateWideTrace(100_000, 7));
    expect(Array.from(tree.roots)).toEqual([0]);
    const kids = childrenOf(tree, 0);
    expect(kids).toHaveLength(99_999);
    for (let k = 1; k < kids.length; k++) {
      expect(nodeStart(tree, kids[k - 1] as number) <= nodeStart(tree, kids[k] as number)).toBe(
        true,
      );
    }
    expect(Math.max(...tree.depth)).toBe(1);
  });

  // About 1.5 s to generate and 2.5-4 s to build on the 2-core CI VM; the bound only catches a
  // gross regression (a quadratic step would not finish at all), not machine-to-machine noise.
  it('builds a shuffled 1,000,000-span random tree', () => {
    const trace = generateRandomTrace(1_000_000, 42);
    const startedMs = performance.now();
    const tree = buildSpanTree(trace);
    const elapsedMs = performance.now() - startedMs;
    expect(tree.nodeCount).toBe(1_000_000);
    expect(tree.roots).toHaveLength(1);
    expect(spanOfNode(tree, tree.roots[0] as number)?.spanId).toBe('0000000000000001');
    expect(tree.descendantCount[tree.roots[0] as number]).toBe(999_999);
    expect(tree.problems).toEqual([]);
    expect(elapsedMs).toBeLessThan(15_000);
  }, 30_000);
});
