/**
 * HTTP plumbing shared by every remote adapter. The browser never talks to a backend directly:
 * every request goes same-origin through Tracefall's server proxy,
 * `/api/sources/<sourceId>/<backend path>`, which keeps credentials on the server and avoids CORS.
 *
 * Bodies are always read as text first: Jaeger's error bodies are JSON sent as `text/plain`,
 * Tempo answers a missing trace with an empty 404, Zipkin with plain text, and the proxy's own
 * errors are JSON `{error: {code, message}}`.
 */
import { TraceLoadError, type LoadErrorReason } from './source';

/** The part of `fetch` the adapters use; tests pass a stub. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export const defaultFetch: FetchLike = (input, init) => globalThis.fetch(input, init);

/** Longest piece of a response body kept in an error's detail or message. */
export const DETAIL_LIMIT = 500;

/** Error codes of the Tracefall server proxy that have a reason of their own. */
const PROXY_REASONS: Readonly<Record<string, LoadErrorReason>> = {
  'upstream-unreachable': 'unreachable',
  'upstream-timeout': 'timeout',
  'unknown-source': 'unknown-source',
};

/**
 * Header on Tracefall's own 401s (TRACEFALL_AUTH_TOKEN). A backend's 401 passes the proxy
 * without it, so only the server's own challenge can raise the login prompt.
 */
export const AUTH_CHALLENGE_HEADER = 'X-Tracefall-Auth';

let unauthorizedListener: (() => void) | undefined;

/** Called when the Tracefall server asks for a login (state/auth.ts registers it). */
export function setUnauthorizedListener(listener: (() => void) | undefined): void {
  unauthorizedListener = listener;
}

/** Tells the listener when `response` is the server's own login challenge. */
export function reportIfUnauthorized(response: Pick<Response, 'status' | 'headers'>): void {
  if (response.status === 401 && response.headers.get(AUTH_CHALLENGE_HEADER) === 'required') {
    unauthorizedListener?.();
  }
}

export interface HttpReply {
  readonly status: number;
  readonly text: string;
  readonly contentType: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Proxy URL of a backend path. The source id is escaped here; `backendPath` must already have
 * its variable segments escaped (`encodeURIComponent`: base64 ids may hold `/` and `+`).
 */
export function proxyUrl(
  sourceId: string,
  backendPath: string,
  params?: URLSearchParams | readonly (readonly [string, string])[],
): string {
  const base = `/api/sources/${encodeURIComponent(sourceId)}${backendPath}`;
  const search =
    params === undefined
      ? ''
      : (params instanceof URLSearchParams
          ? params
          : new URLSearchParams(params as [string, string][])
        ).toString();
  return search === '' ? base : `${base}?${search}`;
}

/** GET as text. Network failures become 'unreachable'; an abort is passed on untouched. */
export async function httpGet(
  url: string,
  fetchImpl: FetchLike,
  signal: AbortSignal | undefined,
): Promise<HttpReply> {
  try {
    const response = await fetchImpl(url, { signal, headers: { Accept: 'application/json' } });
    reportIfUnauthorized(response);
    return {
      status: response.status,
      text: await response.text(),
      contentType: response.headers.get('Content-Type') ?? '',
    };
  } catch (error) {
    if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) throw error;
    throw new TraceLoadError('unreachable', 'Could not reach the Tracefall server.', {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

export function isSuccess(reply: HttpReply): boolean {
  return reply.status >= 200 && reply.status < 300;
}

export function tryParseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** The body as JSON, or a 'bad-response' error naming what was expected. */
export function readJson(reply: HttpReply, expected = 'JSON'): unknown {
  const body = tryParseJson(reply.text);
  if (body !== undefined) return body.value;
  const type = reply.contentType ? ` (${reply.contentType})` : '';
  throw new TraceLoadError(
    'bad-response',
    `The backend answered with something that is not ${expected}${type}.`,
    { status: reply.status, detail: reply.text.slice(0, DETAIL_LIMIT) },
  );
}

/** The error code of a Tracefall proxy error body (`{error: {code: "upstream-…"}}`), if any. */
export function proxyErrorCode(reply: HttpReply): string | undefined {
  const body = tryParseJson(reply.text)?.value;
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  return typeof error?.code === 'string' ? error.code : undefined;
}

export function notFoundError(
  traceId: string,
  status: number,
  detail: string | undefined,
): TraceLoadError {
  return new TraceLoadError('not-found', `Trace ${traceId} was not found.`, { status, detail });
}

export interface StatusErrorOptions {
  /** Set when the request fetched one trace: a 404 then means the trace is not found. */
  readonly traceId?: string;
  /** Reads a backend-specific message from a JSON error body (e.g. a Jaeger envelope's). */
  readonly backendMessage?: (body: unknown) => string | undefined;
}

/** The message of a JSON error body: the proxy's, Jaeger v3's and google.rpc.Status's shapes. */
function genericMessage(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  if (isRecord(body.error) && typeof body.error.message === 'string') return body.error.message;
  if (typeof body.error === 'string') return body.error;
  return typeof body.message === 'string' ? body.message : undefined;
}

/** Maps a non-2xx answer (from the proxy, or from the backend through it) to a load error. */
export function errorForStatus(reply: HttpReply, options: StatusErrorOptions = {}): TraceLoadError {
  const { status, text } = reply;
  const body = tryParseJson(text)?.value;
  const code = proxyErrorCode(reply);
  const message =
    genericMessage(body) ??
    options.backendMessage?.(body) ??
    (text.trim().slice(0, DETAIL_LIMIT) || `HTTP ${status}`);
  const reason = code === undefined ? undefined : PROXY_REASONS[code];
  if (reason) return new TraceLoadError(reason, message, { status, detail: code });
  if (status === 404 && options.traceId !== undefined) {
    return notFoundError(options.traceId, status, message);
  }
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

/**
 * True when a 404/405 says the backend has no such route (an older or newer server), as
 * opposed to an answer of the route itself or an error of the proxy. Go's muxes answer
 * `404 page not found`, other servers an HTML page. An empty 404 is an answer (Tempo's "no
 * such trace"), and so is any JSON object (Jaeger's envelopes and v3 errors).
 */
export function isMissingRoute(reply: HttpReply): boolean {
  if (proxyErrorCode(reply) !== undefined) return false;
  if (reply.status === 405) return true;
  if (reply.status !== 404 || reply.text.trim() === '') return false;
  return !isRecord(tryParseJson(reply.text)?.value);
}
