import { describe, expect, it } from 'vitest';
import { GO_404, jsonResponse, stubFetch, type StubHandler } from '../../../test/http-stub';
import type { TraceSearchQuery } from '../search-types';
import { createTempoSource } from './tempo-source';
import { buildTraceQl, traceQlAttribute } from './traceql';
import { padTempoTraceId } from './tempo-search';

const WINDOW = { startUs: 1_700_000_000_250_000, endUs: 1_700_003_600_500_000 };
const QUERY: TraceSearchQuery = { ...WINDOW, tags: [], limit: 20 };

function tempo(handler: StubHandler) {
  const stub = stubFetch(handler);
  return { ...stub, source: createTempoSource('tempo', { fetchImpl: stub.fetchImpl }) };
}

/** A SearchResponse as Tempo writes it (tempo.proto), trimmed to the fields read. */
const SEARCH_RESPONSE = {
  traces: [
    {
      traceID: '1ace7c984e27846314dc3e436334aed',
      rootServiceName: 'frontend',
      rootTraceName: 'GET /dispatch',
      startTimeUnixNano: '1700000100123456789',
      durationMs: 742,
      serviceStats: { frontend: { spanCount: 3 }, driver: { spanCount: 2, errorCount: 1 } },
    },
    // Root not arrived yet: names and durationMs omitted (jsonpb drops empty values).
    { traceID: '10000000000000000', startTimeUnixNano: '1700000200000000000' },
  ],
  metrics: { inspectedTraces: 12, inspectedBytes: '34567' },
};

describe('Tempo search', () => {
  it('sends TraceQL with the window in Unix SECONDS, limit and spss', async () => {
    const { source, calls } = tempo(() => jsonResponse(SEARCH_RESPONSE));
    await source.searchTraces({ ...QUERY, traceql: ' { status = error } ' });
    const params = calls[0]?.params;
    expect(calls[0]?.path).toBe('/api/search');
    expect(Object.fromEntries(params ?? [])).toEqual({
      q: '{ status = error }',
      start: '1700000000',
      end: '1700003601',
      limit: '20',
      spss: '3',
    });
    // The raw URL keeps the query encoded.
    expect(calls[0]?.url).toContain('q=%7B+status+%3D+error+%7D');
  });

  it('left-pads trace ids whose leading zeros Tempo stripped, and reads the rows', async () => {
    const { source } = tempo(() => jsonResponse(SEARCH_RESPONSE));
    const result = await source.searchTraces(QUERY);
    expect(result.hits).toEqual([
      {
        traceId: '00000000000000010000000000000000',
        startEpochUs: 1_700_000_200_000_000,
        durationUs: 0,
        rootService: '',
        rootName: '',
        spanCount: null,
        errorCount: null,
        services: [],
      },
      {
        traceId: '01ace7c984e27846314dc3e436334aed',
        startEpochUs: 1_700_000_100_123_456,
        durationUs: 742_000,
        rootService: 'frontend',
        rootName: 'GET /dispatch',
        spanCount: 5,
        errorCount: 1,
        services: ['driver', 'frontend'],
      },
    ]);
    expect(padTempoTraceId('ABC')).toBe('00000000000000000000000000000abc');
  });

  it('treats an absent `traces` array as no results', async () => {
    const { source } = tempo(() => jsonResponse({ metrics: {} }));
    expect((await source.searchTraces(QUERY)).hits).toEqual([]);
  });

  it('builds TraceQL from the form fields', () => {
    const q = buildTraceQl({
      ...QUERY,
      service: 'api "v2"',
      operation: 'GET /x',
      tags: [
        { key: 'http.status_code', value: '500' },
        { key: 'span.db.system', value: 'postgres' },
        { key: 'my key', value: 'a\\b' },
      ],
      minDurationUs: 100_000,
      maxDurationUs: 1_500,
    });
    expect(q).toBe(
      '{ resource.service.name = "api \\"v2\\"" && name = "GET /x" && .http.status_code = 500 && ' +
        'span.db.system = "postgres" && ."my key" = "a\\\\b" && duration >= 100ms && duration <= 1500us }',
    );
    expect(buildTraceQl(QUERY)).toBe('{}');
    expect(['status', 'resource.x', '.y', 'z'].map(traceQlAttribute)).toEqual([
      'status',
      'resource.x',
      '.y',
      '.z',
    ]);
  });

  it('notes that durations are ignored next to a TraceQL query', async () => {
    const { source } = tempo(() => jsonResponse(SEARCH_RESPONSE));
    const result = await source.searchTraces({ ...QUERY, traceql: '{}', minDurationUs: 5 });
    expect(result.notes).toHaveLength(1);
  });
});

describe('Tempo tag discovery', () => {
  const v2: StubHandler = ({ path, params }) => {
    if (path === '/api/v2/search/tags') {
      return jsonResponse({
        scopes: [
          { name: 'resource', tags: ['service.name', 'k8s.pod.name'] },
          { name: 'span', tags: ['http.method'] },
          { name: 'intrinsic', tags: ['duration', 'name'] },
        ],
      });
    }
    if (path === '/api/v2/search/tag/resource.service.name/values') {
      return jsonResponse({
        tagValues: [
          { type: 'string', value: 'b' },
          { type: 'string', value: 'a' },
        ],
      });
    }
    if (path === '/api/v2/search/tag/name/values') {
      expect(params.get('q')).toBe('{ resource.service.name = "svc" }');
      return jsonResponse({ tagValues: [{ type: 'string', value: 'GET /' }] });
    }
    return GO_404();
  };

  it('lists scoped tag names and values (v2)', async () => {
    const { source } = tempo(v2);
    expect(await source.fetchTagNames?.()).toEqual([
      'duration',
      'name',
      'resource.k8s.pod.name',
      'resource.service.name',
      'span.http.method',
    ]);
    expect(await source.fetchServices()).toEqual(['a', 'b']);
    expect(await source.fetchOperations('svc')).toEqual(['GET /']);
  });

  it('falls back to the v1 tag routes on an older Tempo', async () => {
    const { source, calls } = tempo(({ path }) => {
      if (path === '/api/search/tags') return jsonResponse({ tagNames: ['http.method'] });
      if (path === '/api/search/tag/service.name/values') return jsonResponse({ tagValues: ['x'] });
      return GO_404();
    });
    expect(await source.fetchTagNames?.()).toEqual(['.http.method']);
    expect(await source.fetchServices()).toEqual(['x']);
    expect(calls.map((c) => c.path)).toEqual([
      '/api/v2/search/tags',
      '/api/search/tags',
      '/api/v2/search/tag/resource.service.name/values',
      '/api/search/tag/service.name/values',
    ]);
  });
});
