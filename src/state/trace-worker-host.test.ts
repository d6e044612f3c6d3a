import { describe, expect, it } from 'vitest';
import { readFixtureText } from '../../test/fixtures';
import { generateJaegerPayload } from '../../test/generate-trace';
import { GO_404, jsonResponse, stubFetch, textResponse } from '../../test/http-stub';
import { EMPTY_FILTER, matchSpans, type SpanFilter } from '../model/search';
import { recordAt } from '../model/span-table';
import { buildSpanTree } from '../model/span-tree';
import { parseJaegerTrace } from '../sources/jaeger/parse-jaeger';
import { jaegerTraceUrl } from '../sources/jaeger/jaeger-source';
import { streamedTraceUrl } from '../sources/jaeger/jaeger-trace-url';
import type { SourceInfo } from '../sources/source';
import { createWorkerHost } from './trace-worker-host';
import { fillRecords, reviveBase, reviveDerived } from './trace-transfer';
import { reviveError, type WorkerResponse } from './trace-worker-protocol';

const JAEGER: SourceInfo = { id: 'prod', name: 'Prod', kind: 'jaeger' };
const PAYLOAD = generateJaegerPayload(400, 11);
const TRACE_ID = (PAYLOAD as { data: { traceID: string }[] }).data[0]!.traceID;

/** A host whose messages are collected, with the structured clone a real postMessage does. */
function host(respond: Parameters<typeof stubFetch>[0], shownWaitMs = 20) {
  const messages: WorkerResponse[] = [];
  const waiting: (() => void)[] = [];
  const { fetchImpl, calls } = stubFetch(respond);
  const instance = createWorkerHost(
    (message) => {
      messages.push(structuredClone(message));
      waiting.splice(0).forEach((wake) => wake());
    },
    fetchImpl,
    shownWaitMs,
  );
  const next = async <T extends WorkerResponse['type']>(type: T) => {
    for (;;) {
      const found = messages.find((m) => m.type === type);
      if (found) {
        messages.splice(messages.indexOf(found), 1);
        return found as Extract<WorkerResponse, { type: T }>;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  return { handle: instance.handle, next, calls, messages };
}

describe('trace worker host', () => {
  it('streams a Jaeger trace: base data first, then derived data, then filters', async () => {
    const worker = host(() => jsonResponse(PAYLOAD));
    worker.handle({ type: 'open', id: 1, source: JAEGER, traceId: TRACE_ID });
    const base = await worker.next('base');
    expect(base.payload.records.kind).toBe('bytes');
    expect(base.timing?.isStreamed).toBe(true);
    const revived = reviveBase(base.payload);
    const exact = buildSpanTree(parseJaegerTrace(PAYLOAD).trace);
    expect(Array.from(revived.tree.preorder)).toEqual(Array.from(exact.preorder));
    expect(revived.summary.spanCount).toBe(400);
    expect(recordAt(revived.tree.trace, 7)).toEqual(recordAt(exact.trace, 7));
    expect(revived.tree.nodeById.get(exact.trace.spanIds[9]!)).toBe(9);

    const derived = reviveDerived((await worker.next('derived')).payload, revived.tree.nodeCount);
    expect(derived.llm.totals.llmCallCount).toBeGreaterThan(0);
    expect(derived.criticalPath.reason(0)).toBeNull();

    const filter: SpanFilter = { ...EMPTY_FILTER, text: 'http.method=get' };
    worker.handle({ type: 'match', id: 1, seq: 1, filter });
    const { result } = await worker.next('matches');
    expect(result.count).toBeGreaterThan(0);
    expect(Array.from(result.matches)).toEqual(Array.from(matchSpans(exact, filter)));
  });

  it('holds the derived data back until the page has shown the rows', async () => {
    // Waiting for `shown` alone: the fallback wait is longer than the test may run.
    const worker = host(() => jsonResponse(PAYLOAD), 60_000);
    worker.handle({ type: 'open', id: 6, source: JAEGER, traceId: TRACE_ID });
    await worker.next('base');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(worker.messages.map((m) => m.type)).toEqual([]);
    worker.handle({ type: 'shown', id: 6 });
    const derived = await worker.next('derived');
    expect(derived.payload.selfTimesNs.length).toBe(400);
  });

  it('computes the derived data anyway when the page never says it has shown the rows', async () => {
    const worker = host(() => jsonResponse(PAYLOAD), 50);
    worker.handle({ type: 'open', id: 7, source: JAEGER, traceId: TRACE_ID });
    await worker.next('base');
    expect((await worker.next('derived')).payload.selfTimesNs.length).toBe(400);
  });

  it('answers only the newest of a burst of filters', async () => {
    const worker = host(() => jsonResponse(PAYLOAD));
    worker.handle({ type: 'open', id: 2, source: JAEGER, traceId: TRACE_ID });
    await worker.next('derived');
    for (const [seq, text] of ['o', 'op', 'op-1'].entries()) {
      worker.handle({ type: 'match', id: 2, seq, filter: { ...EMPTY_FILTER, text } });
    }
    const answer = await worker.next('matches');
    expect(answer.seq).toBe(2);
    expect(worker.messages.filter((m) => m.type === 'matches')).toEqual([]);
  });

  it('hands odd payloads to the regular adapter (a bare trace object here)', async () => {
    const text = readFixtureText('jaeger/trace-object_11spans_follows-from_error.json');
    const worker = host(() => textResponse(text, 200));
    worker.handle({ type: 'open', id: 3, source: JAEGER, traceId: 'trace-123' });
    const base = await worker.next('base');
    // The adapter's records come once the rows are shown, as JSON text (one per span), before
    // the derived data.
    expect(base.payload.records.kind).toBe('later');
    const revived = reviveBase(base.payload);
    expect(revived.summary.spanCount).toBe(11);
    worker.handle({ type: 'shown', id: 3 });
    const records = await worker.next('records');
    expect(worker.messages.map((m) => m.type)).not.toContain('derived');
    fillRecords(revived, records.records);
    const spans = parseJaegerTrace(JSON.parse(text)).trace.spans;
    spans.forEach((span, index) => expect(recordAt(revived.tree.trace, index)).toEqual(span));
  });

  it('reports load errors with their reason', async () => {
    const worker = host(() =>
      textResponse(
        JSON.stringify({ data: null, errors: [{ code: 404, msg: 'trace not found' }] }),
        404,
      ),
    );
    worker.handle({ type: 'open', id: 4, source: JAEGER, traceId: 'abc' });
    const error = reviveError((await worker.next('error')).error);
    expect(error).toMatchObject({ name: 'TraceLoadError', reason: 'not-found' });
  });

  it('loads other kinds through their adapter', async () => {
    const worker = host(GO_404);
    worker.handle({
      type: 'open',
      id: 5,
      source: { id: 'tempo', name: 'Tempo', kind: 'tempo' },
      traceId: 'abc',
    });
    const error = reviveError((await worker.next('error')).error);
    expect(error).toMatchObject({ name: 'TraceLoadError' });
    expect(worker.calls[0]?.url).toContain('/api/sources/tempo/');
  });

  it('reads a response the page already started, whole or still streaming', async () => {
    const text = JSON.stringify(PAYLOAD);
    const worker = host(() => {
      throw new Error('the worker must not fetch a prefetched trace');
    });
    const headers: [string, string][] = [['content-type', 'application/json']];
    const bodies = [new TextEncoder().encode(text).buffer, new Response(text).body!];
    for (const [index, body] of bodies.entries()) {
      worker.handle({
        type: 'open',
        id: 10 + index,
        source: JAEGER,
        traceId: TRACE_ID,
        body: { status: 200, headers, body },
      });
      const base = await worker.next('base');
      expect(base.timing).toBeUndefined();
      expect(reviveBase(base.payload).summary.spanCount).toBe(400);
    }
    expect(worker.calls).toEqual([]);
  });

  it('fetches the same path as the Jaeger adapter', () => {
    expect(streamedTraceUrl('prod', 'a/b+c')).toBe(jaegerTraceUrl('prod', 'a/b+c'));
  });
});
