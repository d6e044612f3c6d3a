/**
 * Loads one trace from a remote source into a `TraceSession`: Jaeger is read while it downloads
 * (sources/jaeger/jaeger-stream-fetch.ts), every other kind through its adapter. Runs in the
 * trace worker, or in the page when workers are not available.
 */
import { FLAG_LLM_HINT, type SpanRecords } from '../model/span-table';
import { compactSpanBytes, jaegerByteRecords } from '../sources/jaeger/jaeger-bytes';
import { fetchJaegerTraceStreaming } from '../sources/jaeger/jaeger-stream-fetch';
import { defaultFetch, type FetchLike } from '../sources/http-fetch';
import { TraceLoadError, type SourceInfo } from '../sources/source';
import type { FetchTiming } from './trace-worker-protocol';
import type { SessionInput } from './trace-session';
import type { RecordsPayload } from './trace-transfer';

export interface LoadedInput {
  readonly input: SessionInput;
  /** How the page will read span records (the raw payload moves there when streamed). */
  readonly records: RecordsPayload;
  readonly timing: FetchTiming | undefined;
  /**
   * Lets go of the records this thread kept (the worker's LLM-hinted span bytes) once the
   * derived data, their only reader here, is computed.
   */
  readonly releaseRecords?: () => void;
}

/**
 * Fetches and reads the trace. With `keepPayload: false` (the worker) the session keeps only the
 * bytes of LLM-hinted spans, which its LLM readers need, and the payload itself goes to the page.
 */
export async function loadTraceInput(
  source: SourceInfo,
  traceId: string,
  options: {
    signal?: AbortSignal;
    fetchImpl?: FetchLike;
    keepPayload: boolean;
    /** False when the response did not come through this thread's fetch (no timing entry). */
    hasTiming?: boolean;
  },
): Promise<LoadedInput> {
  const fetchImpl = options.fetchImpl ?? defaultFetch;
  const requestStartEpochMs = nowEpochMs();
  const timingOf = (isStreamed: boolean) =>
    options.hasTiming === false ? undefined : fetchTiming(requestStartEpochMs, isStreamed);
  if (source.kind === 'jaeger') {
    const read = await fetchJaegerTraceStreaming(source.id, traceId, fetchImpl, options.signal);
    const timing = timingOf(read.kind === 'streamed');
    if (read.kind === 'parsed') {
      const { parsed } = read;
      return { input: read, records: { kind: 'objects', spans: parsed.trace.spans }, timing };
    }
    const { trace } = read;
    const records: RecordsPayload = { kind: 'bytes', bytes: trace.bytes };
    if (options.keepPayload) return { input: read, records, timing };
    const { flags } = trace.table;
    let kept: SpanRecords | undefined = jaegerByteRecords(
      compactSpanBytes(trace.bytes, (i) => ((flags[i] ?? 0) & FLAG_LLM_HINT) !== 0),
    );
    const released: SpanRecords = {
      get: (index) => {
        if (!kept) throw new RangeError(`span ${index} is no longer kept in this thread`);
        return kept.get(index);
      },
    };
    const table = { ...trace.table, records: released };
    return {
      input: { kind: 'streamed', trace: { ...trace, table } },
      records,
      timing,
      releaseRecords: () => (kept = undefined),
    };
  }
  // Other kinds' adapters load when first used: a Jaeger trace starts downloading sooner.
  const { createRemoteSource } = await import('./remote-sources');
  const adapter = createRemoteSource(source, options.fetchImpl);
  if (!adapter) {
    throw new TraceLoadError(
      'unknown-source',
      `Sources of kind "${source.kind}" are not supported.`,
    );
  }
  const parsed = await adapter.fetchTrace(traceId, options.signal);
  return {
    input: { kind: 'parsed', parsed },
    records: { kind: 'objects', spans: parsed.trace.spans },
    timing: timingOf(false),
  };
}

function nowEpochMs(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * When the trace response ended, from the Resource Timing entry of the trace request when the
 * browser has one (the most recent request to a trace path), else from the clock now.
 */
function fetchTiming(requestStartEpochMs: number, isStreamed: boolean): FetchTiming {
  const entries =
    typeof performance.getEntriesByType === 'function'
      ? performance.getEntriesByType('resource')
      : [];
  const entry = [...entries]
    .reverse()
    .find((e): e is PerformanceResourceTiming => /\/api\/sources\/[^/]+\/api\//.test(e.name));
  const responseEnd = entry && entry.responseEnd > 0 ? entry.responseEnd : performance.now();
  return {
    requestStartEpochMs: entry ? performance.timeOrigin + entry.startTime : requestStartEpochMs,
    responseEndEpochMs: performance.timeOrigin + responseEnd,
    isStreamed,
  };
}
