import { describe, expect, it } from 'vitest';
import { loadFixture, readFixtureText } from '../../../test/fixtures';
import { OTLP_HEX_FIXTURES } from '../../../test/hex-fixtures';
import {
  GO_404,
  jsonResponse,
  loadError,
  stubFetch,
  textResponse,
  type StubHandler,
} from '../../../test/http-stub';
import { parseOtlpTrace } from '../otlp/parse-otlp';
import type { TraceSearchQuery } from '../search-types';
import { createJaegerV3Source } from './jaeger-v3-source';
import { buildV3SearchParams, formatRfc3339Nanos } from './v3-params';

/** Jaeger v3's 404, written with http.Error (text/plain). */
const NO_TRACES = () =>
  textResponse('{"error":{"httpCode":404,"message":"No traces found"}}\n', 404);

const QUERY: TraceSearchQuery = {
  service: 'frontend',
  operation: 'HTTP GET /',
  tags: [{ key: 'http.status_code', value: '500' }],
  startUs: 1_755_684_000_123_456,
  endUs: 1_755_687_600_000_001,
  minDurationUs: 10_000,
  maxDurationUs: 1_500,
  limit: 20,
};

function v3(handler: StubHandler, kind: 'jaeger-v3' | 'local' = 'jaeger-v3') {
  const stub = stubFetch(handler);
  const source = createJaegerV3Source('v3', {
    kind,
    fetchImpl: stub.fetchImpl,
    noSummaries: new Set(),
  });
  return { ...stub, source };
}

describe('Jaeger v3 trace by id', () => {
  it.each(OTLP_HEX_FIXTURES)('%s inside {"result": ...}', async (file) => {
    const doc = loadFixture(file);
    const expected = parseOtlpTrace(doc);
    const body = file.startsWith('jaeger-v3/snapshot') ? doc : { result: doc };
    const { source, calls } = v3(() => jsonResponse(body));
    const parsed = await source.fetchTrace(expected.trace.traceId);
    expect(calls.map((c) => c.path)).toEqual([`/api/v3/traces/${expected.trace.traceId}`]);
    expect(parsed).toEqual(expected);
  });

  it('reads the GetTrace snapshot: hex ids, integer kind and status', async () => {
    const { source } = v3(() => jsonResponse(loadFixture('jaeger-v3/snapshot_GetTrace.json')));
    const { trace } = await source.fetchTrace('00000000000000000000000000000001');
    expect(trace.spans.map((s) => [s.spanId, s.name, s.kind, s.status.code])).toEqual([
      ['0000000000000002', 'foobar', 'server', 'error'],
    ]);
  });

  it('maps the text/plain {"error"} 404 to not-found, and escapes base64 ids', async () => {
    const { source, calls } = v3(NO_TRACES);
    const error = await loadError(source.fetchTrace('QpC1h3qZ/N55u0KDZTmOzA=='));
    expect([error.reason, error.detail]).toEqual(['not-found', 'No traces found']);
    expect(calls[0]?.url).toBe('/api/sources/v3/api/v3/traces/QpC1h3qZ%2FN55u0KDZTmOzA%3D%3D');
  });

  it('maps JSON that is not OTLP to bad-response', async () => {
    const { source } = v3(() => jsonResponse({ hello: 'world' }));
    expect((await loadError(source.fetchTrace('1'))).reason).toBe('bad-response');
  });
});

describe('Jaeger v3 search', () => {
  it('sends snake_case parameters, RFC 3339 times with ns, Go durations, JSON attributes', () => {
    expect(Object.fromEntries(buildV3SearchParams(QUERY))).toEqual({
      'query.service_name': 'frontend',
      'query.operation_name': 'HTTP GET /',
      'query.start_time_min': '2025-08-20T10:00:00.123456000Z',
      'query.start_time_max': '2025-08-20T11:00:00.000001000Z',
      'query.duration_min': '10ms',
      'query.duration_max': '1500us',
      'query.attributes': '{"http.status_code":"500"}',
      'query.search_depth': '20',
    });
    expect(formatRfc3339Nanos(0)).toBe('1970-01-01T00:00:00.000000000Z');
  });

  it('reads /api/v3/trace-summaries (the snapshot)', async () => {
    const { source, calls } = v3(() =>
      jsonResponse(loadFixture('jaeger-v3/snapshot_FindTraceSummaries.json')),
    );
    const result = await source.searchTraces(QUERY);
    expect(calls.map((c) => c.path)).toEqual(['/api/v3/trace-summaries']);
    expect(result.hits).toEqual([
      {
        traceId: '00000000000000000000000000000001',
        startEpochUs: 1_000_000_000,
        durationUs: 1_000_000,
        rootService: 'frontend',
        rootName: 'HTTP GET /',
        spanCount: 2,
        errorCount: 1,
        services: ['frontend'],
      },
    ]);
  });

  it('falls back to /api/v3/traces before v2.19 and remembers it', async () => {
    const example = loadFixture('jaeger-v3/otlp-hex_example-trace_5-roots_3-services.json');
    const { source, calls } = v3(({ path }) =>
      path === '/api/v3/traces' ? jsonResponse({ result: example }) : GO_404(),
    );
    const first = await source.searchTraces(QUERY);
    await source.searchTraces(QUERY);
    expect(calls.map((c) => c.path)).toEqual([
      '/api/v3/trace-summaries',
      '/api/v3/traces',
      '/api/v3/traces',
    ]);
    expect(first.hits).toHaveLength(1);
    expect(first.hits[0]).toMatchObject({
      spanCount: 5,
      rootService: expect.any(String) as unknown,
    });
    expect(first.hits[0]?.services).toHaveLength(3);
  });

  it('groups the merged resourceSpans of /api/v3/traces by trace (FindTraces snapshot)', async () => {
    const { source } = v3(({ path }) =>
      path === '/api/v3/traces'
        ? new Response(readFixtureText('jaeger-v3/snapshot_FindTraces.json'))
        : GO_404(),
    );
    const { hits } = await source.searchTraces(QUERY);
    expect(hits.map((h) => [h.traceId, h.spanCount, h.errorCount])).toEqual([
      ['00000000000000000000000000000001', 1, 1],
    ]);
  });

  it('treats the 404 "No traces found" as an empty result', async () => {
    expect((await v3(NO_TRACES).source.searchTraces(QUERY)).hits).toEqual([]);
    const old = v3(({ path }) => (path === '/api/v3/traces' ? NO_TRACES() : GO_404()));
    expect((await old.source.searchTraces(QUERY)).hits).toEqual([]);
  });

  it('passes on a 400 about parameters', async () => {
    const { source } = v3(() =>
      textResponse(
        '{"error":{"httpCode":400,"message":"malformed parameter query.start_time_min"}}',
        400,
      ),
    );
    const error = await loadError(source.searchTraces(QUERY));
    expect([error.reason, error.message]).toEqual([
      'upstream-error',
      'The backend answered HTTP 400: malformed parameter query.start_time_min',
    ]);
  });

  it('reads services and operations (snapshots)', async () => {
    const { source, calls } = v3(({ path }) =>
      jsonResponse(
        loadFixture(
          path === '/api/v3/services'
            ? 'jaeger-v3/snapshot_GetServices.json'
            : 'jaeger-v3/snapshot_GetOperations.json',
        ),
      ),
    );
    expect(await source.fetchServices()).toEqual(['foo']);
    expect(await source.fetchOperations('foo')).toEqual(['get_users']);
    expect(calls[1]?.url).toBe('/api/sources/v3/api/v3/operations?service=foo');
  });

  it('serves kind local (the embedded store) with the same endpoints, no service required', () => {
    const { source } = v3(GO_404, 'local');
    expect([source.kind, source.search.requiresService]).toEqual(['local', false]);
  });
});

describe('the local store source', () => {
  const traceFile = 'llm/otel-genai-openai/agent.json';
  const logsFile = 'llm/otel-genai-openai/agent.logs.json';

  it('attaches the GenAI log records the store keeps beside the trace', async () => {
    const { source, calls } = v3(
      (request) =>
        request.url.endsWith('/logs')
          ? jsonResponse(loadFixture(logsFile))
          : jsonResponse({ result: loadFixture(traceFile) }),
      'local',
    );
    const traceId = parseOtlpTrace(loadFixture(traceFile)).trace.traceId;
    const parsed = await source.fetchTrace(traceId);
    expect(calls.map((call) => call.url)).toContain(
      `/api/sources/v3/api/v3/traces/${traceId}/logs`,
    );
    expect(parsed.logs?.length).toBeGreaterThan(0);
    expect(parsed.logs?.every((record) => record.traceId === traceId)).toBe(true);
  });

  it('still opens the trace when the logs cannot be read', async () => {
    const { source } = v3(
      (request) =>
        request.url.endsWith('/logs')
          ? textResponse('boom', 500)
          : jsonResponse({ result: loadFixture(traceFile) }),
      'local',
    );
    const traceId = parseOtlpTrace(loadFixture(traceFile)).trace.traceId;
    const parsed = await source.fetchTrace(traceId);
    expect(parsed.trace.spans.length).toBeGreaterThan(0);
    expect(parsed.logs).toBeUndefined();
  });
});
