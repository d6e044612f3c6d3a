import { useCallback, type KeyboardEvent } from 'react';
import type { SpanTree } from '../../model/span-tree';
import { useViewStore } from '../../state/view-store';
import { childrenOf, nodeIdOf } from '../../model/span-tree';

/**
 * Arrow keys move the selection through the visible rows; Left collapses (or goes to the
 * parent), Right expands, Escape clears the selection.
 */
export function useWaterfallKeyboard(
  tree: SpanTree,
  rows: Int32Array,
  /** Stable across renders (a callback dependency). */
  scrollToIndex: (index: number) => void,
) {
  return useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const { selectedSpanId, selectSpan, collapsed, toggleCollapsed } = useViewStore.getState();
      const node = selectedSpanId === null ? undefined : tree.nodeById.get(selectedSpanId);
      const index = node === undefined ? -1 : rows.indexOf(node);
      const moveTo = (next: number) => {
        const target = rows[Math.min(rows.length - 1, Math.max(0, next))];
        if (target === undefined) return;
        selectSpan(nodeIdOf(tree, target), 'row');
        scrollToIndex(rows.indexOf(target));
      };

      switch (event.key) {
        case 'ArrowDown':
          moveTo(index + 1);
          break;
        case 'ArrowUp':
          moveTo(index < 0 ? 0 : index - 1);
          break;
        case 'ArrowLeft':
          if (node === undefined) return;
          if (childrenOf(tree, node).length > 0 && !collapsed.has(nodeIdOf(tree, node))) {
            toggleCollapsed(nodeIdOf(tree, node));
          } else if ((tree.parent[node] ?? -1) >= 0) {
            moveTo(rows.indexOf(tree.parent[node] ?? -1));
          }
          break;
        case 'ArrowRight':
          if (node !== undefined && collapsed.has(nodeIdOf(tree, node))) {
            toggleCollapsed(nodeIdOf(tree, node));
          }
          break;
        case 'Escape':
          selectSpan(null);
          break;
        default:
          return;
      }
      event.preventDefault();
    },
    [tree, rows, scrollToIndex],
  );
}
