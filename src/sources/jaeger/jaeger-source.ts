/**
 * Jaeger (query service, internal API v1) as a trace source. The browser never talks to Jaeger
 * directly: every request goes same-origin through Tracefall's server proxy,
 * `/api/sources/<sourceId>/<Jaeger path>`, which keeps credentials on the server and avoids CORS.
 *
 * Bodies are read as text first: Jaeger's error bodies are JSON sent as `text/plain`, and the
 * proxy's own errors are JSON `{error: {code, message}}`.
 */
import { TraceLoadError, type LoadErrorReason, type TraceSource } from '../source';
import type { ParsedTrace } from '../../model/trace';
import { NotATraceError, parseJaegerTrace } from './parse-jaeger';
import { isRecord } from './jaeger-values';

/** The part of `fetch` this source uses; tests pass a stub. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Error codes of the Tracefall server proxy that have a reason of their own. */
const PROXY_REASONS: Readonly<Record<string, LoadErrorReason>> = {
  'upstream-unreachable': 'unreachable',
  'upstream-timeout': 'timeout',
  'unknown-source': 'unknown-source',
};

const DETAIL_LIMIT = 500;

/** Path of one trace through the proxy. Both ids are escaped (base64 ids may hold `/` and `+`). */
export function jaegerTraceUrl(sourceId: string, traceId: string): string {
  return `/api/sources/${encodeURIComponent(sourceId)}/api/traces/${encodeURIComponent(traceId)}`;
}

export function createJaegerSource(
  sourceId: string,
  fetchImpl: FetchLike = (input, init) => globalThis.fetch(input, init),
): TraceSource {
  return {
    id: sourceId,
    kind: 'jaeger',
    fetchTrace: (traceId, signal) => fetchJaegerTrace(sourceId, traceId, fetchImpl, signal),
  };
}

async function fetchJaegerTrace(
  sourceId: string,
  traceId: string,
  fetchImpl: FetchLike,
  signal: AbortSignal | undefined,
): Promise<ParsedTrace> {
  const { status, text } = await request(jaegerTraceUrl(sourceId, traceId), fetchImpl, signal);
  const body = tryParseJson(text);
  if (status < 200 || status >= 300) throw errorForStatus(status, body, text, traceId);
  if (body === undefined) {
    throw new TraceLoadError(
      'bad-response',
      'The backend answered with something that is not JSON.',
      {
        status,
        detail: text.slice(0, DETAIL_LIMIT),
      },
    );
  }
  if (isNotFoundEnvelope(body.value)) throw notFound(traceId, status, jaegerMessage(body.value));
  try {
    return parseJaegerTrace(body.value, traceId);
  } catch (error) {
    if (!(error instanceof NotATraceError)) throw error;
    throw new TraceLoadError(
      'bad-response',
      'The backend answered with something that is not a Jaeger trace.',
      {
        status,
        detail: error.message,
      },
    );
  }
}

/** GET as text. Network failures become 'unreachable'; an abort is passed on untouched. */
async function request(url: string, fetchImpl: FetchLike, signal: AbortSignal | undefined) {
  try {
    const response = await fetchImpl(url, { signal, headers: { Accept: 'application/json' } });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) throw error;
    throw new TraceLoadError('unreachable', 'Could not reach the Tracefall server.', {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

function tryParseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** Maps a non-2xx answer (from the proxy or from Jaeger through it) to a load error. */
function errorForStatus(
  status: number,
  body: { value: unknown } | undefined,
  text: string,
  traceId: string,
): TraceLoadError {
  const proxyError =
    isRecord(body?.value) && isRecord(body.value.error) ? body.value.error : undefined;
  const code = typeof proxyError?.code === 'string' ? proxyError.code : undefined;
  const message =
    (typeof proxyError?.message === 'string' ? proxyError.message : undefined) ??
    jaegerMessage(body?.value) ??
    (text.trim().slice(0, DETAIL_LIMIT) || `HTTP ${status}`);
  const reason = code === undefined ? undefined : PROXY_REASONS[code];
  if (reason) return new TraceLoadError(reason, message, { status, detail: code });
  if (status === 404) return notFound(traceId, status, message);
  if (status === 504 && code === undefined) {
    return new TraceLoadError('timeout', `The backend did not answer in time: ${message}`, {
      status,
    });
  }
  return new TraceLoadError('upstream-error', `The backend answered HTTP ${status}: ${message}`, {
    status,
    detail: code ?? text.slice(0, DETAIL_LIMIT),
  });
}

function notFound(traceId: string, status: number, detail: string | undefined): TraceLoadError {
  return new TraceLoadError('not-found', `Trace ${traceId} was not found.`, { status, detail });
}

/** `errors[0].msg` of a Jaeger envelope, if any. */
function jaegerMessage(body: unknown): string | undefined {
  if (!isRecord(body) || !Array.isArray(body.errors)) return undefined;
  const first: unknown = body.errors[0];
  return isRecord(first) && typeof first.msg === 'string' ? first.msg : undefined;
}

/**
 * A 200 envelope without traces whose errors say "not found" (the multi-get form of
 * `/api/traces`: `{data: [], errors: [{msg: "trace not found", traceID}]}`).
 */
function isNotFoundEnvelope(body: unknown): boolean {
  if (!isRecord(body) || !('data' in body) || !Array.isArray(body.errors)) return false;
  const hasTrace =
    Array.isArray(body.data) && body.data.some((t) => isRecord(t) && Array.isArray(t.spans));
  if (hasTrace) return false;
  return (body.errors as unknown[]).some(
    (error) => isRecord(error) && (error.code === 404 || /not found/i.test(String(error.msg))),
  );
}
