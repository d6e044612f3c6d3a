import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import {
  decodeCollapsed,
  encodeCollapsed,
  indexCollapsibleNodes,
  isCollapsedToken,
  type CollapsibleIndex,
} from '../model/collapsed-encoding';
import type { SpanTree } from '../model/span-tree';
import {
  EMPTY_FILTER,
  FILTER_KINDS,
  formatDurationParam,
  parseDuration,
  type FilterKind,
} from '../model/search';
import { DEFAULT_VIEW, useViewStore, type SharedView } from './view-store';

/** Parameters this module owns; any other parameter in the URL is left alone. */
const OWNED = [
  'span',
  'q',
  'model',
  'errors',
  'kind',
  'service',
  'minDuration',
  'view',
  'from',
  'to',
  'collapsed',
  'cp',
];

/**
 * Up to this many collapsed ids (and `MAX_LISTED_COLLAPSED_CHARS`) are written as the
 * contract's plain list; longer sets as a compact token when the tree allows and it is shorter.
 */
export const MAX_LISTED_COLLAPSED = 8;
const MAX_LISTED_COLLAPSED_CHARS = 200;

/** Compact token for a set of collapsed ids against the current tree, or `null` (keep the list). */
export type CollapsedEncoder = (collapsed: ReadonlySet<string>) => string | null;

function list(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

function finiteNumber(text: string | null): number | null {
  if (text === null || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * Pure: URL query → shared view. Unknown or malformed values fall back to the defaults. A
 * compact `collapsed` token is kept as is (`collapsedToken`): only the tree can resolve it.
 */
export function parseViewState(params: URLSearchParams): SharedView {
  const rawCollapsed = params.get('collapsed')?.trim() ?? '';
  const collapsedToken = isCollapsedToken(rawCollapsed) ? rawCollapsed : null;
  const kinds = list(params, 'kind').filter((kind): kind is FilterKind =>
    (FILTER_KINDS as readonly string[]).includes(kind),
  );
  const fromMs = finiteNumber(params.get('from'));
  const toMs = finiteNumber(params.get('to'));
  return {
    selectedSpanId: params.get('span')?.trim() || null,
    collapsed: new Set(collapsedToken === null ? list(params, 'collapsed') : []),
    collapsedToken,
    filter: {
      ...EMPTY_FILTER,
      text: params.get('q') ?? '',
      models: params.getAll('model').filter((model) => model !== ''),
      errorsOnly: params.get('errors') === '1',
      kinds,
      services: params.getAll('service').filter((service) => service !== ''),
      minDurationNs: parseDuration(params.get('minDuration') ?? ''),
    },
    filterView: params.get('view') === 'hide' ? 'hide' : 'highlight',
    zoom: fromMs !== null && toMs !== null && toMs > fromMs ? { fromMs, toMs } : null,
    showCriticalPath: params.get('cp') !== '0',
  };
}

/**
 * Pure: shared view → URL query, keeping parameters this module does not own, in order.
 * `encode` (given once the tree is known) shortens long collapsed sets.
 */
export function serializeViewState(
  view: SharedView,
  base: URLSearchParams,
  encode?: CollapsedEncoder,
): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of OWNED) params.delete(name);
  const { filter } = view;
  if (view.selectedSpanId) params.set('span', view.selectedSpanId);
  if (filter.text !== '') params.set('q', filter.text);
  for (const model of filter.models) params.append('model', model);
  if (filter.errorsOnly) params.set('errors', '1');
  for (const kind of filter.kinds) params.append('kind', kind);
  for (const service of filter.services) params.append('service', service);
  if (filter.minDurationNs !== null)
    params.set('minDuration', formatDurationParam(filter.minDurationNs));
  if (view.filterView !== DEFAULT_VIEW.filterView) params.set('view', view.filterView);
  if (view.zoom) {
    params.set('from', String(round(view.zoom.fromMs)));
    params.set('to', String(round(view.zoom.toMs)));
  }
  const collapsed = collapsedParam(view, encode);
  if (collapsed !== null) params.set('collapsed', collapsed);
  if (!view.showCriticalPath) params.set('cp', '0');
  return params;
}

/** A short list as is; a long one as a token when that is shorter; a pending token unchanged. */
function collapsedParam(view: SharedView, encode: CollapsedEncoder | undefined): string | null {
  const { collapsed } = view;
  if (collapsed.size === 0) return view.collapsedToken;
  let listChars = collapsed.size - 1;
  for (const id of collapsed) listChars += id.length;
  const isShortList =
    collapsed.size <= MAX_LISTED_COLLAPSED && listChars <= MAX_LISTED_COLLAPSED_CHARS;
  if (!isShortList && encode) {
    const token = encode(collapsed);
    if (token !== null && token.length < listChars) return token;
  }
  return [...collapsed].sort().join(',');
}

/**
 * An encoder against one tree: indexes it on first use and remembers its last answer, since
 * the URL is rewritten on every shared change (a click on a row) while `collapsed` stays.
 */
export function createCollapsedEncoder(tree: SpanTree): CollapsedEncoder {
  let lastSet: ReadonlySet<string> | undefined;
  let lastToken: string | null = null;
  return (collapsed) => {
    if (collapsed !== lastSet) {
      lastSet = collapsed;
      lastToken = encodeCollapsed(collapsibleIndexOf(tree), collapsed);
    }
    return lastToken;
  };
}

const collapsibleIndexes = new WeakMap<SpanTree, CollapsibleIndex>();

/** One index per tree, shared by the encoder and the token resolution. */
function collapsibleIndexOf(tree: SpanTree): CollapsibleIndex {
  let index = collapsibleIndexes.get(tree);
  if (index === undefined) {
    index = indexCollapsibleNodes(tree);
    collapsibleIndexes.set(tree, index);
  }
  return index;
}

/** µs precision is plenty for a zoom window and keeps the URL short. */
function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** Changes worth a history entry (Back returns to them); the rest replace the current entry. */
function isMeaningfulChange(before: URLSearchParams, after: URLSearchParams): boolean {
  const filterParams = ['q', 'model', 'errors', 'kind', 'service', 'minDuration', 'view'];
  return filterParams.some(
    (name) => before.getAll(name).join('\u0000') !== after.getAll(name).join('\u0000'),
  );
}

/**
 * Keeps the view store and the URL in step for one trace: the URL seeds the store when the trace
 * opens (and on Back/Forward), and store changes are written back — filters push a history
 * entry (after typing settles), selection, zoom and collapsing replace it. `tree` is the loaded
 * trace's (undefined while loading): it resolves a compact `collapsed` token and writes one.
 */
export function useUrlViewSync(traceKey: string, tree: SpanTree | undefined): void {
  const [searchParams, setSearchParams] = useSearchParams();
  const lastWritten = useRef<string | null>(null);
  const seededFor = useRef<string | null>(null);
  const justSeeded = useRef(false);
  const view = useViewStore();
  const encode = useMemo(() => (tree ? createCollapsedEncoder(tree) : undefined), [tree]);

  // Seed before paint: once per trace, and whenever the URL changes behind our back (Back).
  // Then, in the same commit or once the tree arrives, a compact `collapsed` token becomes span
  // ids; until the tree is there it waits in the store and the URL keeps it.
  useLayoutEffect(() => {
    const current = searchParams.toString();
    if (seededFor.current !== traceKey || current !== lastWritten.current) {
      seededFor.current = traceKey;
      lastWritten.current = current;
      justSeeded.current = true;
      useViewStore.getState().reset(parseViewState(searchParams));
    }
    const { collapsedToken: pending, applyCollapsedToken } = useViewStore.getState();
    if (tree && pending !== null) {
      applyCollapsedToken(decodeCollapsed(collapsibleIndexOf(tree), pending));
    }
  }, [traceKey, searchParams, tree]);

  const { selectedSpanId, collapsed, collapsedToken, filter, filterView, zoom, showCriticalPath } =
    view;
  useEffect(() => {
    // This render still holds the view from before seeding; the seeded one re-renders next.
    if (justSeeded.current) {
      justSeeded.current = false;
      return;
    }
    const shared = {
      selectedSpanId,
      collapsed,
      collapsedToken,
      filter,
      filterView,
      zoom,
      showCriticalPath,
    };
    const next = serializeViewState(shared, searchParams, encode);
    if (next.toString() === searchParams.toString()) return;
    const isPush = isMeaningfulChange(searchParams, next);
    const write = () => {
      lastWritten.current = next.toString();
      setSearchParams(next, { replace: !isPush });
    };
    if (!isPush) {
      write();
      return;
    }
    // Typing in the filter: one history entry once the user pauses.
    const timer = setTimeout(write, 400);
    return () => clearTimeout(timer);
  }, [
    selectedSpanId,
    collapsed,
    collapsedToken,
    filter,
    filterView,
    zoom,
    showCriticalPath,
    searchParams,
    setSearchParams,
    encode,
  ]);
}
