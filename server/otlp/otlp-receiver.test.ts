import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, loadFixture } from '../../test/fixtures';
import {
  LOCAL_V3,
  getJson,
  postOtlp,
  request,
  startTestLocalServer,
  type TestLocalServer,
} from '../local/test-local-server';
import {
  decodeLogsResponse,
  decodeStatus,
  decodeTraceResponse,
  encodeLogsRequest,
  encodeTraceRequest,
} from './otlp-proto';

const PROTOBUF = { 'Content-Type': 'application/x-protobuf' };
const JSON_TYPE = { 'Content-Type': 'application/json' };

/** Every recorded LLM trace fixture, `folder/scenario`. */
function llmFixtures(): string[] {
  const dir = fixturePath('llm');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) =>
      readdirSync(`${dir}/${folder.name}`)
        .filter((file) => file.endsWith('.json') && !file.endsWith('.logs.json'))
        .map((file) => `${folder.name}/${file.slice(0, -5)}`),
    )
    .sort();
}

type Json = Record<string, any>;

/** The fields of a span that must survive the round trip, read independently of the receiver. */
function spanFacts(doc: Json) {
  const facts: Record<string, unknown> = {};
  for (const rs of doc.resourceSpans as Json[]) {
    const service = (rs.resource.attributes as Json[]).find((a) => a.key === 'service.name')?.value
      .stringValue;
    for (const ss of rs.scopeSpans as Json[]) {
      for (const span of ss.spans as Json[]) {
        facts[span.spanId] = {
          service,
          scope: ss.scope?.name,
          traceId: span.traceId,
          parent: span.parentSpanId || undefined,
          name: span.name,
          kind: span.kind,
          start: String(span.startTimeUnixNano),
          end: String(span.endTimeUnixNano),
          status: span.status?.code ?? 0,
          attributes: ((span.attributes ?? []) as Json[]).map((a) => [
            a.key,
            JSON.stringify(scalar(a.value)),
          ]),
          events: (span.events ?? []).map((e: Json) => [e.name, String(e.timeUnixNano)]),
        };
      }
    }
  }
  return facts;
}

/** An AnyValue with int64 read as text (JSON exporters send numbers, the spec says strings). */
function scalar(value: Json): unknown {
  if ('intValue' in value) return { intValue: String(value.intValue) };
  if (value.arrayValue) return { arrayValue: (value.arrayValue.values ?? []).map(scalar) };
  if (value.kvlistValue) {
    return {
      kvlistValue: (value.kvlistValue.values ?? []).map((kv: Json) => [kv.key, scalar(kv.value)]),
    };
  }
  return value;
}

function traceIdOf(doc: Json): string {
  return doc.resourceSpans[0].scopeSpans[0].spans[0].traceId as string;
}

describe('OTLP receiver: round trip of the recorded LLM fixtures', () => {
  let server: TestLocalServer;
  beforeAll(async () => {
    server = await startTestLocalServer();
  });
  afterAll(() => server.close());

  it.each(llmFixtures())('%s: protobuf+gzip in, the same spans out', async (name) => {
    const fixture = loadFixture(`llm/${name}.json`) as Json;
    const body = gzipSync(encodeTraceRequest(fixture));
    const res = await postOtlp(server.port, '/v1/traces', body, {
      ...PROTOBUF,
      'Content-Encoding': 'gzip',
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-protobuf');
    expect(res.body.length).toBe(0); // an empty ExportTraceServiceResponse
    const { status, json } = await getJson(server.port, `${LOCAL_V3}/traces/${traceIdOf(fixture)}`);
    expect(status).toBe(200);
    expect(spanFacts((json as Json).result)).toEqual(spanFacts(fixture));
  });

  it('accepts the same trace again as JSON without storing duplicates', async () => {
    const fixture = loadFixture('llm/otel-genai-openai/agent.json') as Json;
    for (let i = 0; i < 2; i++) {
      const res = await postOtlp(server.port, '/v1/traces', JSON.stringify(fixture));
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body.toString())).toEqual({});
    }
    const traceId = traceIdOf(fixture);
    const { json } = await getJson(server.port, `${LOCAL_V3}/trace-summaries`);
    const summary = (json as Json).summaries.find((s: Json) => s.traceId === traceId);
    expect(summary).toMatchObject({ spanCount: 6, errorSpanCount: 1 });
  });
});

describe('OTLP receiver: logs', () => {
  let server: TestLocalServer;
  beforeAll(async () => {
    server = await startTestLocalServer();
  });
  afterAll(() => server.close());

  it('keeps GenAI log events by trace and span, JSON and protobuf alike', async () => {
    const logs = loadFixture('llm/otel-genai-openai/agent.logs.json') as Json;
    const traces = loadFixture('llm/otel-genai-openai/agent.json') as Json;
    expect((await postOtlp(server.port, '/v1/traces', JSON.stringify(traces))).status).toBe(200);
    const res = await postOtlp(server.port, '/v1/logs', gzipSync(encodeLogsRequest(logs)), {
      ...PROTOBUF,
      'Content-Encoding': 'gzip',
    });
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(0);
    const { status, json } = await getJson(
      server.port,
      `${LOCAL_V3}/traces/${traceIdOf(traces)}/logs`,
    );
    expect(status).toBe(200);
    const records = (json as Json).resourceLogs.flatMap((rl: Json) =>
      rl.scopeLogs.flatMap((sl: Json) => sl.logRecords),
    );
    const sent = logs.resourceLogs[0].scopeLogs[0].logRecords as Json[];
    expect(records).toHaveLength(sent.length);
    expect(records.map((r: Json) => [r.spanId, scalar(r.body)])).toEqual(
      sent.map((r) => [r.spanId, scalar(r.body)]),
    );
    expect((json as Json).resourceLogs[0].scopeLogs[0].scope.name).toBe(
      '@opentelemetry/instrumentation-openai',
    );
  });

  it('rejects records without a trace id as a partial success', async () => {
    const doc = {
      resourceLogs: [
        {
          resource: {},
          scopeLogs: [
            { scope: {}, logRecords: [{ body: { stringValue: 'no trace' } }, { traceId: 'zz' }] },
          ],
        },
      ],
    };
    const res = await postOtlp(server.port, '/v1/logs', JSON.stringify(doc));
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body.toString()) as Json;
    expect(body.partialSuccess.rejectedLogRecords).toBe('2');
    expect(body.partialSuccess.errorMessage).toMatch(/without a traceId/);
    const proto = await postOtlp(server.port, '/v1/logs', encodeLogsRequest(doc), PROTOBUF);
    expect(decodeLogsResponse(proto.body)).toMatchObject({
      partialSuccess: { rejectedLogRecords: '2' },
    });
  });
});

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
function oneSpanDoc(spans: Json[]): Json {
  return { resourceSpans: [{ resource: {}, scopeSpans: [{ scope: {}, spans }] }] };
}
const goodSpan = (spanId: string): Json => ({
  traceId: TRACE_ID,
  spanId,
  name: 'ok',
  kind: 2,
  startTimeUnixNano: '1795275340977000000',
  endTimeUnixNano: '1795275341644476352',
});

describe('OTLP receiver: errors and limits', () => {
  let server: TestLocalServer;
  beforeAll(async () => {
    server = await startTestLocalServer({ receiver: { maxBodyBytes: 4096 } });
  });
  afterAll(() => server.close());

  const storedSpans = () => server.store.client.execute('SELECT count(*) FROM spans');
  async function expectNothingStored() {
    expect(Number((await storedSpans()).rows[0]?.[0])).toBe(0);
  }

  it('answers 400 with a Status for malformed JSON and stores nothing', async () => {
    for (const body of ['{"resourceSpans": [', '[1,2]', '{"resourceSpans": 5}', '"x"']) {
      const res = await postOtlp(server.port, '/v1/traces', body);
      expect(res.status, body).toBe(400);
      const status = JSON.parse(res.body.toString()) as Json;
      expect(status.code).toBe(3);
      expect(status.message).toBeTruthy();
    }
    // A valid span next to a structurally broken scope list: the whole request is refused.
    const mixed = {
      resourceSpans: [
        { scopeSpans: [{ spans: [goodSpan('00f067aa0ba902b7')] }] },
        { scopeSpans: 'nope' },
      ],
    };
    expect((await postOtlp(server.port, '/v1/traces', JSON.stringify(mixed))).status).toBe(400);
    await expectNothingStored();
  });

  it('answers 400 with a protobuf Status for bytes that are not a request', async () => {
    const res = await postOtlp(
      server.port,
      '/v1/traces',
      Buffer.from([0x0a, 0xff, 0xff]),
      PROTOBUF,
    );
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/x-protobuf');
    expect(decodeStatus(res.body)).toMatchObject({ code: 3 });
    const gz = await postOtlp(server.port, '/v1/traces', 'not gzip', {
      ...JSON_TYPE,
      'Content-Encoding': 'gzip',
    });
    expect(gz.status).toBe(400);
    await expectNothingStored();
  });

  it('answers 413 over the size limit, before and after decompression', async () => {
    const big = JSON.stringify(
      oneSpanDoc([{ ...goodSpan('00f067aa0ba902b7'), name: 'x'.repeat(5000) }]),
    );
    expect((await postOtlp(server.port, '/v1/traces', big)).status).toBe(413);
    const bomb = gzipSync(big);
    expect(bomb.length).toBeLessThan(4096);
    const res = await postOtlp(server.port, '/v1/traces', bomb, {
      ...JSON_TYPE,
      'Content-Encoding': 'gzip',
    });
    expect(res.status).toBe(413);
    await expectNothingStored();
  });

  it('answers 415 for other content types and encodings', async () => {
    const body = JSON.stringify(oneSpanDoc([goodSpan('00f067aa0ba902b7')]));
    for (const type of ['text/plain', 'application/xml']) {
      const res = await postOtlp(server.port, '/v1/traces', body, { 'Content-Type': type });
      expect(res.status, type).toBe(415);
    }
    const res = await postOtlp(server.port, '/v1/traces', body, {
      ...JSON_TYPE,
      'Content-Encoding': 'snappy',
    });
    expect(res.status).toBe(415);
    await expectNothingStored();
  });

  it('accepts and drops metrics, so SDKs exporting every signal work unchanged', async () => {
    const json = await postOtlp(server.port, '/v1/metrics', '{"resourceMetrics":[]}');
    expect([json.status, json.body.toString()]).toEqual([200, '{}']);
    const proto = await postOtlp(server.port, '/v1/metrics', Buffer.from([]), PROTOBUF);
    expect([proto.status, proto.body.length]).toEqual([200, 0]);
    await expectNothingStored();
  });

  it('answers 405 to other methods and a CORS preflight to OPTIONS', async () => {
    expect((await request(server.port, '/v1/traces')).status).toBe(405);
    const preflight = await request(server.port, '/v1/traces', {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
    expect(preflight.headers['access-control-allow-headers']).toBe('content-type');
  });

  it('reports rejected spans as a partial success and stores the rest', async () => {
    const doc = oneSpanDoc([
      goodSpan('00f067aa0ba902b7'),
      { ...goodSpan('00f067aa0ba902b8'), traceId: 'not-an-id' },
      { ...goodSpan('00f067aa0ba902b9'), startTimeUnixNano: 'soon' },
    ]);
    const res = await postOtlp(server.port, '/v1/traces', JSON.stringify(doc), {
      ...JSON_TYPE,
      Origin: 'http://localhost:5173',
    });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const body = JSON.parse(res.body.toString()) as Json;
    expect(body.partialSuccess.rejectedSpans).toBe('2');
    expect(body.partialSuccess.errorMessage).toMatch(/traceId.*startTimeUnixNano/);
    const proto = await postOtlp(server.port, '/v1/traces', encodeTraceRequest(doc), PROTOBUF);
    expect(decodeTraceResponse(proto.body)).toMatchObject({
      partialSuccess: { rejectedSpans: '2' },
    });
    expect(Number((await storedSpans()).rows[0]?.[0])).toBe(1);
  });
});

describe('OTLP receiver: saturation', () => {
  it('answers 429 with Retry-After when the write queue is full, and stores nothing', async () => {
    const server = await startTestLocalServer({ store: { maxPendingItems: 100 } });
    try {
      let release = () => {};
      // A write that holds the queue with 1 pending item until released.
      const held = server.store.exclusive(() => new Promise<void>((r) => (release = r)), 1);
      const spans = Array.from({ length: 200 }, (_, i) =>
        goodSpan(i.toString(16).padStart(16, '1')),
      );
      const res = await postOtlp(server.port, '/v1/traces', JSON.stringify(oneSpanDoc(spans)));
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('1');
      release();
      await held;
      const count = await server.store.client.execute('SELECT count(*) FROM spans');
      expect(Number(count.rows[0]?.[0])).toBe(0);
      // Once the queue drains, the exporter's retry goes through.
      const retry = await postOtlp(server.port, '/v1/traces', JSON.stringify(oneSpanDoc(spans)));
      expect(retry.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('answers 429 when too many requests are in flight', async () => {
    const server = await startTestLocalServer({ receiver: { maxConcurrentRequests: 0 } });
    try {
      const res = await postOtlp(server.port, '/v1/traces', '{}');
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('1');
    } finally {
      await server.close();
    }
  });

  it('answers 503 once the store is closing', async () => {
    const server = await startTestLocalServer();
    await server.store.close();
    const res = await postOtlp(
      server.port,
      '/v1/traces',
      JSON.stringify(oneSpanDoc([goodSpan('00f067aa0ba902b7')])),
    );
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    await server.close();
  });
});
