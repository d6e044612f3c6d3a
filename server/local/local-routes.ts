/**
 * The local store as a source: Jaeger API v3 endpoints under `/api/sources/local/`, answered
 * from SQLite, so the app reads `local` with the same OTLP adapter as a Jaeger v3 backend.
 *
 *   GET /api/v3/traces/{traceId}        {"result":{"resourceSpans":[…]}}   404 when unknown
 *   GET /api/v3/traces/{traceId}/logs   {"resourceLogs":[…]}  (Tracefall extension)
 *   GET /api/v3/traces/{traceId}/summary {"summary":{…,"spanCount"}}  (Tracefall extension)
 *   GET /api/v3/traces?query.…          {"result":{"resourceSpans":[…]}}   404 when none
 *   GET /api/v3/trace-summaries?query.… {"summaries":[…]}  (time window optional here)
 *   GET /api/v3/services                {"services":[…]}
 *   GET /api/v3/operations?service=…    {"operations":[{"name","spanKind"}]}
 */
import type { ServerResponse } from 'node:http';
import type { SourceInfo } from '../../src/sources/source';
import { traceIdKey } from '../../src/model/trace';
import { decodeOtlpId } from '../../src/sources/otlp/otlp-ids';
import type { RouteHandler } from '../app';
import type { SpanStore } from '../store/span-store';
import { hasTrace, readResourceLogs, readResourceSpans } from '../store/trace-reads';
import { listOperations, listServices, readSummaries, searchTraceIds } from '../store/trace-search';
import { BadParameterError, parseSearchParams, parseSpanKind } from './v3-params';

export const LOCAL_SOURCE: SourceInfo = { id: 'local', name: 'Local', kind: 'local' };
const PREFIX = '/api/sources/local';
const HEX_32 = /^[0-9a-f]{32}$/;
const SPAN_KIND_TEXT = ['internal', 'internal', 'server', 'client', 'producer', 'consumer'];

function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** Jaeger v3's error body (`api_v3.GRPCGatewayError`). */
function sendV3Error(res: ServerResponse, httpCode: number, message: string): void {
  sendJsonText(res, httpCode, JSON.stringify({ error: { httpCode, message } }));
}

const notFound = (res: ServerResponse) => sendV3Error(res, 404, 'No traces found');

/** Hex (any case, leading zeros optional) or base64 → the stored 32-digit key, else undefined. */
export function normalizeTraceId(raw: string): string | undefined {
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  const id = decodeOtlpId(text);
  if (id === null || id === '') return undefined;
  const key = traceIdKey(id);
  return HEX_32.test(key) ? key : undefined;
}

function resourceSpansBody(entries: readonly string[]): string {
  return `{"result":{"resourceSpans":[${entries.join(',')}]}}`;
}

async function answer(store: SpanStore, res: ServerResponse, path: string, query: string) {
  const params = new URLSearchParams(query);
  const { client } = store;
  const traceMatch = /^\/api\/v3\/traces\/([^/]+)(\/logs|\/summary)?$/.exec(path);
  if (traceMatch) {
    const traceId = normalizeTraceId(traceMatch[1] ?? '');
    if (!traceId) return sendV3Error(res, 400, `malformed parameter trace_id: "${traceMatch[1]}"`);
    if (traceMatch[2] === '/summary') {
      // What the trace page polls while a trace may still be arriving: one row, no spans.
      const [summary] = await readSummaries(client, [traceId]);
      return summary ? sendJsonText(res, 200, JSON.stringify({ summary })) : notFound(res);
    }
    if (traceMatch[2]) {
      const logs = await readResourceLogs(client, traceId);
      if (logs.length === 0 && !(await hasTrace(client, traceId))) return notFound(res);
      return sendJsonText(res, 200, `{"resourceLogs":[${logs.join(',')}]}`);
    }
    const entries = await readResourceSpans(client, [traceId]);
    return entries.length === 0
      ? notFound(res)
      : sendJsonText(res, 200, resourceSpansBody(entries));
  }
  switch (path) {
    case '/api/v3/traces': {
      const ids = await searchTraceIds(client, parseSearchParams(params));
      const entries = await readResourceSpans(client, ids);
      return entries.length === 0
        ? notFound(res)
        : sendJsonText(res, 200, resourceSpansBody(entries));
    }
    case '/api/v3/trace-summaries': {
      const ids = await searchTraceIds(client, parseSearchParams(params));
      const summaries = await readSummaries(client, ids);
      return sendJsonText(res, 200, JSON.stringify({ summaries }));
    }
    case '/api/v3/services':
      return sendJsonText(res, 200, JSON.stringify({ services: await listServices(client) }));
    case '/api/v3/operations': {
      const service = params.get('service') ?? params.get('query.service_name');
      if (!service) return sendV3Error(res, 400, 'parameter "service" is required');
      const kind = parseSpanKind(params.get('spanKind') ?? params.get('span_kind') ?? undefined);
      const operations = (await listOperations(client, service, kind)).map((op) => ({
        name: op.name,
        spanKind: SPAN_KIND_TEXT[op.spanKind] ?? 'internal',
      }));
      return sendJsonText(res, 200, JSON.stringify({ operations }));
    }
    default:
      return sendV3Error(res, 404, `the local source has no endpoint ${path}`);
  }
}

/** Routes `/api/sources/local/…` to the store. Register before the proxy routes. */
export function createLocalRoutes(store: SpanStore, log: (message: string) => void): RouteHandler {
  return async (req, res, { rawPath, rawQuery }) => {
    if (rawPath !== PREFIX && !rawPath.startsWith(`${PREFIX}/`)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendV3Error(res, 405, 'the local source is read-only over this API');
      return true;
    }
    try {
      await answer(store, res, rawPath.slice(PREFIX.length), rawQuery);
    } catch (error) {
      if (error instanceof BadParameterError) sendV3Error(res, 400, error.message);
      else {
        log(`local source ${rawPath}: ${String(error)}`);
        sendV3Error(res, 500, 'the local store failed to answer');
      }
    }
    return true;
  };
}
