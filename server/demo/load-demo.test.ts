import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseOtlpLogs } from '../../src/sources/otlp/parse-otlp-logs';
import { parseOtlpTrace } from '../../src/sources/otlp/parse-otlp';
import { makeTempDir } from '../local/test-local-server';
import { SpanStore } from '../store/span-store';
import { readResourceLogs, readResourceSpans } from '../store/trace-reads';
import { readSummaries, searchTraceIds } from '../store/trace-search';
import { DEMO_META_KEY, loadDemoOnce } from './load-demo';

describe('example traces', () => {
  let dir: string;
  let store: SpanStore;
  const nowMs = Date.parse('2026-11-21T12:00:00Z');
  beforeEach(async () => {
    dir = makeTempDir();
    store = await SpanStore.open({ dataDir: dir, now: () => nowMs });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads four LLM traces with fresh timestamps, once', async () => {
    const ids = await loadDemoOnce(store);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    expect(await loadDemoOnce(store)).toEqual([]);
    expect(await searchTraceIds(store.client, { limit: 10 })).toEqual([...ids].reverse());
    const summaries = await readSummaries(store.client, ids);
    for (const summary of summaries) {
      const endMs = Number(BigInt(summary.maxEndTimeUnixNano) / 1_000_000n);
      expect(endMs).toBeLessThan(nowMs);
      expect(endMs).toBeGreaterThan(nowMs - 10 * 60_000);
    }
    const [rag, agent, streaming, twoServices] = summaries;
    expect(rag).toMatchObject({ rootOperationName: 'handle_question', spanCount: 6 });
    expect(agent).toMatchObject({ spanCount: 6, errorSpanCount: 1 });
    expect(streaming).toMatchObject({ spanCount: 2, errorSpanCount: 0 });
    expect(twoServices?.rootServiceName).toBe('support-web');
    expect(twoServices?.services.map((s) => s.name).sort()).toEqual([
      'support-assistant-api',
      'support-web',
    ]);
  });

  it('stores traces the app adapter reads without problems, logs bound to their spans', async () => {
    const ids = await loadDemoOnce(store);
    for (const id of ids) {
      const doc = JSON.parse(
        `{"resourceSpans":[${(await readResourceSpans(store.client, [id])).join(',')}]}`,
      );
      const parsed = parseOtlpTrace(doc, id);
      expect(parsed.problems, id).toEqual([]);
      const spanIds = new Set(parsed.trace.spans.map((s) => s.spanId));
      const logs = parseOtlpLogs(
        JSON.parse(`{"resourceLogs":[${(await readResourceLogs(store.client, id)).join(',')}]}`),
      );
      for (const log of logs) expect(spanIds.has(log.spanId ?? '')).toBe(true);
    }
    const agentLogs = await readResourceLogs(store.client, ids[1] ?? '');
    expect(agentLogs.join()).toContain('gen_ai.tool.message');
  });

  it('is skipped for a store that already holds traces, and never retried', async () => {
    await loadDemoOnce(store);
    const other = await SpanStore.open({ dataDir: `${dir}/second`, now: () => nowMs });
    try {
      await other.setMeta('unrelated', 'x');
      await other.client.execute(
        `INSERT INTO traces VALUES ('${'a'.repeat(32)}','s','n',0,1,0,0,1,0,0,0)`,
      );
      expect(await loadDemoOnce(other)).toEqual([]);
      expect(await other.getMeta(DEMO_META_KEY)).toMatch(/skipped/);
      await other.client.execute('DELETE FROM traces');
      expect(await loadDemoOnce(other)).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
