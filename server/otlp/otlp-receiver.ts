/**
 * The OTLP/HTTP receiver: `POST /v1/traces` and `POST /v1/logs`, JSON or protobuf, gzip or
 * not, answered as the OTLP/HTTP spec says — 200 with an (empty or partial-success) export
 * response in the request's encoding once the batch has committed; 400 with a Status for a
 * malformed request (nothing stored); 413 over the size limit; 415 for other content types;
 * 429/503 with Retry-After when saturated or shutting down. CORS lets browser SDKs export.
 */
import http from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { LibsqlError } from '@libsql/client';
import { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, type RouteHandler } from '../app';
import { hasBearer } from '../auth';
import { setSecurityHeaders } from '../http-util';
import type { SpanStore } from '../store/span-store';
import { StoreClosedError, StoreSaturatedError } from '../store/span-store';
import { HttpError, bodyFormat, decodeContent, readBody, type BodyFormat } from './otlp-body';
import { MalformedRequestError } from './otlp-fields';
import {
  ProtobufDecodeError,
  decodeLogsRequest,
  decodeTraceRequest,
  encodeLogsResponse,
  encodeStatus,
  encodeTraceResponse,
  type PartialSuccess,
} from './otlp-proto';
import { normalizeLogsRequest } from './normalize-logs';
import { normalizeTraceRequest } from './normalize-traces';

/** Larger than any SDK batch (512 spans by default) by far; the Collector's default is 20 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
/** Requests being read, decoded or written at once; more get 429. */
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 64;
/** Time for the whole body to arrive once the headers are in; SDKs send in milliseconds. */
export const DEFAULT_BODY_TIMEOUT_MS = 30_000;
const RETRY_AFTER_SECONDS = '1';
type Signal = 'traces' | 'logs' | 'metrics';
/**
 * Metrics are accepted and dropped: SDKs and agents that export all three signals by default
 * (the Java agent does) then work unchanged against this endpoint instead of logging 404s.
 */
const SIGNALS = new Map<string, Signal>([
  ['/v1/traces', 'traces'],
  ['/v1/logs', 'logs'],
  ['/v1/metrics', 'metrics'],
]);

export interface ReceiverOptions {
  readonly maxBodyBytes?: number;
  readonly maxConcurrentRequests?: number;
  readonly bodyTimeoutMs?: number;
  /** TRACEFALL_OTLP_TOKEN: when set, exporters must send `Authorization: Bearer <token>`. */
  readonly token?: string;
  readonly log?: (message: string) => void;
}

/** gRPC status codes for the Status body, by HTTP status. */
const GRPC_CODE: Record<number, number> = {
  400: 3,
  401: 16,
  408: 4,
  413: 8,
  415: 3,
  429: 8,
  500: 13,
  503: 14,
};

function setCors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    res.setHeader(
      'Access-Control-Allow-Headers',
      req.headers['access-control-request-headers'] ?? 'Content-Type, Content-Encoding',
    );
    res.setHeader('Access-Control-Max-Age', '86400');
  }
}

function send(res: ServerResponse, status: number, format: BodyFormat, body: Uint8Array | string) {
  const headers: Record<string, string | number> = {
    'Content-Type': format === 'json' ? 'application/json' : 'application/x-protobuf',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  };
  if (status === 429 || status === 503) headers['Retry-After'] = RETRY_AFTER_SECONDS;
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer realm="tracefall-otlp"';
  // Unread request bodies are not drained: the connection closes after an early answer.
  if (status === 401 || status === 408 || status === 413 || status === 429) {
    headers.Connection = 'close';
  }
  res.writeHead(status, headers);
  res.end(body);
}

function sendStatus(res: ServerResponse, status: number, format: BodyFormat, message: string) {
  const code = GRPC_CODE[status] ?? 2;
  if (format === 'json') send(res, status, 'json', JSON.stringify({ code, message }));
  else send(res, status, 'protobuf', encodeStatus(code, message));
}

function sendSuccess(
  res: ServerResponse,
  signal: Signal,
  format: BodyFormat,
  partial: PartialSuccess | undefined,
) {
  if (format === 'protobuf') {
    send(
      res,
      200,
      format,
      signal === 'traces' ? encodeTraceResponse(partial) : encodeLogsResponse(partial),
    );
    return;
  }
  const rejectedKey = signal === 'traces' ? 'rejectedSpans' : 'rejectedLogRecords';
  const body = partial
    ? {
        partialSuccess: {
          [rejectedKey]: String(partial.rejected),
          errorMessage: partial.errorMessage,
        },
      }
    : {};
  send(res, 200, format, JSON.stringify(body));
}

function decodeBody(signal: 'traces' | 'logs', format: BodyFormat, bytes: Buffer): unknown {
  try {
    if (format === 'protobuf') {
      return signal === 'traces' ? decodeTraceRequest(bytes) : decodeLogsRequest(bytes);
    }
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) throw new HttpError(400, `invalid JSON: ${error.message}`);
    if (error instanceof ProtobufDecodeError) throw new HttpError(400, error.message);
    throw error;
  }
}

/** Decodes, checks and stores one request; resolves with what to tell the exporter. */
async function ingest(
  store: SpanStore,
  signal: Signal,
  format: BodyFormat,
  body: Buffer,
): Promise<PartialSuccess | undefined> {
  if (signal === 'metrics') return undefined;
  const request = decodeBody(signal, format, body);
  let rejected: number;
  let errorMessage: string;
  try {
    if (signal === 'traces') {
      const normalized = normalizeTraceRequest(request);
      ({ rejected, errorMessage } = normalized);
      await store.writeSpans(normalized.batch);
    } else {
      const normalized = normalizeLogsRequest(request);
      ({ rejected, errorMessage } = normalized);
      await store.writeLogs(normalized.batch);
    }
  } catch (error) {
    if (error instanceof MalformedRequestError) throw new HttpError(400, error.message);
    if (error instanceof StoreSaturatedError) throw new HttpError(429, error.message);
    if (error instanceof StoreClosedError) throw new HttpError(503, error.message);
    if (error instanceof LibsqlError)
      throw new HttpError(503, `the store failed: ${error.message}`);
    throw error;
  }
  return rejected > 0 ? { rejected, errorMessage } : undefined;
}

interface ExportContext {
  readonly store: SpanStore;
  readonly signal: Signal;
  readonly format: BodyFormat;
  readonly maxBodyBytes: number;
  readonly bodyTimeoutMs: number;
  readonly log: (message: string) => void;
  readonly rawPath: string;
}

/** Reads, stores and answers one export request; every failure becomes its spec status. */
async function handleExport(req: IncomingMessage, res: ServerResponse, ctx: ExportContext) {
  const { format, signal } = ctx;
  try {
    const raw = await readBody(req, ctx.maxBodyBytes, ctx.bodyTimeoutMs);
    const body = await decodeContent(raw, req.headers['content-encoding'], ctx.maxBodyBytes);
    sendSuccess(res, signal, format, await ingest(ctx.store, signal, format, body));
  } catch (error) {
    if (!(error instanceof HttpError)) {
      ctx.log(`OTLP ${ctx.rawPath}: ${String(error)}`);
      sendStatus(res, 500, format, 'internal error while storing the batch');
      return;
    }
    if (error.status >= 500) ctx.log(`OTLP ${ctx.rawPath}: ${error.message}`);
    sendStatus(res, error.status, format, error.message);
  }
}

/** The receiver as a route for the app server (single-port setups) and the OTLP port. */
export function createOtlpRoute(store: SpanStore, options: ReceiverOptions = {}): RouteHandler {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxConcurrent = options.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const log = options.log ?? (() => {});
  let active = 0;

  return async (req, res, { rawPath }) => {
    const signal = SIGNALS.get(rawPath);
    if (!signal) return false;
    setCors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'Content-Length': 0 });
      res.end();
      return true;
    }
    const format = bodyFormat(req.headers['content-type']);
    if (options.token !== undefined && !hasBearer(req, options.token)) {
      sendStatus(res, 401, format ?? 'json', 'this receiver needs Authorization: Bearer <token>');
      return true;
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST, OPTIONS');
      sendStatus(res, 405, format ?? 'json', `use POST for ${rawPath}`);
      return true;
    }
    if (!format) {
      const message = 'Content-Type must be application/json or application/x-protobuf';
      sendStatus(res, 415, 'json', message);
      return true;
    }
    if (active >= maxConcurrent) {
      sendStatus(res, 429, format, 'too many export requests in flight; retry later');
      return true;
    }
    active++;
    try {
      await handleExport(req, res, {
        store,
        signal,
        format,
        maxBodyBytes,
        bodyTimeoutMs,
        log,
        rawPath,
      });
    } finally {
      active--;
    }
    return true;
  };
}

/** A server answering only the OTLP paths (the dedicated OTLP_HTTP_PORT listener). */
export function createOtlpServer(route: RouteHandler, log: (message: string) => void): Server {
  const server = http.createServer((req, res) => {
    setSecurityHeaders(res);
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q === -1 ? url : url.slice(0, q);
    Promise.resolve(route(req, res, { rawPath, rawQuery: q === -1 ? '' : url.slice(q + 1) }))
      .then((handled) => {
        if (handled) return;
        sendStatus(res, 404, 'json', `no OTLP route ${rawPath} (use /v1/traces or /v1/logs)`);
      })
      .catch((error: unknown) => {
        log(`OTLP request failed: ${String(error)}`);
        if (!res.headersSent) sendStatus(res, 500, 'json', 'internal error');
      });
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  return server;
}
