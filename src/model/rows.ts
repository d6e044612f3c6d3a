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

/**
 * Rows for the "hide" view: only matching nodes and the ancestors that connect them, in
 * pre-order, still honouring collapsed nodes. Also returns, per row, how many of that node's
 * direct children were left out, so the row can say "N hidden".
 */
export function buildFilteredRows(
  tree: SpanTree,
  collapsed: ReadonlySet<string>,
  matches: Uint8Array,
): { rows: Int32Array; hiddenChildren: Int32Array } {
  const { preorder, descendantCount, parent, childStart } = tree;
  const keep = new Uint8Array(tree.nodeCount);
  for (let node = 0; node < tree.nodeCount; node++) {
    if (matches[node] !== 1) continue;
    // Walk up until an ancestor is already kept: every node is marked at most once.
    for (let up = node; up >= 0 && keep[up] !== 1; up = parent[up] as number) keep[up] = 1;
  }
  const rows: number[] = [];
  const hidden: number[] = [];
  let i = 0;
  while (i < preorder.length) {
    const node = preorder[i] as number;
    if (keep[node] !== 1) {
      i += (descendantCount[node] as number) + 1;
      continue;
    }
    let keptChildren = 0;
    for (let c = childStart[node] as number; c < (childStart[node + 1] as number); c++) {
      if (keep[tree.childList[c] as number] === 1) keptChildren++;
    }
    rows.push(node);
    hidden.push((childStart[node + 1] as number) - (childStart[node] as number) - keptChildren);
    i += collapsed.has(nodeIdOf(tree, node)) ? (descendantCount[node] as number) + 1 : 1;
  }
  return { rows: Int32Array.from(rows), hiddenChildren: Int32Array.from(hidden) };
}
