import { useEffect, useMemo, useState } from 'react';
import { isFilterActive, type SpanFilter } from '../model/search';
import { NO_MATCHES, type FilterResult } from './filter-result';
import type { TraceModel } from './trace-model';
import { useViewStore } from './view-store';

export interface FilterMatches extends FilterResult {
  /**
   * True while the current filter's answer is on its way: `matches` and `count` are then the
   * previous answer (kept so the rows do not flicker while typing), or none at all.
   */
  readonly isPending: boolean;
}

/** No answer yet for this trace: shown as no filter at all (nothing dims, nothing hides). */
const PENDING: FilterMatches = { ...NO_MATCHES, isPending: true };
const INACTIVE: FilterMatches = { ...NO_MATCHES, isPending: false };

interface Answer {
  readonly source: unknown;
  readonly filter: SpanFilter;
  /** Whether the answer already knew the facets (they come with the derived data). */
  readonly hasFacets: boolean;
  readonly result: FilterResult;
}

/**
 * The spans the current filter matches. The filter runs where the trace lives (the worker for
 * server sources), so typing never blocks the page. A newer filter's answer always wins over an
 * older one's; the filter runs again when the derived data (kind and model facets) arrives.
 */
export function useFilterMatches(model: TraceModel): FilterMatches {
  const filter = useViewStore((state) => state.filter);
  const { source, derived } = model;
  const hasFacets = derived !== undefined;
  const [answer, setAnswer] = useState<Answer | undefined>(undefined);
  useEffect(() => {
    if (!isFilterActive(filter)) return;
    let isCurrent = true;
    void source.match(filter).then((result) => {
      if (isCurrent) setAnswer({ source, filter, hasFacets, result });
    });
    return () => {
      isCurrent = false;
    };
  }, [source, filter, hasFacets]);
  const isActive = isFilterActive(filter);
  const isPending =
    answer === undefined || answer.filter !== filter || answer.hasFacets !== hasFacets;
  // One object per answer and pending state, so memoized rows are not rebuilt on every render.
  const shown = useMemo(
    () => (answer ? { ...answer.result, isActive: true, isPending } : undefined),
    [answer, isPending],
  );
  if (!isActive) return INACTIVE;
  if (!shown || answer?.source !== source) return PENDING;
  return shown;
}
