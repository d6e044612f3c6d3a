import { useEffect } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import type { SpanTree } from '../../model/span-tree';
import { useViewStore } from '../../state/view-store';
import { nodeIdOf } from '../../model/span-tree';

/**
 * Brings a span selected from outside the waterfall (URL, detail panel links, keyboard) into
 * view, expanding collapsed ancestors that hide it. Row clicks are already in view.
 */
export function useScrollToSelection(
  tree: SpanTree,
  rows: Int32Array,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
): void {
  const selectedSpanId = useViewStore((state) => state.selectedSpanId);
  const origin = useViewStore((state) => state.selectionOrigin);

  useEffect(() => {
    if (selectedSpanId === null || origin === 'row') return;
    const node = tree.nodeById.get(selectedSpanId);
    if (node === undefined) return;
    const index = rows.indexOf(node);
    if (index >= 0) {
      virtualizer.scrollToIndex(index, { align: 'auto' });
      return;
    }
    const { collapsed, setCollapsed } = useViewStore.getState();
    const hiding = new Set(collapsed);
    for (let parent = tree.parent[node] ?? -1; parent >= 0; parent = tree.parent[parent] ?? -1) {
      hiding.delete(nodeIdOf(tree, parent));
    }
    if (hiding.size !== collapsed.size) setCollapsed(hiding);
  }, [tree, rows, virtualizer, selectedSpanId, origin]);
}
