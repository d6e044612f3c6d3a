import { create } from 'zustand';

/**
 * Shared UI state of the trace page. Sets are replaced, never mutated, so selectors see a new
 * reference on every change.
 */
export interface ViewState {
  selectedSpanId: string | null;
  collapsed: ReadonlySet<string>;
  /** How the selection last changed: the waterfall scrolls to the span unless a row was clicked. */
  selectionOrigin: 'row' | 'external';
  selectSpan: (spanId: string | null, origin?: 'row' | 'external') => void;
  toggleCollapsed: (spanId: string) => void;
  setCollapsed: (ids: Iterable<string>) => void;
  expandAll: () => void;
  reset: (state: { selectedSpanId: string | null; collapsed: ReadonlySet<string> }) => void;
}

export const useViewStore = create<ViewState>()((set) => ({
  selectedSpanId: null,
  collapsed: new Set<string>(),
  selectionOrigin: 'external',
  selectSpan: (spanId, origin = 'external') =>
    set({ selectedSpanId: spanId, selectionOrigin: origin }),
  toggleCollapsed: (spanId) =>
    set((state) => {
      const next = new Set(state.collapsed);
      if (next.has(spanId)) next.delete(spanId);
      else next.add(spanId);
      return { collapsed: next };
    }),
  setCollapsed: (ids) => set({ collapsed: new Set(ids) }),
  expandAll: () => set({ collapsed: new Set<string>() }),
  reset: ({ selectedSpanId, collapsed }) =>
    set({ selectedSpanId, collapsed, selectionOrigin: 'external' }),
}));

export const selectSelectedSpanId = (state: ViewState) => state.selectedSpanId;
export const selectCollapsed = (state: ViewState) => state.collapsed;
