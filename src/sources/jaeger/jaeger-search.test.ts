import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/fixtures';
import {
  GO_404,
  jsonResponse,
  loadError,
  stubFetch,
  textResponse,
  type StubHandler,
} from '../../../test/http-stub';
import type { TraceSearchQuery } from '../search-types';
import { createJaegerSource } from './jaeger-source';
import { buildV1SearchParams, type JaegerApiCache } from './jaeger-search';

const QUERY: TraceSearchQuery = {
  service: 'frontend',
  operation: 'GET /',
  tags: [{ key: 'error', value: 'true' }],
  startUs: 1_700_000_000_000_000,
  endUs: 1_700_003_600_000_000,
  minDurationUs: 250_000,
  limit: 20,
};

const envelope = (data: unknown) => ({ data, total: 0, limit: 0, offset: 0, errors: null });

function jaeger(handler: StubHandler, cache: JaegerApiCache = new Map()) {
  const stub = stubFetch(handler);
  return { ...stub, cache, source: createJaegerSource('j', stub.fetchImpl, cache) };
}

describe('Jaeger v1 search', () => {
  it('sends µs times, Go durations and tags as JSON (lookback is resolved by the caller)', () => {
    expect(Object.fromEntries(buildV1SearchParams(QUERY))).toEqual({
      service: 'frontend',
      operation: 'GET /',
      start: '1700000000000000',
      end: '1700003600000000',
      limit: '20',
      minDuration: '250ms',
      tags: '{"error":"true"}',
    });
  });

  it('summarizes the full traces /api/traces returns, newest first', async () => {
    const traces = [
      loadFixture('jaeger/trace-object_11spans_follows-from_error.json'),
      loadFixture('jaeger/trace-object_genai_57spans_10procs.json'),
    ];
    const { source, calls, cache } = jaeger(() => jsonResponse(envelope(traces)));
    const { hits } = await source.searchTraces(QUERY);
    expect(calls.map((c) => c.path)).toEqual(['/api/traces']);
    expect(cache.get('j')).toBe('v1');
    expect(hits.map((h) => [h.traceId, h.spanCount, h.errorCount])).toEqual([
      ['4a1b2c3d4e5f60718293a4b5c6d7e8f9', 57, 1],
      ['trace-123', 11, 1],
    ]);
    expect(hits[0]?.services).toHaveLength(10);
  });

  it('reads services and operations from the v1 envelopes', async () => {
    const { source, calls } = jaeger(({ path }) =>
      jsonResponse(envelope(path === '/api/services' ? ['b', 'a'] : ['op'])),
    );
    expect(await source.fetchServices()).toEqual(['a', 'b']);
    expect(await source.fetchOperations('my svc')).toEqual(['op']);
    expect(calls[1]?.path).toBe('/api/services/my%20svc/operations');
  });

  it('falls back to API v3 when the server lacks the v1 routes (Jaeger main), and remembers it', async () => {
    const { source, calls, cache } = jaeger(({ path }) => {
      if (path === '/api/v3/services') return jsonResponse({ services: ['v3svc'] });
      if (path === '/api/v3/trace-summaries') return jsonResponse({ summaries: [] });
      return GO_404();
    });
    expect(await source.fetchServices()).toEqual(['v3svc']);
    expect(cache.get('j')).toBe('v3');
    expect((await source.searchTraces(QUERY)).hits).toEqual([]);
    expect(calls.map((c) => c.path)).toEqual([
      '/api/services',
      '/api/v3/services',
      '/api/v3/trace-summaries',
    ]);
  });

  it('falls back on 405 too, but not on a Jaeger error or a proxy error', async () => {
    const method = jaeger(({ path }) =>
      path === '/api/v3/services'
        ? jsonResponse({ services: [] })
        : new Response('', { status: 405 }),
    );
    expect(await method.source.fetchServices()).toEqual([]);
    const jaeger400 = jaeger(() =>
      textResponse(
        '{"data":null,"errors":[{"code":400,"msg":"parameter \'service\' is required"}]}\n',
        400,
      ),
    );
    const error = await loadError(jaeger400.source.searchTraces({ ...QUERY, service: undefined }));
    expect(error.message).toContain("parameter 'service' is required");
    const proxy = jaeger(() =>
      jsonResponse({ error: { code: 'upstream-unreachable', message: 'down' } }, 502),
    );
    expect((await loadError(proxy.source.fetchServices())).reason).toBe('unreachable');
    expect(proxy.cache.size).toBe(0);
  });
});
