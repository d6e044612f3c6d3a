import { describe, expect, it } from 'vitest';
import type { TraceSearchHit } from '../../state/search-queries';
import { nextSort, sortHits } from './sort-hits';

const hit = (traceId: string, patch: Partial<TraceSearchHit>): TraceSearchHit => ({
  traceId,
  startEpochUs: 0,
  durationUs: 0,
  rootService: 'svc',
  rootName: 'op',
  spanCount: 1,
  errorCount: 0,
  services: [],
  ...patch,
});

const HITS = [
  hit('a', { startEpochUs: 3, durationUs: 10, spanCount: null, rootService: 'b' }),
  hit('b', { startEpochUs: 1, durationUs: 30, spanCount: 5, rootService: 'A' }),
  hit('c', { startEpochUs: 2, durationUs: null, spanCount: 2, rootService: 'c' }),
];
const ids = (hits: readonly TraceSearchHit[]) => hits.map((h) => h.traceId).join('');

describe('sortHits', () => {
  it('sorts by each column; unknown figures go last either way', () => {
    expect(ids(sortHits(HITS, { key: 'start', descending: true }))).toBe('acb');
    expect(ids(sortHits(HITS, { key: 'duration', descending: true }))).toBe('bac');
    expect(ids(sortHits(HITS, { key: 'duration', descending: false }))).toBe('abc');
    expect(ids(sortHits(HITS, { key: 'spans', descending: false }))).toBe('cba');
    expect(ids(sortHits(HITS, { key: 'name', descending: false }))).toBe('bac');
  });

  it('flips the direction of the same column; names start ascending, figures descending', () => {
    expect(nextSort({ key: 'start', descending: true }, 'start')).toEqual({
      key: 'start',
      descending: false,
    });
    expect(nextSort({ key: 'start', descending: true }, 'name')).toEqual({
      key: 'name',
      descending: false,
    });
    expect(nextSort({ key: 'name', descending: false }, 'errors')).toEqual({
      key: 'errors',
      descending: true,
    });
  });
});
