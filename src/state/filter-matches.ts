import { useDeferredValue, useMemo } from 'react';
import { isFilterActive, matchSpans, type SpanFacets } from '../model/search';
import type { SpanTree } from '../model/span-tree';
import { useViewStore } from './view-store';

export interface FilterMatches {
  readonly isActive: boolean;
  /** 1 per matching node; empty when no filter is active. */
  readonly matches: Uint8Array;
  readonly count: number;
}

const NONE = new Uint8Array(0);

/**
 * The spans the current filter matches. The filter is deferred so typing stays responsive on
 * large traces: React renders the input first and recomputes matches in the background.
 */
export function useFilterMatches(
  tree: SpanTree,
  facets: readonly (SpanFacets | undefined)[] | undefined,
): FilterMatches {
  const filter = useDeferredValue(useViewStore((state) => state.filter));
  return useMemo(() => {
    if (!isFilterActive(filter)) return { isActive: false, matches: NONE, count: 0 };
    const matches = matchSpans(tree, filter, facets);
    let count = 0;
    for (const flag of matches) count += flag;
    return { isActive: true, matches, count };
  }, [tree, filter, facets]);
}
