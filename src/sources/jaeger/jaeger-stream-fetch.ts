/**
 * Fetches one Jaeger trace and reads it while it downloads (jaeger-stream.ts). When the payload
 * is not one the streaming scanner takes, or the answer is an error, the bytes already received
 * are handed to the regular adapter (`createJaegerSource`) through a replayed response, so
 * errors, not-found envelopes and odd payloads behave exactly as without streaming.
 */
import type { ParsedTrace } from '../../model/trace';
import { TraceLoadError } from '../source';
import type { FetchLike } from '../http-fetch';
import { finishStreamedTrace, type StreamedJaegerTrace } from './jaeger-fast-trace';
import { JaegerStreamScanner } from './jaeger-stream';
import { createJaegerSource } from './jaeger-source';
import { isSmallBody, streamedTraceUrl } from './jaeger-trace-url';

export type JaegerRead =
  | { readonly kind: 'streamed'; readonly trace: StreamedJaegerTrace }
  | { readonly kind: 'parsed'; readonly parsed: ParsedTrace };

export async function fetchJaegerTraceStreaming(
  sourceId: string,
  traceId: string,
  fetchImpl: FetchLike,
  signal?: AbortSignal,
): Promise<JaegerRead> {
  const response = await send(streamedTraceUrl(sourceId, traceId), fetchImpl, signal);
  const replay = async (body: string | ArrayBuffer) => {
    // The same status and headers (content type, the server's login challenge), body as read.
    const { status, headers } = response;
    const replayed: FetchLike = () => Promise.resolve(new Response(body, { status, headers }));
    return createJaegerSource(sourceId, replayed).fetchTrace(traceId, signal);
  };
  if (!response.ok || !response.body || isSmallBody(response)) {
    // As bytes: the adapter decodes them once (text here would be encoded and decoded again).
    const bytes = await readBody(() => response.arrayBuffer(), signal);
    return { kind: 'parsed', parsed: await replay(bytes) };
  }
  const scanner = new JaegerStreamScanner(Number(response.headers.get('Content-Length')) || 0);
  const reader = response.body.getReader();
  await readBody(async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      scanner.push(value);
    }
  }, signal);
  if (scanner.finish()) {
    const trace = finishStreamedTrace(scanner, traceId);
    if (trace) return { kind: 'streamed', trace };
  }
  return { kind: 'parsed', parsed: await replay(decodeAll(scanner.allBytes())) };
}

async function send(url: string, fetchImpl: FetchLike, signal?: AbortSignal): Promise<Response> {
  try {
    return await fetchImpl(url, { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    throw networkError(error, signal);
  }
}

async function readBody<T>(read: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw networkError(error, signal);
  }
}

/** As `httpGet`: an abort passes through untouched, anything else is 'unreachable'. */
function networkError(error: unknown, signal?: AbortSignal): unknown {
  if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) return error;
  return new TraceLoadError('unreachable', 'Could not reach the Tracefall server.', {
    detail: error instanceof Error ? error.message : String(error),
  });
}

function decodeAll(chunks: readonly Uint8Array[]): string {
  const decoder = new TextDecoder();
  let text = '';
  for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
