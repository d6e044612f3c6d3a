/**
 * What the trace worker's entry (trace-worker.ts) does before the rest of its code has loaded.
 * Types only, no imports: a module shared with the worker's body would be one more chunk to
 * fetch before the entry can run (boot-start.test.ts checks the inlined names agree).
 */
import type { FetchLike } from '../sources/http-fetch';
import type { SourceInfo } from '../sources/source';
import type { BOOT_TRACE_ID } from './boot-handoff';
import type { WorkerRequest } from './trace-worker-protocol';

const BOOT_ID: typeof BOOT_TRACE_ID = 0;

/** `streamedTraceUrl` of jaeger-trace-url.ts, inlined (a test checks they agree). */
export function bootTraceUrl(sourceId: string, traceId: string): string {
  return `/api/sources/${encodeURIComponent(sourceId)}/api/traces/${encodeURIComponent(traceId)}`;
}

/**
 * The trace the page's boot script asked the worker to open, read from the worker's name
 * (see `bootWorkerName` in boot-start.ts for why not a message): the open request for trace
 * `BOOT_TRACE_ID`, or undefined when the name carries none (or anything malformed).
 */
export function bootOpenRequest(name: string): WorkerRequest | undefined {
  const at = name.indexOf('#');
  if (at < 0) return undefined;
  let request: unknown;
  try {
    request = JSON.parse(decodeURIComponent(name.slice(at + 1)));
  } catch {
    return undefined;
  }
  if (typeof request !== 'object' || request === null) return undefined;
  const { source, traceId } = request as { source?: unknown; traceId?: unknown };
  if (typeof traceId !== 'string' || traceId === '' || !isSource(source)) return undefined;
  return { type: 'open', id: BOOT_ID, source, traceId };
}

function isSource(value: unknown): value is SourceInfo {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, kind } = value as Partial<Record<keyof SourceInfo, unknown>>;
  return typeof id === 'string' && typeof name === 'string' && typeof kind === 'string';
}

/**
 * Starts the request of a boot Jaeger trace at once, before the worker's other code has loaded,
 * and returns a fetch that answers that request (once) with the response on its way: the same
 * URL and headers the streaming reader asks for (jaeger-stream-fetch.ts), aborted when the
 * reader's signal is. Other URLs, and other kinds of source, go to `fetchImpl` as usual.
 */
export function bootFetch(
  request: WorkerRequest,
  fetchImpl: FetchLike = (input, init) => globalThis.fetch(input, init),
): FetchLike | undefined {
  if (request.type !== 'open' || !('kind' in request.source)) return undefined;
  if (request.source.kind !== 'jaeger') return undefined;
  const url = bootTraceUrl(request.source.id, request.traceId);
  const controller = new AbortController();
  let pending: Promise<Response> | undefined = fetchImpl(url, {
    signal: controller.signal,
    headers: { Accept: 'application/json' },
  });
  // A failure is reported to whoever takes the response, not as an unhandled rejection here.
  pending.catch(() => undefined);
  return (input, init) => {
    if (!pending || input !== url) return fetchImpl(input, init);
    const response = pending;
    pending = undefined;
    const signal = init?.signal;
    if (signal?.aborted) controller.abort(signal.reason);
    signal?.addEventListener('abort', () => controller.abort(signal.reason));
    return response;
  };
}
