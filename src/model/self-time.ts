import { childrenByStart, computeNodeTimes, type NodeTimes } from './node-times';
import type { SpanTree } from './span-tree';

/**
 * Self time of every node: its window minus the union of its children's windows clipped to it.
 * Overlapping children count once; time children spend outside the parent counts for nothing.
 *
 * ```
 *   parent  ├─────────────────────────┤         0..26
 *   a          ├──────┤                         3..10
 *   b              ├──────┤                     7..14
 *   c                        ├──────────────┤   17..32, clipped at 26
 *   self    ├──┤          ├──┤                  0..3 + 14..17 = 6
 * ```
 *
 * Children come sorted by start, so one sweep per node: O(n) overall (a sort only where shifted
 * times reordered siblings). Never-ended spans use their known window (`computeNodeTimes`).
 */
export function computeSelfTimes(
  tree: SpanTree,
  times: NodeTimes = computeNodeTimes(tree),
): Float64Array {
  const selfNs = new Float64Array(tree.nodeCount);
  for (let node = 0; node < tree.nodeCount; node++) {
    const start = times.startNs[node] as number;
    const end = times.endNs[node] as number;
    const length = end > start ? end - start : 0;
    selfNs[node] =
      length - coveredByChildren(childrenByStart(tree, times, node), times, start, end);
  }
  return selfNs;
}

/** Length of the union of the children's windows clipped to `[start, end]`. */
function coveredByChildren(
  children: Int32Array,
  times: NodeTimes,
  start: number,
  end: number,
): number {
  let covered = 0;
  let runStart = 0;
  let runEnd = -Infinity;
  for (const child of children) {
    const childStart = Math.max(start, times.startNs[child] as number);
    const childEnd = Math.min(end, times.endNs[child] as number);
    if (childEnd <= childStart) continue;
    if (childStart > runEnd) {
      if (runEnd > runStart) covered += runEnd - runStart;
      runStart = childStart;
      runEnd = childEnd;
    } else if (childEnd > runEnd) {
      runEnd = childEnd;
    }
  }
  if (runEnd > runStart) covered += runEnd - runStart;
  return covered;
}
