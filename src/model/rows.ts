import { nodeIdOf, type SpanTree } from './span-tree';

/**
 * The nodes shown as waterfall rows, in pre-order, leaving out the descendants of collapsed
 * nodes (a collapsed node itself stays visible). `collapsed` holds span ids and placeholder
 * (missing) ids, as `nodeIdOf` gives them.
 *
 * A subtree is contiguous in pre-order (`descendantCount` long after its root), so a collapsed
 * node is skipped past in one step: O(number of rows + 1), no recursion.
 */
export function buildVisibleRows(tree: SpanTree, collapsed: ReadonlySet<string>): Int32Array {
  const { preorder, descendantCount } = tree;
  if (collapsed.size === 0) return preorder.slice();
  const rows = new Int32Array(preorder.length);
  let count = 0;
  let i = 0;
  while (i < preorder.length) {
    const node = preorder[i] as number;
    rows[count++] = node;
    i += collapsed.has(nodeIdOf(tree, node)) ? (descendantCount[node] as number) + 1 : 1;
  }
  return rows.slice(0, count);
}
