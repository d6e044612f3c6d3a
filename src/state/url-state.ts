import { useEffect, useLayoutEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
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

/** Pure: URL query → shared view. Unknown or malformed values fall back to the defaults. */
export function parseViewState(params: URLSearchParams): SharedView {
  const kinds = list(params, 'kind').filter((kind): kind is FilterKind =>
    (FILTER_KINDS as readonly string[]).includes(kind),
  );
  const fromMs = finiteNumber(params.get('from'));
  const toMs = finiteNumber(params.get('to'));
  return {
    selectedSpanId: params.get('span')?.trim() || null,
    collapsed: new Set(list(params, 'collapsed')),
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

/** Pure: shared view → URL query, keeping parameters this module does not own, in order. */
export function serializeViewState(view: SharedView, base: URLSearchParams): URLSearchParams {
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
  if (view.collapsed.size > 0) params.set('collapsed', [...view.collapsed].sort().join(','));
  if (!view.showCriticalPath) params.set('cp', '0');
  return params;
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
 * entry (after typing settles), selection, zoom and collapsing replace it.
 */
export function useUrlViewSync(traceKey: string): void {
  const [searchParams, setSearchParams] = useSearchParams();
  const lastWritten = useRef<string | null>(null);
  const seededFor = useRef<string | null>(null);
  const justSeeded = useRef(false);
  const view = useViewStore();

  // Seed before paint: once per trace, and whenever the URL changes behind our back (Back).
  useLayoutEffect(() => {
    const current = searchParams.toString();
    if (seededFor.current === traceKey && current === lastWritten.current) return;
    seededFor.current = traceKey;
    lastWritten.current = current;
    justSeeded.current = true;
    useViewStore.getState().reset(parseViewState(searchParams));
  }, [traceKey, searchParams]);

  const { selectedSpanId, collapsed, filter, filterView, zoom, showCriticalPath } = view;
  useEffect(() => {
    // This render still holds the view from before seeding; the seeded one re-renders next.
    if (justSeeded.current) {
      justSeeded.current = false;
      return;
    }
    const shared = { selectedSpanId, collapsed, filter, filterView, zoom, showCriticalPath };
    const next = serializeViewState(shared, searchParams);
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
    filter,
    filterView,
    zoom,
    showCriticalPath,
    searchParams,
    setSearchParams,
  ]);
}
