import { describe, expect, it } from 'vitest';
import {
  EMPTY_SEARCH,
  joinTagText,
  parseDurationUs,
  parseSearchUrl,
  splitTagText,
  toSearchUrl,
  toTraceSearchQuery,
  type SearchParams,
} from './search-params';

const NOW = 1_700_000_000_000;

describe('search URL', () => {
  it('round-trips every field', () => {
    const params: SearchParams = {
      service: 'api',
      operation: 'GET /x',
      tags: ['http.status_code=500', 'url=a b'],
      traceql: '{ status = error }',
      lookback: 'custom',
      startMs: NOW - 60_000,
      endMs: NOW,
      minDuration: '250ms',
      maxDuration: '2s',
      limit: 50,
    };
    const url = toSearchUrl(params);
    expect(url.toString()).toBe(
      'service=api&operation=GET+%2Fx&tag=http.status_code%3D500&tag=url%3Da+b&q=%7B+status+%3D+error+%7D' +
        '&lookback=custom&start=1699999940000&end=1700000000000&minDuration=250ms&maxDuration=2s&limit=50',
    );
    expect(parseSearchUrl(url)).toEqual({ params, isSubmitted: true });
  });

  it('an empty URL is the default form, not yet submitted; bad values fall back', () => {
    expect(parseSearchUrl(new URLSearchParams())).toEqual({
      params: EMPTY_SEARCH,
      isSubmitted: false,
    });
    const odd = parseSearchUrl(new URLSearchParams('lookback=3w&limit=-4&start=x'));
    expect([odd.params.lookback, odd.params.limit, odd.params.startMs]).toEqual(['1h', 20, 0]);
    expect(toSearchUrl(EMPTY_SEARCH).toString()).toBe('lookback=1h');
  });
});

describe('toTraceSearchQuery', () => {
  it('resolves a preset against now, durations to µs, tags to pairs', () => {
    const params = {
      ...EMPTY_SEARCH,
      service: 'api',
      lookback: '15m' as const,
      tags: ['a=1', 'b=x=y'],
      minDuration: '1.5s',
    };
    expect(toTraceSearchQuery(params, NOW)).toEqual({
      query: {
        service: 'api',
        tags: [
          { key: 'a', value: '1' },
          { key: 'b', value: 'x=y' },
        ],
        startUs: (NOW - 15 * 60_000) * 1000,
        endUs: NOW * 1000,
        minDurationUs: 1_500_000,
        limit: 20,
      },
    });
  });

  it.each([
    [{ lookback: 'custom' as const }, 'Choose a start and an end time.'],
    [
      { lookback: 'custom' as const, startMs: 5, endMs: 4 },
      'The end time must be after the start.',
    ],
    [{ minDuration: 'fast' }, 'Min duration "fast" is not a duration such as 250ms or 1.5s.'],
    [{ minDuration: '2s', maxDuration: '1s' }, 'Max duration is below min duration.'],
  ])('refuses %j', (patch, error) => {
    expect(toTraceSearchQuery({ ...EMPTY_SEARCH, ...patch }, NOW)).toEqual({ error });
  });

  it('reads durations in every unit; a bare number is ms', () => {
    expect(['100us', '250ms', '1.5s', '2m', '1h', '40', 'x'].map(parseDurationUs)).toEqual([
      100,
      250_000,
      1_500_000,
      120_000_000,
      3_600_000_000,
      40_000,
      null,
    ]);
  });

  it('splits and joins typed tags, with quoted values', () => {
    expect(splitTagText(' http.status_code=500  url="a \\"b\\" c" empty= ')).toEqual({
      tags: ['http.status_code=500', 'url=a "b" c', 'empty='],
    });
    expect(splitTagText('ok=1 broken')).toEqual({ error: 'broken' });
    expect(joinTagText(['http.status_code=500', 'url=a "b" c'])).toBe(
      'http.status_code=500 url="a \\"b\\" c"',
    );
  });
});
