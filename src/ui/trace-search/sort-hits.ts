import type { TraceSearchHit } from '../../state/search-queries';

export type HitSortKey = 'start' | 'name' | 'duration' | 'spans' | 'errors';
export interface HitSort {
  readonly key: HitSortKey;
  readonly descending: boolean;
}

export const DEFAULT_HIT_SORT: HitSort = { key: 'start', descending: true };

function value(hit: TraceSearchHit, key: HitSortKey): number | string | null {
  switch (key) {
    case 'start':
      return hit.startEpochUs;
    case 'name':
      return `${hit.rootService}\u0000${hit.rootName}`.toLowerCase();
    case 'duration':
      return hit.durationUs;
    case 'spans':
      return hit.spanCount;
    case 'errors':
      return hit.errorCount;
  }
}

/** Sorted copy; unknown figures (null) always last, ties keep the backend's order. */
export function sortHits(hits: readonly TraceSearchHit[], sort: HitSort): TraceSearchHit[] {
  const sign = sort.descending ? -1 : 1;
  return hits
    .map((hit, index) => ({ hit, index, v: value(hit, sort.key) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) {
        return a.v === b.v ? a.index - b.index : a.v === null ? 1 : -1;
      }
      const order = a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
      return order * sign || a.index - b.index;
    })
    .map(({ hit }) => hit);
}

/** Clicking a column: the same column flips direction, another starts at its natural order. */
export function nextSort(current: HitSort, key: HitSortKey): HitSort {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: key !== 'name' };
}
