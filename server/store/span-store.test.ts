import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeTraceRequest } from '../otlp/normalize-traces';
import { makeTempDir } from '../local/test-local-server';
import { SpanStore, StoreClosedError, StoreSaturatedError } from './span-store';
import { readResourceSpans } from './trace-reads';
import { listOperations, listServices, readSummaries, searchTraceIds } from './trace-search';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const T0 = 1_795_275_340_000_000_000n;

interface SpanSpec {
  id: string;
  parent?: string;
  name: string;
  service: string;
  startMs: number;
  durationMs: number;
  error?: boolean;
  attributes?: Record<string, string>;
}

const spanId = (n: string) => n.padStart(16, '0');

/** One export request from one service. */
function request(spans: SpanSpec[], traceId = TRACE) {
  const byService = new Map<string, SpanSpec[]>();
  for (const s of spans) byService.set(s.service, [...(byService.get(s.service) ?? []), s]);
  return {
    resourceSpans: [...byService].map(([service, list]) => ({
      resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
      scopeSpans: [
        {
          scope: { name: 'test' },
          spans: list.map((s) => ({
            traceId,
            spanId: spanId(s.id),
            ...(s.parent ? { parentSpanId: spanId(s.parent) } : {}),
            name: s.name,
            kind: s.parent ? 1 : 2,
            startTimeUnixNano: String(T0 + BigInt(s.startMs) * 1_000_000n),
            endTimeUnixNano: String(T0 + BigInt(s.startMs + s.durationMs) * 1_000_000n),
            attributes: Object.entries(s.attributes ?? {}).map(([key, v]) => ({
              key,
              value: { stringValue: v },
            })),
            status: s.error ? { code: 2, message: 'boom' } : {},
          })),
        },
      ],
    })),
  };
}

const ROOT: SpanSpec = { id: '1', name: 'GET /', service: 'frontend', startMs: 0, durationMs: 100 };
const CHILD: SpanSpec = {
  id: '2',
  parent: '1',
  name: 'query',
  service: 'db',
  startMs: 10,
  durationMs: 50,
  error: true,
  attributes: { 'db.system.name': 'postgresql' },
};
const LATE: SpanSpec = {
  id: '3',
  parent: '2',
  name: 'fetch',
  service: 'db',
  startMs: 20,
  durationMs: 200,
  attributes: { 'gen_ai.request.model': 'gpt-4o-mini' },
};

describe('SpanStore', () => {
  let store: SpanStore;
  let dir: string;
  beforeEach(async () => {
    dir = makeTempDir();
    store = await SpanStore.open({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (spans: SpanSpec[], traceId?: string) =>
    store.writeSpans(normalizeTraceRequest(request(spans, traceId)).batch);

  it('merges one trace sent in many batches, from many services, in any order', async () => {
    await write([LATE]);
    let [summary] = await readSummaries(store.client, [TRACE]);
    // Before the root arrives the earliest span stands in for it.
    expect(summary).toMatchObject({ rootOperationName: 'fetch', spanCount: 1 });
    await write([CHILD]);
    await write([ROOT]);
    [summary] = await readSummaries(store.client, [TRACE]);
    expect(summary).toEqual({
      traceId: TRACE,
      rootServiceName: 'frontend',
      rootOperationName: 'GET /',
      minStartTimeUnixNano: String(T0),
      maxEndTimeUnixNano: String(T0 + 220_000_000n),
      spanCount: 3,
      errorSpanCount: 1,
      services: [
        { name: 'db', spanCount: 2, errorSpanCount: 1 },
        { name: 'frontend', spanCount: 1, errorSpanCount: 0 },
      ],
    });
    const entries = await readResourceSpans(store.client, [TRACE]);
    expect(entries).toHaveLength(2); // one resourceSpans per service
    const doc = JSON.parse(`[${entries.join(',')}]`) as {
      scopeSpans: { spans: { spanId: string }[] }[];
    }[];
    const ids = doc.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => s.spanId)));
    expect(ids.sort()).toEqual(['1', '2', '3'].map(spanId));
  });

  it('does not count a span twice when an exporter retries a batch', async () => {
    expect(await write([ROOT, CHILD])).toEqual({ stored: 2, duplicates: 0 });
    expect(await write([ROOT, CHILD, LATE, LATE])).toEqual({ stored: 1, duplicates: 3 });
    const [summary] = await readSummaries(store.client, [TRACE]);
    expect(summary?.spanCount).toBe(3);
    expect(summary?.services.find((s) => s.name === 'db')?.spanCount).toBe(2);
  });

  it('finds traces by service, operation, duration, attribute, model and error', async () => {
    const other = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    await write([ROOT, CHILD, LATE]);
    await write([{ ...ROOT, startMs: 1000 }], other);
    const find = (query: Parameters<typeof searchTraceIds>[1]) =>
      searchTraceIds(store.client, query);
    expect(await find({ limit: 10 })).toEqual([other, TRACE]); // newest first
    expect(await find({ limit: 1 })).toEqual([other]);
    expect(await find({ serviceName: 'db', limit: 10 })).toEqual([TRACE]);
    expect(await find({ serviceName: 'frontend', operationName: 'GET /', limit: 10 })).toEqual([
      other,
      TRACE,
    ]);
    expect(await find({ serviceName: 'db', operationName: 'GET /', limit: 10 })).toEqual([]);
    expect(await find({ durationMinNs: 150_000_000n, limit: 10 })).toEqual([TRACE]);
    expect(await find({ durationMaxNs: 60_000_000n, limit: 10 })).toEqual([TRACE]);
    expect(
      await find({ attributes: [['db.system.name', 'postgresql']], serviceName: 'db', limit: 10 }),
    ).toEqual([TRACE]);
    // Conditions hold on one span: the postgres span is not named "fetch".
    expect(
      await find({
        attributes: [['db.system.name', 'postgresql']],
        operationName: 'fetch',
        limit: 9,
      }),
    ).toEqual([]);
    expect(await find({ attributes: [['error', 'true']], limit: 10 })).toEqual([TRACE]);
    expect(await find({ model: 'gpt-4o-mini', limit: 10 })).toEqual([TRACE]);
    expect(await find({ errorsOnly: true, serviceName: 'frontend', limit: 10 })).toEqual([]);
    expect(
      await find({
        startTimeMinNs: T0 + 500_000_000n,
        startTimeMaxNs: T0 + 2_000_000_000n,
        limit: 5,
      }),
    ).toEqual([other]);
    expect(await listServices(store.client)).toEqual(['db', 'frontend']);
    expect(await listOperations(store.client, 'db')).toEqual([
      { name: 'fetch', spanKind: 1 },
      { name: 'query', spanKind: 1 },
    ]);
  });

  it('refuses writes past the queue bound and after close, storing nothing', async () => {
    const small = await SpanStore.open({ dataDir: `${dir}/small`, maxPendingItems: 2 });
    const first = small.writeSpans(normalizeTraceRequest(request([ROOT])).batch);
    const second = small.writeSpans(normalizeTraceRequest(request([CHILD, LATE])).batch);
    await expect(second).rejects.toBeInstanceOf(StoreSaturatedError);
    await first;
    await small.close();
    await expect(
      small.writeSpans(normalizeTraceRequest(request([LATE])).batch),
    ).rejects.toBeInstanceOf(StoreClosedError);
  });
});
