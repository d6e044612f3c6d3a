/**
 * Jaeger API v3 (`/api/v3/...`, OTLP/JSON inside `{"result": ...}`) as a trace source. It also
 * serves Tracefall's embedded store (kind `local`), which answers the same endpoints, and the
 * v3 fallback of kind `jaeger` (see jaeger-search.ts).
 *
 * Search uses `/api/v3/trace-summaries` (v2.19+, light rows) and falls back to
 * `/api/v3/traces` (whole traces, summarized here) when the server lacks that route; the
 * answer is remembered per source. A search with no match is a 404 there, not an empty list.
 */
import { readEpochNanos } from '../otlp/otlp-time';
import { NotOtlpError, parseOtlpTrace, parseOtlpTraces } from '../otlp/parse-otlp';
import { parseOtlpLogs } from '../otlp/parse-otlp-logs';
import { isRecord } from '../otlp/otlp-values';
import { TraceLoadError, type SourceKind } from '../source';
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
  tryParseJson,
  type FetchLike,
  type HttpReply,
} from '../http-fetch';
import { hitFromParsedTrace } from '../search-summary';
import {
  sortAndLimitHits,
  uniqueSortedNames,
  type SearchableSource,
  type TraceSearchHit,
  type TraceSearchQuery,
  type TraceSearchResult,
} from '../search-types';
import { buildV3SearchParams } from './v3-params';

/** Source ids whose server answered that it has no `/api/v3/trace-summaries`. */
const NO_SUMMARIES = new Set<string>();

export interface JaegerV3Options {
  readonly kind?: Extract<SourceKind, 'jaeger-v3' | 'local'>;
  readonly fetchImpl?: FetchLike;
  /** Where "this server has no trace-summaries" is remembered; tests pass their own. */
  readonly noSummaries?: Set<string>;
}

/** The v3 calls of one source, shared by the `jaeger-v3`, `local` and `jaeger` adapters. */
export interface JaegerV3Api {
  fetchTrace(traceId: string, signal?: AbortSignal): Promise<ParsedTrace>;
  searchTraces(query: TraceSearchQuery, signal?: AbortSignal): Promise<TraceSearchResult>;
  fetchServices(signal?: AbortSignal): Promise<string[]>;
  fetchOperations(service: string, signal?: AbortSignal): Promise<string[]>;
}

export function createJaegerV3Source(
  sourceId: string,
  options: JaegerV3Options = {},
): SearchableSource {
  const kind = options.kind ?? 'jaeger-v3';
  return {
    id: sourceId,
    kind,
    search: {
      requiresService: kind !== 'local',
      traceql: false,
      tagSuggestions: false,
      operationLabel: 'Operation',
    },
    ...createJaegerV3Api(sourceId, {
      fetchImpl: options.fetchImpl,
      noSummaries: options.noSummaries,
      omitTimeWindow: false,
      // Tracefall's own store also keeps the OTLP log records of a trace (GenAI content).
      withLogs: kind === 'local',
    }),
  };
}

export function createJaegerV3Api(
  sourceId: string,
  options: {
    fetchImpl?: FetchLike | undefined;
    noSummaries?: Set<string> | undefined;
    omitTimeWindow?: boolean;
    withLogs?: boolean;
  },
): JaegerV3Api {
  const fetchImpl = options.fetchImpl ?? defaultFetch;
  const noSummaries = options.noSummaries ?? NO_SUMMARIES;
  const get = (path: string, signal?: AbortSignal, params?: URLSearchParams) =>
    httpGet(proxyUrl(sourceId, path, params), fetchImpl, signal);

  /** Log records are extra: a failure to read them never fails the trace. */
  const fetchLogs = async (path: string, signal?: AbortSignal) => {
    try {
      const reply = await get(path, signal);
      const body = isSuccess(reply) ? tryParseJson(reply.text) : undefined;
      return body ? parseOtlpLogs(body.value) : undefined;
    } catch {
      return undefined;
    }
  };

  return {
    async fetchTrace(traceId, signal) {
      const path = `/api/v3/traces/${encodeURIComponent(traceId)}`;
      const [reply, logs] = await Promise.all([
        get(path, signal),
        options.withLogs ? fetchLogs(`${path}/logs`, signal) : undefined,
      ]);
      if (!isSuccess(reply)) throw errorForStatus(reply, { traceId });
      const parsed = parseOtlpReply(reply, (body) => parseOtlpTrace(body, traceId));
      if (parsed.trace.spans.length === 0) throw notFoundError(traceId, reply.status, undefined);
      return logs && logs.length > 0 ? { ...parsed, logs } : parsed;
    },

    async searchTraces(query, signal) {
      const params = buildV3SearchParams(query, { omitTimeWindow: options.omitTimeWindow });
      if (!noSummaries.has(sourceId)) {
        const reply = await get('/api/v3/trace-summaries', signal, params);
        if (!isMissingRoute(reply)) return { hits: readSummaries(reply, query.limit), notes: [] };
        noSummaries.add(sourceId);
      }
      const reply = await get('/api/v3/traces', signal, params);
      if (isNoMatch(reply)) return { hits: [], notes: [] };
      if (!isSuccess(reply)) throw errorForStatus(reply);
      const traces = parseOtlpReply(reply, parseOtlpTraces);
      return { hits: sortAndLimitHits(traces.map(hitFromParsedTrace), query.limit), notes: [] };
    },

    async fetchServices(signal) {
      const body = await getJson(get('/api/v3/services', signal));
      return uniqueSortedNames(isRecord(body) ? body.services : undefined);
    },

    async fetchOperations(service, signal) {
      const params = new URLSearchParams({ service });
      const body = await getJson(get('/api/v3/operations', signal, params));
      const operations = isRecord(body) && Array.isArray(body.operations) ? body.operations : [];
      const names = (operations as unknown[]).map((op) =>
        isRecord(op) && typeof op.name === 'string' ? op.name : undefined,
      );
      return uniqueSortedNames(names);
    },
  };
}

async function getJson(pending: Promise<HttpReply>): Promise<unknown> {
  const reply = await pending;
  if (!isSuccess(reply)) throw errorForStatus(reply);
  return readJson(reply);
}

/** v3 answers a search without matches with 404 `{"error": {..."No traces found"}}`. */
function isNoMatch(reply: HttpReply): boolean {
  return reply.status === 404 && !isMissingRoute(reply) && reply.text.trim().startsWith('{');
}

function parseOtlpReply<T>(reply: HttpReply, parse: (body: unknown) => T): T {
  const body = readJson(reply);
  try {
    return parse(body);
  } catch (error) {
    if (!(error instanceof NotOtlpError)) throw error;
    throw new TraceLoadError(
      'bad-response',
      'The backend answered with something that is not an OTLP trace.',
      { status: reply.status, detail: error.message },
    );
  }
}

function readSummaries(reply: HttpReply, limit: number): TraceSearchHit[] {
  if (isNoMatch(reply)) return [];
  if (!isSuccess(reply)) throw errorForStatus(reply);
  const body = readJson(reply);
  const rows = isRecord(body) && Array.isArray(body.summaries) ? body.summaries : [];
  const hits = (rows as unknown[]).filter(isRecord).map(readSummary);
  return sortAndLimitHits(hits, limit);
}

function readSummary(row: Record<string, unknown>): TraceSearchHit {
  const start = epochMicros(row.minStartTimeUnixNano);
  const end = epochMicros(row.maxEndTimeUnixNano);
  const services = Array.isArray(row.services) ? (row.services as unknown[]) : [];
  return {
    traceId: typeof row.traceId === 'string' ? row.traceId.toLowerCase() : '',
    startEpochUs: start,
    durationUs: start !== null && end !== null ? Math.max(0, end - start) : null,
    rootService: typeof row.rootServiceName === 'string' ? row.rootServiceName : '',
    rootName: typeof row.rootOperationName === 'string' ? row.rootOperationName : '',
    spanCount: count(row.spanCount),
    errorCount: count(row.errorSpanCount) ?? (count(row.spanCount) === null ? null : 0),
    services: uniqueSortedNames(services.map((s) => (isRecord(s) ? s.name : undefined))),
  };
}

/** µs since the epoch of an ns decimal string (never read with `Number()`: it exceeds 2^53). */
export function epochMicros(raw: unknown): number | null {
  const time = readEpochNanos(raw);
  return typeof time === 'string' ? null : time.sec * 1e6 + Math.floor(time.nsec / 1000);
}

/** A count sent as a number or (int64 in proto JSON) a decimal string. */
function count(raw: unknown): number | null {
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
