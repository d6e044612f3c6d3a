import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOCAL_V3,
  getJson,
  postOtlp,
  startTestLocalServer,
  type TestLocalServer,
} from '../local/test-local-server';
import { encodeTraceRequest } from './otlp-proto';

const EXPORTERS = 20;
const SPANS_PER_EXPORTER = 500;
/** Every exporter sends spans of the same 5 traces: batches interleave inside each trace. */
const TRACES = 5;

function exportRequest(exporter: number) {
  const spans = Array.from({ length: SPANS_PER_EXPORTER }, (_, i) => {
    const trace = i % TRACES;
    return {
      traceId: `${trace + 1}`.padStart(32, 'c'),
      spanId: ((exporter << 16) | (i + 1)).toString(16).padStart(16, '0'),
      name: `work-${i % 7}`,
      kind: 1,
      startTimeUnixNano: String(1_795_275_340_000_000_000n + BigInt(exporter * 1000 + i)),
      endTimeUnixNano: String(1_795_275_341_000_000_000n + BigInt(i)),
      attributes: [{ key: 'exporter', value: { intValue: exporter } }],
      status: { code: i % 50 === 0 ? 2 : 0 },
    };
  });
  return {
    resourceSpans: [
      {
        resource: {
          attributes: [{ key: 'service.name', value: { stringValue: `svc-${exporter % 4}` } }],
        },
        scopeSpans: [{ scope: { name: 'load' }, spans }],
      },
    ],
  };
}

describe('concurrent exporters', () => {
  let server: TestLocalServer;
  beforeAll(async () => {
    server = await startTestLocalServer();
  });
  afterAll(() => server.close());

  it(`stores all ${EXPORTERS} × ${SPANS_PER_EXPORTER} spans sent at once (JSON and protobuf)`, async () => {
    const results = await Promise.all(
      Array.from({ length: EXPORTERS }, (_, exporter) => {
        const doc = exportRequest(exporter);
        return exporter % 2 === 0
          ? postOtlp(server.port, '/v1/traces', JSON.stringify(doc))
          : postOtlp(server.port, '/v1/traces', gzipSync(encodeTraceRequest(doc)), {
              'Content-Type': 'application/x-protobuf',
              'Content-Encoding': 'gzip',
            });
      }),
    );
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: EXPORTERS }, () => 200));
    const count = await server.store.client.execute('SELECT count(*) FROM spans');
    expect(Number(count.rows[0]?.[0])).toBe(EXPORTERS * SPANS_PER_EXPORTER);
    const { json } = await getJson(server.port, `${LOCAL_V3}/trace-summaries`);
    const summaries = (json as { summaries: { spanCount: number; errorSpanCount: number }[] })
      .summaries;
    expect(summaries).toHaveLength(TRACES);
    const total = summaries.reduce((sum, s) => sum + s.spanCount, 0);
    expect(total).toBe(EXPORTERS * SPANS_PER_EXPORTER);
    const errors = summaries.reduce((sum, s) => sum + s.errorSpanCount, 0);
    expect(errors).toBe(EXPORTERS * (SPANS_PER_EXPORTER / 50));
  });
});
