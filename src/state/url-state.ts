import { useEffect, useLayoutEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useViewStore } from './view-store';

/** The part of the view a shared URL reproduces. */
export interface UrlViewState {
  readonly span: string | null;
  readonly collapsed: readonly string[];
}

/** Pure: URL query → view state. Unknown parameters are ignored; empty values mean "unset". */
export function parseViewState(params: URLSearchParams): UrlViewState {
  const span = params.get('span')?.trim() || null;
  const collapsed = (params.get('collapsed') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  return { span, collapsed };
}

/** Pure: view state → URL query, keeping parameters this module does not own. */
export function serializeViewState(state: UrlViewState, base: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  if (state.span) params.set('span', state.span);
  else params.delete('span');
  if (state.collapsed.length > 0) params.set('collapsed', [...state.collapsed].sort().join(','));
  else params.delete('collapsed');
  return params;
}

/**
 * Keeps the view store and the URL in step for one trace: the URL seeds the store when the trace
 * opens, and store changes are written back with `replace` (moving through rows must not flood
 * the history).
 */
export function useUrlViewSync(traceKey: string): void {
  const [searchParams, setSearchParams] = useSearchParams();
  const seededFor = useRef<string | null>(null);
  const justSeeded = useRef(false);
  const selectedSpanId = useViewStore((state) => state.selectedSpanId);
  const collapsed = useViewStore((state) => state.collapsed);

  // Seed before paint, once per trace; later URL edits by this hook must not re-seed.
  useLayoutEffect(() => {
    if (seededFor.current === traceKey) return;
    seededFor.current = traceKey;
    justSeeded.current = true;
    const fromUrl = parseViewState(searchParams);
    useViewStore.getState().reset({
      selectedSpanId: fromUrl.span,
      collapsed: new Set(fromUrl.collapsed),
    });
  }, [traceKey, searchParams]);

  useEffect(() => {
    // This render still holds the previous trace's view; the seeded one re-renders right after.
    if (justSeeded.current) {
      justSeeded.current = false;
      return;
    }
    const next = serializeViewState(
      { span: selectedSpanId, collapsed: [...collapsed] },
      searchParams,
    );
    if (next.toString() !== searchParams.toString()) setSearchParams(next, { replace: true });
  }, [selectedSpanId, collapsed, searchParams, setSearchParams]);
}
