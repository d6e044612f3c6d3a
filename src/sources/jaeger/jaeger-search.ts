/**
 * Search and form names for kind `jaeger`: the internal API v1 (`/api/services`,
 * `/api/services/{s}/operations`, `/api/traces?service=…`) where the server has it, else API
 * v3. Jaeger main removed the v1 search routes after v2.20 (backend-apis.md §1.7), so the
 * server is asked, not assumed: a 404/405 that is not a Jaeger answer switches the source to
 * v3, and the choice is remembered per source id.
 */
import {
  defaultFetch,
  errorForStatus,
  httpGet,
  isMissingRoute,
  isSuccess,
  proxyUrl,
  readJson,
  type FetchLike,
  type HttpReply,
} from '../http-fetch';
import { createJaegerV3Api, type JaegerV3Api } from '../jaeger-v3/jaeger-v3-source';
import { hitFromParsedTrace } from '../search-summary';
import {
  formatGoDuration,
  sortAndLimitHits,
  uniqueSortedNames,
  type SearchableSource,
  type TraceSearchQuery,
  type TraceSearchResult,
} from '../search-types';
import { isRecord } from './jaeger-values';
import { parseJaegerTrace } from './parse-jaeger';

/** Which API serves search for a source; absent until the server has answered once. */
export type JaegerApiCache = Map<string, 'v1' | 'v3'>;

const API_BY_SOURCE: JaegerApiCache = new Map();

type SearchPart = Pick<
  SearchableSource,
  'search' | 'searchTraces' | 'fetchServices' | 'fetchOperations'
>;

/** `errors[0].msg` of a Jaeger envelope, if any. */
export function jaegerEnvelopeMessage(body: unknown): string | undefined {
  if (!isRecord(body) || !Array.isArray(body.errors)) return undefined;
  const first: unknown = body.errors[0];
  return isRecord(first) && typeof first.msg === 'string' ? first.msg : undefined;
}

export function buildV1SearchParams(query: TraceSearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.service) params.set('service', query.service);
  if (query.operation) params.set('operation', query.operation);
  // v1 reads µs since the epoch; it ignores `lookback`, so the window is always explicit.
  params.set('start', String(Math.floor(query.startUs)));
  params.set('end', String(Math.ceil(query.endUs)));
  params.set('limit', String(query.limit));
  if (query.minDurationUs !== undefined) {
    params.set('minDuration', formatGoDuration(query.minDurationUs));
  }
  if (query.maxDurationUs !== undefined) {
    params.set('maxDuration', formatGoDuration(query.maxDurationUs));
  }
  if (query.tags.length > 0) {
    const tags: Record<string, string> = {};
    for (const { key, value } of query.tags) tags[key] = value;
    params.set('tags', JSON.stringify(tags));
  }
  return params;
}

export function createJaegerSearch(
  sourceId: string,
  fetchImpl: FetchLike = defaultFetch,
  cache: JaegerApiCache = API_BY_SOURCE,
): SearchPart {
  const v3: JaegerV3Api = createJaegerV3Api(sourceId, { fetchImpl });
  const get = (path: string, signal?: AbortSignal, params?: URLSearchParams) =>
    httpGet(proxyUrl(sourceId, path, params), fetchImpl, signal);

  /** Runs the v1 call unless the source is known to be v3-only; falls back on a missing route. */
  async function withFallback<T>(
    v1: () => Promise<HttpReply>,
    read: (reply: HttpReply) => T,
    fallback: () => Promise<T>,
  ): Promise<T> {
    if (cache.get(sourceId) === 'v3') return fallback();
    const reply = await v1();
    if (isMissingRoute(reply)) {
      cache.set(sourceId, 'v3');
      return fallback();
    }
    if (!isSuccess(reply)) throw errorForStatus(reply, { backendMessage: jaegerEnvelopeMessage });
    cache.set(sourceId, 'v1');
    return read(reply);
  }

  const envelopeData = (reply: HttpReply): unknown => {
    const body = readJson(reply);
    return isRecord(body) ? body.data : undefined;
  };

  return {
    search: {
      requiresService: true,
      traceql: false,
      tagSuggestions: false,
      operationLabel: 'Operation',
    },
    searchTraces: (query, signal) =>
      withFallback<TraceSearchResult>(
        () => get('/api/traces', signal, buildV1SearchParams(query)),
        (reply) => {
          const data = envelopeData(reply);
          const traces = (Array.isArray(data) ? (data as unknown[]) : []).filter(
            (t) => isRecord(t) && Array.isArray(t.spans),
          );
          const hits = traces.map((trace) => hitFromParsedTrace(parseJaegerTrace(trace)));
          return { hits: sortAndLimitHits(hits, query.limit), notes: [] };
        },
        () => v3.searchTraces(query, signal),
      ),
    fetchServices: (signal) =>
      withFallback(
        () => get('/api/services', signal),
        (reply) => uniqueSortedNames(envelopeData(reply)),
        () => v3.fetchServices(signal),
      ),
    fetchOperations: (service, signal) =>
      withFallback(
        () => get(`/api/services/${encodeURIComponent(service)}/operations`, signal),
        (reply) => uniqueSortedNames(envelopeData(reply)),
        () => v3.fetchOperations(service, signal),
      ),
  };
}
