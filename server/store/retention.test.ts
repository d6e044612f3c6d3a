import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../local/test-local-server';
import { normalizeLogsRequest } from '../otlp/normalize-logs';
import { normalizeTraceRequest } from '../otlp/normalize-traces';
import { enforceRetention, startRetention, usedBytes } from './retention';
import { SpanStore } from './span-store';
import { readResourceLogs } from './trace-reads';
import { searchTraceIds } from './trace-search';

const DAY_MS = 86_400_000;

function traceRequest(traceIndex: number, spanCount: number, payloadChars = 0) {
  const traceId = traceIndex.toString(16).padStart(32, 'a');
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
        scopeSpans: [
          {
            scope: { name: 'test' },
            spans: Array.from({ length: spanCount }, (_, i) => ({
              traceId,
              spanId: (i + 1).toString(16).padStart(16, '0'),
              name: `op-${i}`,
              startTimeUnixNano: String(1_795_275_340_000_000_000n + BigInt(i)),
              endTimeUnixNano: String(1_795_275_341_000_000_000n),
              attributes: [{ key: 'payload', value: { stringValue: 'x'.repeat(payloadChars) } }],
            })),
          },
        ],
      },
    ],
  };
}

const logRequest = (traceId: string) => ({
  resourceLogs: [
    {
      resource: {},
      scopeLogs: [{ scope: {}, logRecords: [{ traceId, body: { stringValue: 'hi' } }] }],
    },
  ],
});

describe('retention', () => {
  let dir: string;
  let store: SpanStore;
  let nowMs: number;
  beforeEach(async () => {
    dir = makeTempDir();
    nowMs = Date.parse('2026-11-21T12:00:00Z');
    store = await SpanStore.open({ dataDir: dir, now: () => nowMs });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const allTraces = () => searchTraceIds(store.client, { limit: 1000 });
  const count = async (table: string) =>
    Number((await store.client.execute(`SELECT count(*) FROM ${table}`)).rows[0]?.[0]);

  it('deletes traces (and their logs) received before the age limit', async () => {
    await store.writeSpans(normalizeTraceRequest(traceRequest(1, 3)).batch);
    const oldId = '1'.padStart(32, 'a');
    await store.writeLogs(normalizeLogsRequest(logRequest(oldId)).batch);
    // An orphan log record (its trace never arrived) ages out too.
    await store.writeLogs(normalizeLogsRequest(logRequest('b'.repeat(32))).batch);
    nowMs += 8 * DAY_MS;
    await store.writeSpans(normalizeTraceRequest(traceRequest(2, 3)).batch);
    const result = await enforceRetention(store, { maxAgeDays: 7, maxSizeMb: 1024 });
    expect(result).toEqual({ deletedTraces: 1, deletedLogs: 1 });
    expect(await allTraces()).toEqual(['2'.padStart(32, 'a')]);
    expect(await readResourceLogs(store.client, oldId)).toEqual([]);
    expect(await count('spans')).toBe(3);
    expect(await count('span_attrs')).toBe(3);
    expect(await count('trace_services')).toBe(1);
    expect(await count('logs')).toBe(0);
    expect(await count('origins')).toBe(1);
  });

  it('deletes the oldest traces while the database is over its size limit', async () => {
    for (let i = 0; i < 12; i++) {
      await store.writeSpans(normalizeTraceRequest(traceRequest(i, 40, 2000)).batch);
      nowMs += 1000;
    }
    const before = await usedBytes(store);
    expect(before).toBeGreaterThan(1024 * 1024);
    const limitMb = 0.5;
    const result = await enforceRetention(store, { maxAgeDays: 7, maxSizeMb: limitMb });
    expect(result.deletedTraces).toBeGreaterThan(0);
    expect(await usedBytes(store)).toBeLessThanOrEqual(limitMb * 1024 * 1024);
    const left = await allTraces();
    expect(left.length).toBe(12 - result.deletedTraces);
    // The newest traces are the ones kept.
    expect(left).toContain((11).toString(16).padStart(32, 'a'));
    expect(await count('spans')).toBe(left.length * 40);
  });

  it('runs in the background on a timer and stops cleanly', async () => {
    await store.writeSpans(normalizeTraceRequest(traceRequest(1, 2)).batch);
    nowMs += 30 * DAY_MS;
    const messages: string[] = [];
    const timer = startRetention(
      store,
      { maxAgeDays: 7, maxSizeMb: 1024 },
      { firstDelayMs: 1, intervalMs: 10, log: (m) => messages.push(m) },
    );
    await expect.poll(() => allTraces(), { timeout: 2000 }).toEqual([]);
    await timer.stop();
    expect(messages.join('\n')).toMatch(/deleted 1 traces/);
  });
});
