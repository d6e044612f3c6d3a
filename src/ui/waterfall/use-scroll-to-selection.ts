import { useEffect } from 'react';
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
  /** Stable across renders (it is an effect and callback dependency). */
  scrollToIndex: (index: number) => void,
): void {
  const selectedSpanId = useViewStore((state) => state.selectedSpanId);
  const origin = useViewStore((state) => state.selectionOrigin);

  useEffect(() => {
    if (selectedSpanId === null || origin === 'row') return;
    const node = tree.nodeById.get(selectedSpanId);
    if (node === undefined) return;
    const index = rows.indexOf(node);
    if (index >= 0) {
      scrollToIndex(index);
      return;
    }
    const { collapsed, setCollapsed } = useViewStore.getState();
    const hiding = new Set(collapsed);
    for (let parent = tree.parent[node] ?? -1; parent >= 0; parent = tree.parent[parent] ?? -1) {
      hiding.delete(nodeIdOf(tree, parent));
    }
    if (hiding.size !== collapsed.size) setCollapsed(hiding);
  }, [tree, rows, scrollToIndex, selectedSpanId, origin]);
}
