import { useCallback } from 'react';
import { nodeIdOf, type SpanTree } from '../../model/span-tree';
import type { FilterMatches } from '../../state/filter-matches';
import { useViewStore } from '../../state/view-store';

/**
 * Returns `step(±1)`: selects the next or previous matching span in waterfall (pre-)order,
 * wrapping around, starting from the current selection.
 */
export function useMatchStepper(tree: SpanTree, matches: FilterMatches) {
  return useCallback(
    (direction: 1 | -1) => {
      if (matches.count === 0) return;
      const { selectedSpanId, selectSpan } = useViewStore.getState();
      const { preorder } = tree;
      const selected = selectedSpanId === null ? undefined : tree.nodeById.get(selectedSpanId);
      let position = selected === undefined ? -1 : preorder.indexOf(selected);
      if (position < 0 && direction < 0) position = 0;
      for (let steps = 0; steps < preorder.length; steps++) {
        position = (position + direction + preorder.length) % preorder.length;
        const node = preorder[position] as number;
        if (matches.matches[node] === 1) {
          selectSpan(nodeIdOf(tree, node), 'external');
          return;
        }
      }
    },
    [tree, matches],
  );
}
