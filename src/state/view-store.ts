import { create } from 'zustand';
import type { CollapsedTokenProblem, DecodedCollapsed } from '../model/collapsed-encoding';
import { EMPTY_FILTER, type SpanFilter } from '../model/search';

export type FilterView = 'highlight' | 'hide';

/** A zoom window in ms offsets from the trace start (the URL's `from`/`to`). */
export interface ZoomWindow {
  readonly fromMs: number;
  readonly toMs: number;
}

/**
 * Shared UI state of the trace page. Sets are replaced, never mutated, so selectors see a new
 * reference on every change.
 */
export interface ViewState {
  selectedSpanId: string | null;
  /** Collapsed span ids (and placeholder ids), as `nodeIdOf` gives them. */
  collapsed: ReadonlySet<string>;
  /**
   * A compact `collapsed` token from the URL, waiting for the tree it was made against; while it
   * waits, `collapsed` is empty and the URL keeps the token. Any change to `collapsed` drops it.
   */
  collapsedToken: string | null;
  /** Why the last URL token was ignored (the trace changed since the link was made). */
  collapsedTokenProblem: CollapsedTokenProblem | null;
  filter: SpanFilter;
  filterView: FilterView;
  zoom: ZoomWindow | null;
  showCriticalPath: boolean;
  /** Draw the times as recorded instead of clock-skew adjusted ones. */
  showRawTimes: boolean;
  /** Show only the spans on the critical path (and the ancestors connecting them). */
  criticalOnly: boolean;
  /** How the selection last changed: the waterfall scrolls to the span unless a row was clicked. */
  selectionOrigin: 'row' | 'external';
  selectSpan: (spanId: string | null, origin?: 'row' | 'external') => void;
  toggleCollapsed: (spanId: string) => void;
  setCollapsed: (ids: Iterable<string>) => void;
  expandAll: () => void;
  /** Applies the pending URL token once decoded: its span ids, or nothing and why. */
  applyCollapsedToken: (decoded: DecodedCollapsed) => void;
  dismissCollapsedTokenProblem: () => void;
  setFilter: (patch: Partial<SpanFilter>) => void;
  clearFilter: () => void;
  setFilterView: (view: FilterView) => void;
  setZoom: (zoom: ZoomWindow | null) => void;
  setShowCriticalPath: (show: boolean) => void;
  setShowRawTimes: (show: boolean) => void;
  setCriticalOnly: (only: boolean) => void;
  reset: (state: SharedView) => void;
}

/** The part of the view that a shared URL carries. */
export type SharedView = Pick<
  ViewState,
  | 'selectedSpanId'
  | 'collapsed'
  | 'collapsedToken'
  | 'filter'
  | 'filterView'
  | 'zoom'
  | 'showCriticalPath'
>;

export const DEFAULT_VIEW: SharedView = {
  selectedSpanId: null,
  collapsed: new Set<string>(),
  collapsedToken: null,
  filter: EMPTY_FILTER,
  filterView: 'highlight',
  zoom: null,
  showCriticalPath: true,
};

export const useViewStore = create<ViewState>()((set) => ({
  ...DEFAULT_VIEW,
  selectionOrigin: 'external',
  showRawTimes: false,
  criticalOnly: false,
  collapsedTokenProblem: null,
  selectSpan: (spanId, origin = 'external') =>
    set({ selectedSpanId: spanId, selectionOrigin: origin }),
  toggleCollapsed: (spanId) =>
    set((state) => {
      const next = new Set(state.collapsed);
      if (next.has(spanId)) next.delete(spanId);
      else next.add(spanId);
      return { collapsed: next, collapsedToken: null };
    }),
  setCollapsed: (ids) => set({ collapsed: new Set(ids), collapsedToken: null }),
  expandAll: () => set({ collapsed: new Set<string>(), collapsedToken: null }),
  applyCollapsedToken: (decoded) =>
    set({
      collapsed: new Set(decoded.ok ? decoded.ids : []),
      collapsedToken: null,
      collapsedTokenProblem: decoded.ok ? null : decoded.problem,
    }),
  dismissCollapsedTokenProblem: () => set({ collapsedTokenProblem: null }),
  setFilter: (patch) => set((state) => ({ filter: { ...state.filter, ...patch } })),
  clearFilter: () => set({ filter: EMPTY_FILTER }),
  setFilterView: (filterView) => set({ filterView }),
  setZoom: (zoom) => set({ zoom }),
  setShowCriticalPath: (showCriticalPath) => set({ showCriticalPath }),
  setShowRawTimes: (showRawTimes) => set({ showRawTimes }),
  setCriticalOnly: (criticalOnly) => set({ criticalOnly }),
  reset: (view) => set({ ...view, selectionOrigin: 'external', collapsedTokenProblem: null }),
}));
