import { childrenOf, type SpanTree } from './span-tree';

/**
 * The time window of every node as the timing algorithms see it (critical path, self time,
 * statistics, what-if), in ns offsets from the trace origin. Kept apart from the tree so the same
 * algorithms run on raw or clock-skew-adjusted times (see clock-skew.ts).
 */
export interface NodeTimes {
  readonly startNs: Float64Array;
  readonly endNs: Float64Array;
}

/**
 * Windows of all nodes, each span shifted by `deltaNs[node]` when given.
 *
 * - A finished span: `[start, start + duration]`.
 * - A never-ended span: from its start to the latest end of anything below it (what it at least
 *   lasted), or zero-length when nothing below it ended.
 * - A placeholder (missing parent): the union of its children's windows.
 *
 * ```
 *   A (never ended) ├───────────?            A's window: start of A → end of C
 *     B               ├────┤
 *     C                  ├──────┤
 * ```
 *
 * One backward pass over the pre-order (children before parents), O(n).
 */
export function computeNodeTimes(tree: SpanTree, deltaNs?: Float64Array): NodeTimes {
  const { nodeCount, parent, preorder } = tree;
  const table = tree.trace;
  const spanCount = table.count;
  const startNs = new Float64Array(nodeCount);
  const endNs = new Float64Array(nodeCount);
  const isGrowable = new Uint8Array(nodeCount);
  for (let node = 0; node < spanCount; node++) {
    const start = (table.startNs[node] as number) + (deltaNs?.[node] ?? 0);
    const duration = table.durationNs[node] as number;
    startNs[node] = start;
    endNs[node] = start + (duration < 0 ? 0 : duration);
    if (duration < 0) isGrowable[node] = 1;
  }
  for (let node = spanCount; node < nodeCount; node++) {
    startNs[node] = Infinity;
    endNs[node] = -Infinity;
    isGrowable[node] = 2;
  }
  for (let i = preorder.length - 1; i >= 0; i--) {
    const node = preorder[i] as number;
    const p = parent[node] as number;
    if (isGrowable[node] === 2 && startNs[node] === Infinity) {
      // A placeholder always has children; keep the builder's window if it somehow has none.
      const placeholder = tree.placeholders[node - spanCount];
      startNs[node] = placeholder?.startNs ?? 0;
      endNs[node] = placeholder?.endNs ?? 0;
    }
    if (p < 0 || isGrowable[p] === 0) continue;
    if ((endNs[node] as number) > (endNs[p] as number)) endNs[p] = endNs[node] as number;
    if (isGrowable[p] === 2 && (startNs[node] as number) < (startNs[p] as number)) {
      startNs[p] = startNs[node] as number;
    }
  }
  return { startNs, endNs };
}

/**
 * The children of a node ordered by start in `times`. The tree already sorts children by raw
 * start, so this is a view unless shifted times (clock skew) reordered them.
 */
export function childrenByStart(tree: SpanTree, times: NodeTimes, node: number): Int32Array {
  const children = childrenOf(tree, node);
  const start = times.startNs;
  for (let k = 1; k < children.length; k++) {
    if ((start[children[k] as number] as number) < (start[children[k - 1] as number] as number)) {
      return children.slice().sort((a, b) => (start[a] as number) - (start[b] as number) || a - b);
    }
  }
  return children;
}

/** Earliest start and latest end over all nodes (the trace's extent in these times). */
export function timesExtent(times: NodeTimes): { startNs: number; endNs: number } {
  let startNs = Infinity;
  let endNs = -Infinity;
  for (let node = 0; node < times.startNs.length; node++) {
    if ((times.startNs[node] as number) < startNs) startNs = times.startNs[node] as number;
    if ((times.endNs[node] as number) > endNs) endNs = times.endNs[node] as number;
  }
  return startNs <= endNs ? { startNs, endNs } : { startNs: 0, endNs: 0 };
}
