import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/http-stub';
import { TraceLoadError } from '../source';
import { fetchStoredSpanCount } from './local-trace-summary';

describe("the local store's span count of a trace", () => {
  it('reads spanCount from the summary of that trace', async () => {
    const { fetchImpl, calls } = stubFetch(() =>
      jsonResponse({ summary: { traceId: 'ab', spanCount: 7, errorSpanCount: 0 } }),
    );
    expect(await fetchStoredSpanCount('local', 'a/b', { fetchImpl })).toBe(7);
    expect(calls.map((c) => c.url)).toEqual(['/api/sources/local/api/v3/traces/a%2Fb/summary']);
  });

  it('is undefined for a trace the store does not hold, or an odd answer', async () => {
    const notFound = stubFetch(() =>
      jsonResponse({ error: { httpCode: 404, message: 'No traces found' } }, 404),
    );
    expect(await fetchStoredSpanCount('local', 'ab', notFound)).toBeUndefined();
    for (const body of [{}, { summary: { spanCount: '7' } }, { summary: { spanCount: -1 } }, []]) {
      const odd = stubFetch(() => jsonResponse(body));
      expect(await fetchStoredSpanCount('local', 'ab', odd), JSON.stringify(body)).toBeUndefined();
    }
  });

  it('fails like the adapters on a server error', async () => {
    const failing = stubFetch(() => jsonResponse({ error: { code: 'x', message: 'boom' } }, 500));
    await expect(fetchStoredSpanCount('local', 'ab', failing)).rejects.toBeInstanceOf(
      TraceLoadError,
    );
  });
});
