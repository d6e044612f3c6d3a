import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/fixtures';
import { parseOtlpTrace } from '../../src/sources/otlp/parse-otlp';
import { parseOtlpLogs } from '../../src/sources/otlp/parse-otlp-logs';
import {
  LOCAL_V3,
  getJson,
  postOtlp,
  request,
  startTestLocalServer,
  type TestLocalServer,
} from './test-local-server';

type Json = Record<string, any>;

const AGENT = 'llm/otel-genai-openai/agent';
const RAG = 'llm/openinference-openai/rag';
const AGENT_ID = '3fbb55a62f307a81906f7301b6107412';

function traceIdOf(doc: Json): string {
  return doc.resourceSpans[0].scopeSpans[0].spans[0].traceId as string;
}

describe('local source: Jaeger v3 endpoints', () => {
  let server: TestLocalServer;
  let ragId: string;
  beforeAll(async () => {
    server = await startTestLocalServer();
    for (const name of [AGENT, RAG]) {
      const res = await postOtlp(
        server.port,
        '/v1/traces',
        JSON.stringify(loadFixture(`${name}.json`)),
      );
      expect(res.status).toBe(200);
    }
    const logs = JSON.stringify(loadFixture(`${AGENT}.logs.json`));
    expect((await postOtlp(server.port, '/v1/logs', logs)).status).toBe(200);
    ragId = traceIdOf(loadFixture(`${RAG}.json`) as Json);
  });
  afterAll(() => server.close());

  it('lists `local` first in /api/sources', async () => {
    const { json } = await getJson(server.port, '/api/sources');
    expect(json).toEqual([{ id: 'local', name: 'Local', kind: 'local' }]);
  });

  it('returns a trace as {result:{resourceSpans}} that the app adapter reads without problems', async () => {
    const { status, json } = await getJson(server.port, `${LOCAL_V3}/traces/${AGENT_ID}`);
    expect(status).toBe(200);
    const doc = json as Json;
    expect(Object.keys(doc)).toEqual(['result']);
    const span = doc.result.resourceSpans[0].scopeSpans[0].spans[0];
    expect(span.traceId).toBe(AGENT_ID);
    expect(typeof span.startTimeUnixNano).toBe('string');
    expect(typeof span.kind).toBe('number');
    const parsed = parseOtlpTrace(doc, AGENT_ID);
    const original = parseOtlpTrace(loadFixture(`${AGENT}.json`));
    expect(parsed.problems).toEqual([]);
    expect(parsed.trace.spans).toHaveLength(original.trace.spans.length);
    const byId = (spans: typeof parsed.trace.spans) =>
      Object.fromEntries(spans.map((s) => [s.spanId, { ...s, resourceIndex: 0 }]));
    expect(byId(parsed.trace.spans)).toEqual(byId(original.trace.spans));
    expect(parsed.trace.startEpochUs).toBe(original.trace.startEpochUs);
  });

  it('accepts the trace id in upper case, base64 or without leading zeros', async () => {
    const base64 = Buffer.from(AGENT_ID, 'hex').toString('base64');
    for (const id of [AGENT_ID.toUpperCase(), encodeURIComponent(base64)]) {
      expect((await request(server.port, `${LOCAL_V3}/traces/${id}`)).status, id).toBe(200);
    }
    expect((await request(server.port, `${LOCAL_V3}/traces/00ab`)).status).toBe(404);
  });

  it('answers 404 in the v3 error shape for an unknown trace', async () => {
    const res = await getJson(server.port, `${LOCAL_V3}/traces/${'1'.repeat(32)}`);
    expect(res).toEqual({
      status: 404,
      json: { error: { httpCode: 404, message: 'No traces found' } },
    });
    const logs = await getJson(server.port, `${LOCAL_V3}/traces/${'1'.repeat(32)}/logs`);
    expect(logs.status).toBe(404);
    expect((await getJson(server.port, `${LOCAL_V3}/traces/not-an-id!`)).status).toBe(400);
  });

  it('returns the GenAI log records of a trace as {resourceLogs}', async () => {
    const { status, json } = await getJson(server.port, `${LOCAL_V3}/traces/${AGENT_ID}/logs`);
    expect(status).toBe(200);
    const records = parseOtlpLogs(json);
    expect(records).toHaveLength(parseOtlpLogs(loadFixture(`${AGENT}.logs.json`)).length);
    expect(records.every((r) => r.traceId === AGENT_ID)).toBe(true);
    expect(records.map((r) => r.eventName)).toContain('gen_ai.choice');
    const empty = await getJson(server.port, `${LOCAL_V3}/traces/${ragId}/logs`);
    expect(empty).toEqual({ status: 200, json: { resourceLogs: [] } });
  });

  it('lists trace summaries newest first, with no time window required', async () => {
    const { status, json } = await getJson(server.port, `${LOCAL_V3}/trace-summaries`);
    expect(status).toBe(200);
    const summaries = (json as Json).summaries as Json[];
    expect(summaries.map((s) => s.traceId)).toEqual([AGENT_ID, ragId]);
    expect(summaries[0]).toEqual({
      traceId: AGENT_ID,
      rootServiceName: 'support-assistant-api',
      rootOperationName: 'handle_question',
      minStartTimeUnixNano: '1795275340977000000',
      maxEndTimeUnixNano: '1795275341644476352',
      spanCount: 6,
      errorSpanCount: 1,
      services: [{ name: 'support-assistant-api', spanCount: 6, errorSpanCount: 1 }],
    });
  });

  it('filters summaries with snake_case and camelCase parameters', async () => {
    const ids = async (query: string) =>
      (
        (await getJson(server.port, `${LOCAL_V3}/trace-summaries?${query}`)).json as Json
      ).summaries.map((s: Json) => s.traceId);
    const attrs = encodeURIComponent(JSON.stringify({ 'gen_ai.tool.name': 'get_weather' }));
    expect(await ids(`query.attributes=${attrs}`)).toEqual([AGENT_ID]);
    expect(await ids('query.operation_name=OpenAI%20Embeddings')).toEqual([ragId]);
    expect(await ids('query.operationName=vector_search&query.duration_min=45ms')).toEqual([]);
    expect(await ids('query.operation_name=vector_search&query.durationMin=30ms')).toEqual([ragId]);
    expect(await ids('query.service_name=support-assistant-api&query.search_depth=1')).toEqual([
      AGENT_ID,
    ]);
    const window =
      'query.start_time_min=2026-11-21T10:00:00Z&query.start_time_max=2026-11-21T12:00:00.000000001Z';
    expect(await ids(window)).toEqual([]);
    expect(await ids('query.start_time_min=2026-11-20T00:00:00Z')).toEqual([AGENT_ID, ragId]);
    expect(await ids('query.model=gpt-4.1')).toEqual([AGENT_ID]);
    // Not in the attribute index (an int; a long string): found in the stored span JSON.
    const port = encodeURIComponent(JSON.stringify({ 'server.port': '6333' }));
    expect(await ids(`query.attributes=${port}`)).toEqual([ragId]);
    const content = encodeURIComponent(
      JSON.stringify({
        'retrieval.documents.0.document.content':
          'Customers may request a refund within 30 days of purchase if the item is unused (section 4.2). Refunds go to the original payment method within 5-7 business days.',
      }),
    );
    expect(await ids(`query.attributes=${content}`)).toEqual([ragId]);
    expect(await ids(`query.attributes=${encodeURIComponent('{"error":"true"}')}`)).toEqual([
      AGENT_ID,
    ]);
  });

  it('answers 400 for malformed parameters', async () => {
    for (const query of [
      'query.start_time_min=yesterday',
      'query.duration_min=fast',
      'query.attributes=%5B1%5D',
      'query.search_depth=-1',
      'query.start_time_min=2026-11-21T10:00:00Z&query.start_time_max=2026-11-20T10:00:00Z',
    ]) {
      const { status, json } = await getJson(server.port, `${LOCAL_V3}/trace-summaries?${query}`);
      expect(status, query).toBe(400);
      expect((json as Json).error.httpCode).toBe(400);
    }
  });

  it('searches full traces, merged into one resourceSpans list', async () => {
    const { status, json } = await getJson(
      server.port,
      `${LOCAL_V3}/traces?query.service_name=support-assistant-api`,
    );
    expect(status).toBe(200);
    const traceIds = new Set(
      (json as Json).result.resourceSpans.flatMap((rs: Json) =>
        rs.scopeSpans.flatMap((ss: Json) => ss.spans.map((s: Json) => s.traceId)),
      ),
    );
    expect(traceIds).toEqual(new Set([AGENT_ID, ragId]));
    const none = await getJson(server.port, `${LOCAL_V3}/traces?query.service_name=nope`);
    expect(none).toEqual({
      status: 404,
      json: { error: { httpCode: 404, message: 'No traces found' } },
    });
  });

  it('lists services and operations', async () => {
    expect((await getJson(server.port, `${LOCAL_V3}/services`)).json).toEqual({
      services: ['support-assistant-api'],
    });
    const { json } = await getJson(
      server.port,
      `${LOCAL_V3}/operations?service=support-assistant-api`,
    );
    const operations = (json as Json).operations as Json[];
    expect(operations).toContainEqual({ name: 'handle_question', spanKind: 'server' });
    expect(operations).toContainEqual({ name: 'chat gpt-4.1', spanKind: 'client' });
    const servers = await getJson(
      server.port,
      `${LOCAL_V3}/operations?service=support-assistant-api&spanKind=server`,
    );
    expect((servers.json as Json).operations).toEqual([
      { name: 'handle_question', spanKind: 'server' },
    ]);
    expect((await getJson(server.port, `${LOCAL_V3}/operations`)).status).toBe(400);
  });

  it('refuses writes and unknown endpoints', async () => {
    expect((await request(server.port, `${LOCAL_V3}/traces`, { method: 'POST' })).status).toBe(405);
    expect((await request(server.port, `${LOCAL_V3}/dependencies`)).status).toBe(404);
  });
});

describe('local source: the summary the trace page polls', () => {
  let server: TestLocalServer;
  beforeAll(async () => {
    server = await startTestLocalServer();
  });
  afterAll(() => server.close());

  it('sums up one trace, and counts spans that arrive later', async () => {
    const traceId = 'abcdef0123456789abcdef0123456789';
    const span = (spanId: string, name: string) =>
      JSON.stringify({
        resourceSpans: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'late' } }] },
            scopeSpans: [
              {
                spans: [
                  {
                    traceId,
                    spanId,
                    name,
                    kind: 1,
                    startTimeUnixNano: '1700000000000000000',
                    endTimeUnixNano: '1700000000500000000',
                  },
                ],
              },
            ],
          },
        ],
      });
    const summaryOf = () => getJson(server.port, `${LOCAL_V3}/traces/${traceId}/summary`);
    expect((await summaryOf()).status).toBe(404);
    expect(
      (await postOtlp(server.port, '/v1/traces', span('00000000000000a1', 'first'))).status,
    ).toBe(200);
    const first = await summaryOf();
    expect(first.status).toBe(200);
    expect((first.json as Json).summary).toMatchObject({
      traceId,
      spanCount: 1,
      rootOperationName: 'first',
    });
    expect(
      (await postOtlp(server.port, '/v1/traces', span('00000000000000a2', 'second'))).status,
    ).toBe(200);
    expect(((await summaryOf()).json as Json).summary.spanCount).toBe(2);
    expect((await getJson(server.port, `${LOCAL_V3}/traces/not-an-id!/summary`)).status).toBe(400);
  });
});
