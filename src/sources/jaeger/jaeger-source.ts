/**
 * Jaeger (query service) as a trace source. A trace comes from the internal API v1
 * `/api/traces/{id}` (every Jaeger version has it, and it is the richest form: references,
 * processes, adjuster warnings); search and the form's names come from the v1 endpoints where
 * the server has them, else from API v3 (see jaeger-search.ts).
 */
import { TraceLoadError } from '../source';
import type { ParsedTrace } from '../../model/trace';
import {
  defaultFetch,
  errorForStatus,
  httpGet,
  isSuccess,
  notFoundError,
  proxyUrl,
  readJson,
  type FetchLike,
} from '../http-fetch';
import type { SearchableSource } from '../search-types';
import { createJaegerSearch, jaegerEnvelopeMessage, type JaegerApiCache } from './jaeger-search';
import { NotATraceError, parseJaegerTrace } from './parse-jaeger';
import { isRecord } from './jaeger-values';

export type { FetchLike };

/** Path of one trace through the proxy. Both ids are escaped (base64 ids may hold `/` and `+`). */
export function jaegerTraceUrl(sourceId: string, traceId: string): string {
  return proxyUrl(sourceId, `/api/traces/${encodeURIComponent(traceId)}`);
}

export function createJaegerSource(
  sourceId: string,
  fetchImpl: FetchLike = defaultFetch,
  apiCache?: JaegerApiCache,
): SearchableSource {
  return {
    id: sourceId,
    kind: 'jaeger',
    fetchTrace: (traceId, signal) => fetchJaegerTrace(sourceId, traceId, fetchImpl, signal),
    ...createJaegerSearch(sourceId, fetchImpl, apiCache),
  };
}

async function fetchJaegerTrace(
  sourceId: string,
  traceId: string,
  fetchImpl: FetchLike,
  signal: AbortSignal | undefined,
): Promise<ParsedTrace> {
  const reply = await httpGet(jaegerTraceUrl(sourceId, traceId), fetchImpl, signal);
  if (!isSuccess(reply)) {
    throw errorForStatus(reply, { traceId, backendMessage: jaegerEnvelopeMessage });
  }
  const body = readJson(reply);
  if (isNotFoundEnvelope(body)) {
    throw notFoundError(traceId, reply.status, jaegerEnvelopeMessage(body));
  }
  try {
    return parseJaegerTrace(body, traceId);
  } catch (error) {
    if (!(error instanceof NotATraceError)) throw error;
    throw new TraceLoadError(
      'bad-response',
      'The backend answered with something that is not a Jaeger trace.',
      { status: reply.status, detail: error.message },
    );
  }
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
    (error) =>
      isRecord(error) &&
      (error.code === 404 || (typeof error.msg === 'string' && /not found/i.test(error.msg))),
  );
}
