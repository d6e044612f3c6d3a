/**
 * The timing algorithms on generated traces at the sizes the viewer promises: a 1,000,000-span
 * trace with a 999,999-child fan-out (quadratic in Jaeger UI) and a 100,000-deep chain (a stack
 * overflow for recursive code). Trees are built once per file: generating and building the
 * million spans takes several seconds on the CI VM by itself. The time bounds only catch a gross
 * (quadratic) regression, not machine noise.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateChainTrace, generateWideTrace } from '../../test/generate-trace';
import { adjustClockSkew, adjustedNodeTimes } from './clock-skew';
import { computeCriticalPath, mergedSectionsForSubtree, type CriticalPath } from './critical-path';
import { summarizeCriticalPath } from './critical-path-summary';
import { computeNodeTimes } from './node-times';
import { findParallelWhatIfs } from './parallel-what-if';
import { computeSelfTimes } from './self-time';
import { buildSpanTree, type SpanTree } from './span-tree';
import { computeStatistics } from './trace-statistics';
import type { Span, Trace } from './trace';
import { traceFromTable } from './span-table';

function timed<T>(run: () => T): [T, number] {
  const startedMs = performance.now();
  const result = run();
  return [result, performance.now() - startedMs];
}

describe('1,000,000 spans, one root with 999,999 children', () => {
  let tree: SpanTree;
  let cp: CriticalPath;
  beforeAll(() => {
    tree = buildSpanTree(generateWideTrace(1_000_000, 7));
  }, 60_000);

  it('critical path: tiles the root, every other child overlapped by a later one', () => {
    let elapsedMs: number;
    [cp, elapsedMs] = timed(() => computeCriticalPath(tree));
    const { startNs, endNs, node } = cp.sections;
    expect([startNs[0], endNs[node.length - 1]]).toEqual([0, 1_000_000_000]);
    for (let i = 1; i < node.length; i++) {
      if (startNs[i] !== endNs[i - 1]) throw new Error(`gap before section ${i}`);
    }
    let onPath = 0;
    for (let n = 0; n < tree.nodeCount; n++) {
      if (cp.isOnPath[n]) onPath++;
      else if (cp.reason(n) !== 'overlapped') throw new Error(`node ${n}: ${cp.reason(n)}`);
    }
    expect(onPath).toBeGreaterThan(1);
    expect(cp.subtreeSectionEnd[tree.roots[0] as number]).toBe(node.length);
    expect(elapsedMs).toBeLessThan(5_000);
  });

  it('self time: the root keeps only what no child covers', () => {
    const [self, elapsedMs] = timed(() => computeSelfTimes(tree));
    let firstStart = Infinity;
    let lastEnd = 0;
    for (const span of traceFromTable(tree.trace).spans.slice(1)) {
      firstStart = Math.min(firstStart, span.startNs);
      lastEnd = Math.max(lastEnd, span.startNs + (span.durationNs ?? 0));
    }
    // A million long children leave no gap between the first start and the last end.
    expect(self[tree.roots[0] as number]).toBe(firstStart + Math.max(0, 1e9 - lastEnd));
    expect(elapsedMs).toBeLessThan(3_000);
  });

  it('statistics, summary and what-if', () => {
    const [rows, statsMs] = timed(() => computeStatistics(tree, cp, 'operation'));
    expect(rows).toHaveLength(50);
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(1_000_000);
    const pathShare = rows.reduce((sum, row) => sum + row.criticalPathShare, 0);
    expect(pathShare).toBeCloseTo(1, 9);
    const [summary, summaryMs] = timed(() => summarizeCriticalPath(tree, cp, { limit: 20 }));
    const holders = cp.onPathNs.filter((ns) => ns > 0).length;
    expect(summary.items).toHaveLength(Math.min(20, holders));
    for (let k = 1; k < summary.items.length; k++) {
      expect(summary.items[k - 1]?.onPathNs).toBeGreaterThanOrEqual(
        summary.items[k]?.onPathNs ?? Infinity,
      );
    }
    expect(summary.pathNs).toBe(1_000_000_000);
    const [whatIfs, whatIfMs] = timed(() => findParallelWhatIfs(tree));
    expect(whatIfs).toEqual([]);
    expect(statsMs + summaryMs + whatIfMs).toBeLessThan(5_000);
  });

  it('merged path of the collapsed root', () => {
    const [merged, elapsedMs] = timed(() =>
      mergedSectionsForSubtree(cp, tree, tree.roots[0] as number),
    );
    let total = 0;
    for (let k = 0; k < merged.startNs.length; k++) {
      total += (merged.endNs[k] as number) - (merged.startNs[k] as number);
    }
    expect(total).toBe(cp.pathNs - (cp.onPathNs[tree.roots[0] as number] as number));
    expect(elapsedMs).toBeLessThan(1_000);
  });
});

/**
 * The generated chain with alternating client and server spans on three hosts, every server
 * starting 1.5 µs before its client: each server (1 µs shorter) is centred in its client.
 */
function skewedChain(depth: number): Trace {
  const trace = generateChainTrace(depth);
  const spans = trace.spans.map((span, i): Span =>
    i % 2 === 0
      ? { ...span, kind: 'client' }
      : { ...span, kind: 'server', startNs: (span.startNs - 1500) as Span['startNs'] },
  );
  return { ...trace, spans };
}

describe('100,000-deep chain', () => {
  let tree: SpanTree;
  beforeAll(() => {
    tree = buildSpanTree(generateChainTrace(100_000));
  }, 30_000);

  it('critical path: each span holds the stretch until its child starts', () => {
    const [cp, elapsedMs] = timed(() => computeCriticalPath(tree));
    const { node, startNs, endNs } = cp.sections;
    expect(node).toHaveLength(100_000);
    for (let i = 0; i < node.length; i++) {
      if (node[i] !== i || startNs[i] !== i * 1000 || endNs[i] !== (i + 1) * 1000) {
        throw new Error(`section ${i}: ${node[i]} ${startNs[i]}..${endNs[i]}`);
      }
    }
    const merged = mergedSectionsForSubtree(cp, tree, 0);
    expect([merged.startNs.length, merged.startNs[0], merged.endNs[0]]).toEqual([1, 1000, 1e8]);
    expect(elapsedMs).toBeLessThan(2_000);
  });

  it('self time: 1 µs per span', () => {
    const self = computeSelfTimes(tree);
    expect(self.every((ns) => ns === 1000)).toBe(true);
  });

  it('clock skew: 50,000 server spans centred in their clients, nothing inherited', () => {
    const skewed = buildSpanTree(skewedChain(100_000));
    const [skew, elapsedMs] = timed(() => adjustClockSkew(skewed));
    expect(skew.adjustedNodes).toHaveLength(50_000);
    for (let i = 0; i < 100_000; i++) {
      const expected = i % 2 === 0 ? 0 : 1000;
      if (skew.deltaNs[i] !== expected) throw new Error(`span ${i}: ${skew.deltaNs[i]}`);
    }
    const cp = computeCriticalPath(skewed, adjustedNodeTimes(skewed, skew));
    expect(cp.pathNs).toBe(computeNodeTimes(skewed).endNs[0]);
    expect(elapsedMs).toBeLessThan(2_000);
  }, 30_000);
});
