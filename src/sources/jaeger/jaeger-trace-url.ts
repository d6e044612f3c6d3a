/**
 * Where a Jaeger trace is fetched, and which answers are small enough to parse the regular way.
 * Apart from jaeger-source.ts and jaeger-stream-fetch.ts so the page's boot script can use it
 * without loading either.
 */
import { proxyUrl } from '../http-fetch';

/**
 * Payloads smaller than this are parsed the regular way (JSON.parse): on a small trace the
 * byte scanner, still cold in a fresh worker, is slower than the native parser, and streaming
 * has nothing to overlap with.
 */
export const STREAM_FROM_BYTES = 4 * 1024 * 1024;

/**
 * `jaegerTraceUrl` of jaeger-source.ts (the same path; a test checks they agree), without
 * loading that module and its search code before the trace has even been asked for.
 */
export function streamedTraceUrl(sourceId: string, traceId: string): string {
  return proxyUrl(sourceId, `/api/traces/${encodeURIComponent(traceId)}`);
}

/** A plain (not compressed) body of known, small size: read whole, then parsed. */
export function isSmallBody(response: Pick<Response, 'headers'>): boolean {
  const length = Number(response.headers.get('Content-Length'));
  const isEncoded = (response.headers.get('Content-Encoding') ?? 'identity') !== 'identity';
  return !isEncoded && length > 0 && length < STREAM_FROM_BYTES;
}
