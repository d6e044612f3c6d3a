import { describe, expect, it } from 'vitest';
import {
  computeCriticalPath,
  mergedSectionsForSubtree,
  OFF_PATH_REASON_TEXT,
  sectionsOfNode,
} from './critical-path';
import { computeNodeTimes } from './node-times';
import { nodeOf, pathOf, reasonsOf, timingTree, type SpanSpec } from './test-timing-tree';
import { spanOfNode } from './span-tree';

function analyse(specs: readonly SpanSpec[]) {
  const tree = timingTree(specs);
  const cp = computeCriticalPath(tree);
  return { tree, cp, path: pathOf(tree, cp), reasons: reasonsOf(tree, cp) };
}

describe('computeCriticalPath: the last-finishing-child rules', () => {
  it('sequential children: each holds its own stretch, gaps belong to the parent', () => {
    const { path, reasons } = analyse([
      { id: 'p', start: 0, duration: 100 },
      { id: 'a', parent: 'p', start: 10, duration: 30 },
      { id: 'b', parent: 'p', start: 40, duration: 50 },
    ]);
    expect(path).toEqual([
      ['p', 0, 10],
      ['a', 10, 40],
      ['b', 40, 90],
      ['p', 90, 100],
    ]);
    expect(reasons).toEqual({ p: null, a: null, b: null });
  });

  it('parallel children: the one that finished last holds the path', () => {
    const { path, reasons } = analyse([
      { id: 'p', start: 0, duration: 100 },
      { id: 'a', parent: 'p', start: 10, duration: 50 },
      { id: 'b', parent: 'p', start: 10, duration: 70 },
    ]);
    expect(path).toEqual([
      ['p', 0, 10],
      ['b', 10, 80],
      ['p', 80, 100],
    ]);
    expect(reasons.a).toBe('overlapped');
  });

  it('overlapping chain: walks back to the child that ended before the cursor', () => {
    //  p ├────────────────────────────┤      0..100
    //  a    ├──────────┤                     10..50
    //  b              ├──────────┤           40..80  ends after c started: overlapped
    //  c                       ├─────┤       70..90
    const { path, reasons } = analyse([
      { id: 'p', start: 0, duration: 100 },
      { id: 'a', parent: 'p', start: 10, duration: 40 },
      { id: 'b', parent: 'p', start: 40, duration: 40 },
      { id: 'c', parent: 'p', start: 70, duration: 20 },
    ]);
    expect(path).toEqual([
      ['p', 0, 10],
      ['a', 10, 50],
      ['p', 50, 70],
      ['c', 70, 90],
      ['p', 90, 100],
    ]);
    expect(reasons).toEqual({ p: null, a: null, b: 'overlapped', c: null });
  });

  it('clips overhanging children to the clipped parent window and drops outside ones', () => {
    const { path, reasons, cp, tree } = analyse([
      { id: 'p', start: 100, duration: 100 },
      { id: 'late', parent: 'p', start: 180, duration: 70 },
      { id: 'late-child', parent: 'late', start: 190, duration: 50 },
      { id: 'early', parent: 'p', start: 80, duration: 50 },
      { id: 'after', parent: 'p', start: 220, duration: 10 },
      { id: 'before', parent: 'p', start: 50, duration: 40 },
      { id: 'touching', parent: 'p', start: 200, duration: 5 },
    ]);
    expect(path).toEqual([
      ['early', 100, 130],
      ['p', 130, 180],
      ['late', 180, 190],
      ['late-child', 190, 200],
    ]);
    expect(reasons).toMatchObject({
      after: 'outside-parent',
      before: 'outside-parent',
      touching: 'outside-parent',
    });
    expect(cp.traceStartNs).toBe(50);
    expect(cp.traceEndNs).toBe(250);
    expect(cp.pathNs).toBe(100);
    expect(cp.onPathNs[nodeOf(tree, 'p')]).toBe(50);
  });

  it('several roots: the last-finishing root first, gaps between roots are idle', () => {
    const { path, reasons, cp } = analyse([
      { id: 'r1', start: 0, duration: 50 },
      { id: 'r2', start: 30, duration: 70 },
      { id: 'r3', start: 110, duration: 40 },
      { id: 'r4', start: 0, duration: 20 },
      { id: 'r1-child', parent: 'r1', start: 5, duration: 10 },
    ]);
    expect(path).toEqual([
      ['r4', 0, 20],
      ['r2', 30, 100],
      ['r3', 110, 150],
    ]);
    expect(reasons).toEqual({
      r1: 'overlapped',
      r2: null,
      r3: null,
      r4: null,
      'r1-child': 'parent-off-path',
    });
    expect(cp.pathNs).toBe(130);
    expect(cp.traceEndNs - cp.traceStartNs).toBe(150);
  });

  it('async: a consumer that outlives its producer is off the path, with its subtree', () => {
    const { path, reasons } = analyse([
      { id: 'p', start: 0, duration: 100 },
      { id: 'send', parent: 'p', start: 10, duration: 10, kind: 'producer' },
      { id: 'handle', parent: 'send', start: 50, duration: 100, kind: 'consumer' },
      { id: 'handle-db', parent: 'handle', start: 60, duration: 10 },
      { id: 'rpc', parent: 'p', start: 30, duration: 30, kind: 'producer' },
      { id: 'reply', parent: 'rpc', start: 35, duration: 20, kind: 'consumer' },
    ]);
    expect(path).toEqual([
      ['p', 0, 10],
      ['send', 10, 20],
      ['p', 20, 30],
      ['rpc', 30, 35],
      ['reply', 35, 55],
      ['rpc', 55, 60],
      ['p', 60, 100],
    ]);
    expect(reasons).toMatchObject({ handle: 'async', 'handle-db': 'parent-off-path' });
  });

  it('async: a child of a producer that runs on after it is off the path whatever its kind', () => {
    const { path, reasons } = analyse([
      { id: 'send', start: 0, duration: 40, kind: 'producer' },
      { id: 'task', parent: 'send', start: 20, duration: 300, kind: 'client' },
    ]);
    expect(path).toEqual([['send', 0, 40]]);
    expect(reasons.task).toBe('async');
  });

  it('follows-from children never hold their parent path, even inside its window', () => {
    const { path, reasons } = analyse([
      { id: 'p', start: 0, duration: 100 },
      { id: 'f', parent: 'p', start: 20, duration: 30, ref: 'follows_from' },
      { id: 'c', parent: 'p', start: 60, duration: 10 },
    ]);
    expect(path).toEqual([
      ['p', 0, 60],
      ['c', 60, 70],
      ['p', 70, 100],
    ]);
    expect(reasons.f).toBe('follows-from');
  });

  it('zero-duration and never-ended spans', () => {
    const { path, reasons } = analyse([
      { id: 'u', start: 0, duration: null },
      { id: 'a', parent: 'u', start: 10, duration: 20 },
      { id: 'b', parent: 'u', start: 20, duration: 40 },
      { id: 'zero', parent: 'b', start: 30, duration: 0 },
      { id: 'open', parent: 'b', start: 40, duration: null },
      { id: 'lone', start: 70, duration: null },
    ]);
    // `u` never ended: its window runs to the latest end below it (b, at 60).
    expect(path).toEqual([
      ['u', 0, 20],
      ['b', 20, 60],
    ]);
    expect(reasons).toMatchObject({
      a: 'overlapped',
      zero: 'zero-duration',
      open: 'no-end',
      lone: 'no-end',
    });
  });

  it('a placeholder holds the gaps between its orphans', () => {
    const { path, tree, cp } = analyse([
      { id: 'o1', parent: 'gone', start: 10, duration: 10 },
      { id: 'o2', parent: 'gone', start: 30, duration: 20 },
    ]);
    expect(path).toEqual([
      ['o1', 10, 20],
      ['gone', 20, 30],
      ['o2', 30, 50],
    ]);
    expect(cp.isOnPath[nodeOf(tree, 'gone')]).toBe(1);
  });

  it('ties on end: the child that started first (covers more) wins, then input order', () => {
    const { path, reasons } = analyse([
      { id: 'p', start: 0, duration: 100 },
      { id: 'short', parent: 'p', start: 50, duration: 50 },
      { id: 'long', parent: 'p', start: 20, duration: 80 },
      { id: 'twin', parent: 'p', start: 20, duration: 80 },
    ]);
    expect(path).toEqual([
      ['p', 0, 20],
      ['long', 20, 100],
    ]);
    expect(reasons).toMatchObject({ short: 'overlapped', twin: 'overlapped' });
  });

  it('runs on shifted times without touching the tree', () => {
    const tree = timingTree([
      { id: 'p', start: 0, duration: 100 },
      { id: 'a', parent: 'p', start: 10, duration: 30 },
      { id: 'b', parent: 'p', start: 20, duration: 30 },
    ]);
    const shift = new Float64Array(tree.nodeCount);
    shift[nodeOf(tree, 'a')] = 40;
    const cp = computeCriticalPath(tree, computeNodeTimes(tree, shift));
    expect(pathOf(tree, cp)).toEqual([
      ['p', 0, 20],
      ['b', 20, 50],
      ['a', 50, 80],
      ['p', 80, 100],
    ]);
    expect(spanOfNode(tree, nodeOf(tree, 'a'))?.startNs).toBe(10);
  });

  it('every reason has a text', () => {
    expect(Object.keys(OFF_PATH_REASON_TEXT).sort()).toEqual([
      'async',
      'follows-from',
      'no-end',
      'outside-parent',
      'overlapped',
      'parent-off-path',
      'zero-duration',
    ]);
  });
});

describe('sections per node and per collapsed subtree', () => {
  const { tree, cp } = analyse([
    { id: 'p', start: 0, duration: 100 },
    { id: 'a', parent: 'p', start: 10, duration: 40 },
    { id: 'a1', parent: 'a', start: 20, duration: 10 },
    { id: 'a2', parent: 'a', start: 30, duration: 20 },
    { id: 'b', parent: 'p', start: 40, duration: 40 },
    { id: 'c', parent: 'p', start: 70, duration: 20 },
    { id: 'c1', parent: 'c', start: 75, duration: 5 },
  ]);
  const segments = (id: string) => {
    const merged = mergedSectionsForSubtree(cp, tree, nodeOf(tree, id));
    return Array.from(merged.startNs, (start, i) => [start, merged.endNs[i]]);
  };

  it('lists a node’s own sections in time order', () => {
    const own = Array.from(sectionsOfNode(cp, nodeOf(tree, 'p')), (i) => [
      cp.sections.startNs[i],
      cp.sections.endNs[i],
    ]);
    expect(own).toEqual([
      [0, 10],
      [50, 70],
      [90, 100],
    ]);
    expect(sectionsOfNode(cp, nodeOf(tree, 'b'))).toHaveLength(0);
  });

  it('merges the hidden descendants’ sections where they touch', () => {
    // a: 10..20, a1: 20..30, a2: 30..50 merge into one; c: 70..75, c1: 75..80, c: 80..90.
    expect(segments('p')).toEqual([
      [10, 50],
      [70, 90],
    ]);
    expect(segments('a')).toEqual([[20, 50]]);
    expect(segments('c')).toEqual([[75, 80]]);
  });

  it('is empty for leaves, off-path nodes and unknown nodes', () => {
    expect(segments('a1')).toEqual([]);
    expect(segments('b')).toEqual([]);
    expect(mergedSectionsForSubtree(cp, tree, -1).startNs).toHaveLength(0);
    expect(mergedSectionsForSubtree(cp, tree, tree.nodeCount).startNs).toHaveLength(0);
  });
});
