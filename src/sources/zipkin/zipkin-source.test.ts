import { describe, expect, it } from 'vitest';
import { loadFixture, readFixtureText } from '../../../test/fixtures';
import {
  jsonResponse,
  loadError,
  stubFetch,
  textResponse,
  type StubHandler,
} from '../../../test/http-stub';
import type { TraceSearchQuery } from '../search-types';
import { buildZipkinSearchParams, createZipkinSource } from './zipkin-source';

const QUERY: TraceSearchQuery = {
  service: 'frontend',
  operation: 'get',
  tags: [
    { key: 'http.path', value: '/api' },
    { key: 'error', value: '' },
  ],
  startUs: 1_700_000_000_000_000,
  endUs: 1_700_003_600_000_500,
  minDurationUs: 1000,
  maxDurationUs: 2_000_000,
  limit: 10,
};

function zipkin(handler: StubHandler) {
  const stub = stubFetch(handler);
  return { ...stub, source: createZipkinSource('z', stub.fetchImpl) };
}

describe('Zipkin source', () => {
  it('fetches /api/v2/trace/{id} and parses it', async () => {
    const { source, calls } = zipkin(
      () => new Response(readFixtureText('zipkin/zipkin-v2_yelp.json')),
    );
    const parsed = await source.fetchTrace('a03ee8fff1dcd9b9');
    expect(calls.map((c) => c.path)).toEqual(['/api/v2/trace/a03ee8fff1dcd9b9']);
    expect(parsed.trace.spans).toHaveLength(16);
  });

  it('maps the plain-text 404 and an empty array to not-found', async () => {
    const missing = zipkin(() => textResponse('a03ee8fff1dcd9b0 not found', 404));
    const error = await loadError(missing.source.fetchTrace('a03ee8fff1dcd9b0'));
    expect([error.reason, error.detail]).toEqual(['not-found', 'a03ee8fff1dcd9b0 not found']);
    expect((await loadError(zipkin(() => jsonResponse([])).source.fetchTrace('1'))).reason).toBe(
      'not-found',
    );
    expect(
      (await loadError(zipkin(() => jsonResponse({ a: 1 })).source.fetchTrace('1'))).reason,
    ).toBe('bad-response');
  });

  it('searches with endTs/lookback in ms, durations in µs and an annotationQuery', () => {
    expect(Object.fromEntries(buildZipkinSearchParams(QUERY))).toEqual({
      serviceName: 'frontend',
      spanName: 'get',
      annotationQuery: 'http.path=/api and error',
      minDuration: '1000',
      maxDuration: '2000000',
      endTs: '1700003600001',
      lookback: '3600001',
      limit: '10',
    });
  });

  it('summarizes the Span[][] search result', async () => {
    const body = [
      loadFixture('zipkin/zipkin-v2_skew.json'),
      loadFixture('zipkin/zipkin-v2_messaging-kafka.json'),
    ];
    const { source } = zipkin(() => jsonResponse(body));
    const { hits } = await source.searchTraces(QUERY);
    expect(hits.map((h) => [h.traceId, h.spanCount, h.errorCount, h.rootName])).toEqual([
      ['0562809467078eab', 28, 3, expect.any(String) as unknown],
      ['1e223ff1f80f1c69', 4, 0, 'get'],
    ]);
    expect(hits[1]).toMatchObject({
      rootService: 'servicea',
      startEpochUs: 1470150004008761,
      services: ['servicea', 'serviceb'],
    });
    expect((await zipkin(() => jsonResponse([])).source.searchTraces(QUERY)).hits).toEqual([]);
  });

  it('reads services and span names', async () => {
    const { source, calls } = zipkin(({ path }) =>
      jsonResponse(path === '/api/v2/services' ? ['b', 'a'] : ['get', 'post']),
    );
    expect(await source.fetchServices()).toEqual(['a', 'b']);
    expect(await source.fetchOperations('a b')).toEqual(['get', 'post']);
    expect(calls[1]?.url).toBe('/api/sources/z/api/v2/spans?serviceName=a+b');
  });
});
