/**
 * Grafana Tempo as a trace source (backend-apis.md §3). A trace comes from
 * `/api/v2/traces/{id}` (Tempo 2.6+: `{trace, status, message}`, a PARTIAL status becomes a
 * problem) or, on older servers that lack that route, `/api/traces/{id}` (`{batches}`, before
 * 2.0 with `instrumentationLibrarySpans`). Both are gogo-jsonpb: base64 ids and enum names,
 * which parse-otlp reads. A missing trace is a 404 with an empty body.
 */
import { decodeOtlpId } from '../otlp/otlp-ids';
import { NotOtlpError, parseOtlpTrace } from '../otlp/parse-otlp';
import { TraceLoadError } from '../source';
import type { ParsedTrace } from '../../model/trace';
import {
  defaultFetch,
  errorForStatus,
  httpGet,
  isMissingRoute,
  isSuccess,
  notFoundError,
  proxyUrl,
  readJson,
  type FetchLike,
  type HttpReply,
} from '../http-fetch';
import type { SearchableSource } from '../search-types';
import { createTempoSearch } from './tempo-search';

/** Source ids whose Tempo has no `/api/v2/traces/{id}` (before 2.6). */
const V1_ONLY = new Set<string>();

export interface TempoOptions {
  readonly fetchImpl?: FetchLike;
  /** Where "this Tempo lacks the v2 routes" is remembered; tests pass their own. */
  readonly v1Only?: Set<string>;
}

/** Tempo wants hex in the path; an id pasted as base64 (as Tempo's own JSON prints it) is converted. */
export function tempoPathId(traceId: string): string {
  if (/^[0-9a-fA-F]+$/.test(traceId)) return traceId.toLowerCase();
  return decodeOtlpId(traceId) ?? traceId;
}

export function createTempoSource(sourceId: string, options: TempoOptions = {}): SearchableSource {
  const fetchImpl = options.fetchImpl ?? defaultFetch;
  const v1Only = options.v1Only ?? V1_ONLY;
  const get = (path: string, signal?: AbortSignal) =>
    httpGet(proxyUrl(sourceId, path), fetchImpl, signal);

  async function fetchTrace(traceId: string, signal?: AbortSignal): Promise<ParsedTrace> {
    const id = encodeURIComponent(tempoPathId(traceId));
    let reply: HttpReply | undefined;
    if (!v1Only.has(sourceId)) {
      reply = await get(`/api/v2/traces/${id}`, signal);
      if (isMissingRoute(reply)) {
        v1Only.add(sourceId);
        reply = undefined;
      }
    }
    reply ??= await get(`/api/traces/${id}`, signal);
    if (!isSuccess(reply)) throw errorForStatus(reply, { traceId });
    if (reply.text.trim() === '') throw notFoundError(traceId, reply.status, 'empty response');
    if (/protobuf/i.test(reply.contentType)) {
      throw new TraceLoadError('bad-response', 'Tempo answered in protobuf instead of JSON.', {
        status: reply.status,
        detail: reply.contentType,
      });
    }
    const parsed = parseTempoBody(reply, traceId);
    if (
      parsed.trace.spans.length === 0 &&
      !parsed.problems.some((p) => p.kind === 'partial-trace')
    ) {
      throw notFoundError(traceId, reply.status, 'the trace holds no spans');
    }
    return parsed;
  }

  return {
    id: sourceId,
    kind: 'tempo',
    fetchTrace,
    ...createTempoSearch(sourceId, fetchImpl),
  };
}

function parseTempoBody(reply: HttpReply, traceId: string): ParsedTrace {
  const body = readJson(reply);
  try {
    return parseOtlpTrace(body, traceId);
  } catch (error) {
    if (!(error instanceof NotOtlpError)) throw error;
    throw new TraceLoadError(
      'bad-response',
      'The backend answered with something that is not a Tempo trace.',
      { status: reply.status, detail: error.message },
    );
  }
}
