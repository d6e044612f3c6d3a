import { childrenByStart, computeNodeTimes, type NodeTimes } from './node-times';
import { isSpanNode, type SpanTree } from './span-tree';

/**
 * "What if these calls ran in parallel": for a parent whose children ran one after another.
 * `maxSavingNs` is an upper bound: it assumes the calls do not depend on each other, which the
 * trace cannot tell.
 */
export interface ParallelWhatIf {
  readonly node: number;
  /** Children that took time (zero-length ones are left out). */
  readonly childCount: number;
  /** Sum of the children's durations: the time they take one after another. */
  readonly sequentialNs: number;
  /** First child's start to last child's end, gaps included. */
  readonly spanNs: number;
  /** The longest child: the least the calls could take if all ran at once. */
  readonly lowerBoundNs: number;
  /** `sequentialNs − lowerBoundNs`: at most this much could be saved. */
  readonly maxSavingNs: number;
}

/**
 * The what-if figures of one node, or `null` unless at least two children took time and none
 * overlaps another (touching is fine). A never-ended child makes it `null`: its length is unknown.
 *
 * ```
 *   parent  ├──────────────────────────────┤
 *   a         ├─────┤                              sequential = a + b + c
 *   b                 ├──────────┤                 lower bound = b (the longest)
 *   c                              ├───┤           saving ≤ a + c
 * ```
 *
 * O(children) (children come sorted by start).
 */
export function computeParallelWhatIf(
  tree: SpanTree,
  node: number,
  times: NodeTimes = computeNodeTimes(tree),
): ParallelWhatIf | null {
  let childCount = 0;
  let sequentialNs = 0;
  let lowerBoundNs = 0;
  let firstStart = Infinity;
  let lastEnd = -Infinity;
  for (const child of childrenByStart(tree, times, node)) {
    if (isSpanNode(tree, child) && (tree.trace.durationNs[child] as number) < 0) return null;
    const start = times.startNs[child] as number;
    const end = times.endNs[child] as number;
    if (end <= start) continue;
    if (start < lastEnd) return null;
    childCount++;
    sequentialNs += end - start;
    if (end - start > lowerBoundNs) lowerBoundNs = end - start;
    if (start < firstStart) firstStart = start;
    lastEnd = end;
  }
  if (childCount < 2) return null;
  const maxSavingNs = sequentialNs - lowerBoundNs;
  return {
    node,
    childCount,
    sequentialNs,
    spanNs: lastEnd - firstStart,
    lowerBoundNs,
    maxSavingNs,
  };
}

/** Every node with sequential children, largest possible saving first (ties in node order). O(n). */
export function findParallelWhatIfs(
  tree: SpanTree,
  times: NodeTimes = computeNodeTimes(tree),
): ParallelWhatIf[] {
  const found: ParallelWhatIf[] = [];
  for (let node = 0; node < tree.nodeCount; node++) {
    const start = tree.childStart[node] as number;
    if ((tree.childStart[node + 1] as number) - start < 2) continue;
    const whatIf = computeParallelWhatIf(tree, node, times);
    if (whatIf) found.push(whatIf);
  }
  return found.sort((a, b) => b.maxSavingNs - a.maxSavingNs || a.node - b.node);
}
