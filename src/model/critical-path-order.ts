/**
 * The order the critical-path walk looks at children in: each node's eligible children by end,
 * latest first. Split from critical-path-walk.ts.
 */
import type { Eligibility } from './critical-path-eligibility';
import { childrenByStart, type NodeTimes } from './node-times';
import type { SpanTree } from './span-tree';

/** Eligible children of each node (CSR: `list[start[n] .. start[n+1])`) and eligible roots. */
export interface ByEnd {
  readonly start: Int32Array;
  readonly list: Int32Array;
  readonly roots: Int32Array;
}

/** Below this many children an insertion sort beats allocating for the counting placement. */
const SMALL_SEGMENT = 32;

/**
 * Orders by clipped end, latest first; ties keep start order (earlier start, which covers more,
 * then input order), so results are deterministic. O(n log n) overall, with native numeric
 * sorts rather than a comparator (which took seconds on a 1,000,000-child fan-out).
 */
export function sortEligibleByEnd(
  tree: SpanTree,
  times: NodeTimes,
  { reasonCode, clipEndNs }: Eligibility,
): ByEnd {
  const { nodeCount, parent } = tree;
  const start = new Int32Array(nodeCount + 1);
  for (let node = 0; node < nodeCount; node++) {
    const p = parent[node] as number;
    if (reasonCode[node] === 0 && p >= 0) start[p + 1] = (start[p + 1] as number) + 1;
  }
  for (let node = 0; node < nodeCount; node++) {
    start[node + 1] = (start[node + 1] as number) + (start[node] as number);
  }
  const list = new Int32Array(start[nodeCount] as number);
  const scratch = new Int32Array(nodeCount);
  const eligibleOf = (nodes: Int32Array) => {
    let count = 0;
    for (const node of nodes) if (reasonCode[node] === 0) scratch[count++] = node;
    return scratch.subarray(0, count);
  };
  for (let node = 0; node < nodeCount; node++) {
    if (start[node + 1] === start[node]) continue;
    const kids = eligibleOf(childrenByStart(tree, times, node));
    placeByEndDesc(kids, clipEndNs, list, start[node] as number);
  }
  const roots = eligibleOf(rootsByStart(tree, times));
  const sortedRoots = new Int32Array(roots.length);
  placeByEndDesc(roots, clipEndNs, sortedRoots, 0);
  return { start, list, roots: sortedRoots };
}

function rootsByStart(tree: SpanTree, times: NodeTimes): Int32Array {
  const { roots } = tree;
  const start = times.startNs;
  for (let k = 1; k < roots.length; k++) {
    if ((start[roots[k] as number] as number) < (start[roots[k - 1] as number] as number)) {
      return roots.slice().sort((a, b) => (start[a] as number) - (start[b] as number) || a - b);
    }
  }
  return roots;
}

/**
 * Writes `nodes` (in start order) into `out[at ..]` by end descending, stable. Large segments:
 * sort the ends natively, then each node's block of equal ends is found by binary search and
 * filled in arrival order.
 */
function placeByEndDesc(nodes: Int32Array, endNs: Float64Array, out: Int32Array, at: number) {
  const count = nodes.length;
  if (count <= SMALL_SEGMENT) {
    for (let i = 0; i < count; i++) {
      const node = nodes[i] as number;
      const end = endNs[node] as number;
      let j = at + i;
      while (j > at && (endNs[out[j - 1] as number] as number) < end) {
        out[j] = out[j - 1] as number;
        j--;
      }
      out[j] = node;
    }
    return;
  }
  const ends = new Float64Array(count);
  for (let i = 0; i < count; i++) ends[i] = endNs[nodes[i] as number] as number;
  const sorted = ends.slice().sort();
  const filled = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const end = ends[i] as number;
    // Equal ends fill the block just below `above` (the count of ends ≤ this one) in order.
    const above = upperBound(sorted, end);
    out[at + count - above + (filled[above - 1] as number)] = nodes[i] as number;
    filled[above - 1] = (filled[above - 1] as number) + 1;
  }
}

/** Number of values ≤ `value` in an ascending array. */
function upperBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
