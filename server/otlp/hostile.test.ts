/**
 * The hostile corpus (test/hostile/corpus.ts) posted to the OTLP receiver, as JSON and, where
 * the case can be encoded, as protobuf: each request is answered 200 (stored, with rejected
 * spans counted as a partial success) or 400 (nothing stored) — never a 500, never a crash —
 * and whatever was stored reads back through the `local` source and parses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { hostileCorpus, type HostileCase } from '../../test/hostile/corpus';
import { parseOtlpTrace } from '../../src/sources/otlp/parse-otlp';
import {
  LOCAL_V3,
  getJson,
  postOtlp,
  request,
  startTestLocalServer,
  type TestLocalServer,
} from '../local/test-local-server';
import { encodeTraceRequest } from './otlp-proto';

const JSON_TYPE = { 'Content-Type': 'application/json' };
const PROTOBUF = { 'Content-Type': 'application/x-protobuf' };

let server: TestLocalServer;

beforeAll(async () => {
  server = await startTestLocalServer();
});
afterAll(() => server.close());

async function storedSpans(): Promise<number> {
  const result = await server.store.client.execute('SELECT count(*) FROM spans');
  return Number(result.rows[0]?.[0]);
}

/** Span entries in `resourceSpans[].scopeSpans[].spans[]`, wherever those are lists. */
function spanCount(doc: unknown): number {
  const list = (value: unknown, key: string): unknown[] => {
    const field = (value as Record<string, unknown> | null)?.[key];
    return typeof value === 'object' && value !== null && Array.isArray(field) ? field : [];
  };
  return list(doc, 'resourceSpans')
    .flatMap((rs) => list(rs, 'scopeSpans'))
    .reduce<number>((n, ss) => n + list(ss, 'spans').length, 0);
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Posts one body and checks the answer against what the store holds afterwards. */
async function postAndCheck(
  hostile: HostileCase,
  body: string | Uint8Array,
  headers: Record<string, string>,
  spansSent: number,
): Promise<void> {
  const before = await storedSpans();
  const res = await postOtlp(server.port, '/v1/traces', body, headers);
  const stored = (await storedSpans()) - before;
  const where = `${hostile.name}: HTTP ${res.status} ${res.body.toString('utf8').slice(0, 200)}`;
  expect([200, 400], where).toContain(res.status);
  if (res.status === 400) {
    expect(stored, where).toBe(0);
    return;
  }
  if (headers['Content-Type'] === JSON_TYPE['Content-Type']) {
    const answer = JSON.parse(res.body.toString('utf8')) as {
      partialSuccess?: { rejectedSpans?: string };
    };
    const rejected = Number(answer.partialSuccess?.rejectedSpans ?? 0);
    expect(stored + rejected, where).toBeLessThanOrEqual(spansSent);
    if (rejected < spansSent && !/duplicate/.test(hostile.name)) {
      expect(stored, `${where}: accepted spans were not stored`).toBeGreaterThan(0);
    }
  }
  if (stored > 0) {
    // Stored with its repairs: the trace reads back through the local source and parses.
    const { status, json } = await getJson(server.port, `${LOCAL_V3}/traces/${hostile.traceId}`);
    expect(status, where).toBe(200);
    expect(parseOtlpTrace(json, hostile.traceId).trace.spans.length, where).toBeGreaterThan(0);
  }
}

async function runCase(hostile: HostileCase): Promise<void> {
  const payload = hostile.payload();
  const text = typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8');
  const doc = tryJson(text);
  await postAndCheck(hostile, payload, JSON_TYPE, spanCount(doc));
  if (hostile.format !== 'otlp' || doc === undefined) return;
  let protobuf: Uint8Array | undefined;
  try {
    protobuf = encodeTraceRequest(doc);
  } catch {
    return; // wrong types that protobuf cannot even carry
  }
  await postAndCheck(hostile, protobuf, PROTOBUF, spanCount(doc));
}

// 100,000 spans take ~10 s to commit here; the chain and the 5 MB value stay in.
const corpus = hostileCorpus().filter((c) => !c.name.includes('100,000 siblings'));

describe('OTLP receiver: hostile corpus', () => {
  it.each(corpus.filter((c) => !c.isLarge).map((c) => [c.name, c] as const))(
    '%s',
    async (_name, hostile) => {
      await runCase(hostile);
    },
  );

  it.each(corpus.filter((c) => c.isLarge).map((c) => [c.name, c] as const))(
    '%s',
    async (_name, hostile) => {
      await runCase(hostile);
    },
    60_000,
  );

  it('answers random bytes and cut-off protobuf with 400 and stores nothing', async () => {
    const valid = encodeTraceRequest(JSON.parse(hostileCorpus()[0]?.payload() as string));
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.nat(), async (bytes, cut) => {
        for (const body of [bytes, valid.subarray(0, cut % valid.length)]) {
          const before = await storedSpans();
          const res = await postOtlp(server.port, '/v1/traces', body, PROTOBUF);
          expect([200, 400]).toContain(res.status);
          if (res.status === 400) expect(await storedSpans()).toBe(before);
        }
      }),
      { numRuns: 60 },
    );
  });

  afterAll(async () => {
    // Still serving, and the database is intact after everything above.
    expect((await request(server.port, '/api/health')).status).toBe(200);
    const check = await server.store.client.execute('PRAGMA integrity_check');
    expect(String(check.rows[0]?.[0])).toBe('ok');
  });
});
