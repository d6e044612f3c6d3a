import { describe, expect, it } from 'vitest';
import { childrenByStart, computeNodeTimes, timesExtent } from './node-times';
import { nodeOf, timingTree } from './test-timing-tree';
import { spanOfNode } from './span-tree';

describe('computeNodeTimes', () => {
  const tree = timingTree([
    { id: 'open', start: 0, duration: null },
    { id: 'a', parent: 'open', start: 10, duration: 5 },
    { id: 'open-inner', parent: 'open', start: 12, duration: null },
    { id: 'deep', parent: 'open-inner', start: 20, duration: 30 },
    { id: 'lone', start: 70, duration: null },
    { id: 'o1', parent: 'gone', start: 100, duration: 10 },
    { id: 'o2', parent: 'gone', start: 90, duration: null },
    { id: 'o2-child', parent: 'o2', start: 95, duration: 40 },
  ]);
  const windowOf = (times: ReturnType<typeof computeNodeTimes>, id: string) => [
    times.startNs[nodeOf(tree, id)],
    times.endNs[nodeOf(tree, id)],
  ];

  it('never-ended spans run to the latest end below them, placeholders cover their orphans', () => {
    const times = computeNodeTimes(tree);
    expect(windowOf(times, 'open')).toEqual([0, 50]);
    expect(windowOf(times, 'open-inner')).toEqual([12, 50]);
    expect(windowOf(times, 'lone')).toEqual([70, 70]);
    expect(windowOf(times, 'o2')).toEqual([90, 135]);
    expect(windowOf(times, 'gone')).toEqual([90, 135]);
    expect(timesExtent(times)).toEqual({ startNs: 0, endNs: 135 });
  });

  it('shifts spans by their delta; placeholders follow their orphans', () => {
    const shift = new Float64Array(tree.nodeCount);
    shift[nodeOf(tree, 'o2')] = 50;
    shift[nodeOf(tree, 'a')] = -5;
    const times = computeNodeTimes(tree, shift);
    expect(windowOf(times, 'a')).toEqual([5, 10]);
    // o2 now starts at 140, after its unshifted child ended (135): it is zero-length there.
    expect(windowOf(times, 'o2')).toEqual([140, 140]);
    expect(windowOf(times, 'gone')).toEqual([100, 140]);
    const ids = (nodes: Int32Array) => Array.from(nodes, (n) => spanOfNode(tree, n)?.spanId);
    expect(ids(childrenByStart(tree, times, nodeOf(tree, 'gone')))).toEqual(['o1', 'o2']);
    expect(ids(childrenByStart(tree, computeNodeTimes(tree), nodeOf(tree, 'gone')))).toEqual([
      'o2',
      'o1',
    ]);
  });
});
