/**
 * Zipkin (v2 API, backend-apis.md §5) as a trace source: `/api/v2/trace/{id}` (404 plain text
 * when missing), search `/api/v2/traces` (whole traces; `endTs`/`lookback` in ms, durations in
 * µs), `/api/v2/services` and `/api/v2/spans` for the form.
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
  type HttpReply,
} from '../http-fetch';
import { hitFromParsedTrace } from '../search-summary';
import {
  sortAndLimitHits,
  uniqueSortedNames,
  type SearchableSource,
  type TraceSearchQuery,
} from '../search-types';
import { NotZipkinError, parseZipkinTrace, parseZipkinTraces } from './parse-zipkin';

export function buildZipkinSearchParams(query: TraceSearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.service) params.set('serviceName', query.service);
  if (query.operation) params.set('spanName', query.operation);
  if (query.tags.length > 0) {
    // `annotationQuery`: `key=value and key2=value2` (a bare key matches an annotation or tag key).
    params.set(
      'annotationQuery',
      query.tags.map(({ key, value }) => (value === '' ? key : `${key}=${value}`)).join(' and '),
    );
  }
  if (query.minDurationUs !== undefined) {
    params.set('minDuration', String(Math.round(query.minDurationUs)));
  }
  if (query.maxDurationUs !== undefined) {
    params.set('maxDuration', String(Math.round(query.maxDurationUs)));
  }
  const endMs = Math.ceil(query.endUs / 1000);
  params.set('endTs', String(endMs));
  params.set('lookback', String(Math.max(1, endMs - Math.floor(query.startUs / 1000))));
  params.set('limit', String(query.limit));
  return params;
}

function parseOrBadResponse<T>(reply: HttpReply, parse: (body: unknown) => T): T {
  const body = readJson(reply);
  try {
    return parse(body);
  } catch (error) {
    if (!(error instanceof NotZipkinError)) throw error;
    throw new TraceLoadError(
      'bad-response',
      'The backend answered with something that is not a Zipkin trace.',
      { status: reply.status, detail: error.message },
    );
  }
}

export function createZipkinSource(
  sourceId: string,
  fetchImpl: FetchLike = defaultFetch,
): SearchableSource {
  const get = (path: string, signal?: AbortSignal, params?: URLSearchParams) =>
    httpGet(proxyUrl(sourceId, path, params), fetchImpl, signal);
  const json = async (pending: Promise<HttpReply>): Promise<unknown> => {
    const reply = await pending;
    if (!isSuccess(reply)) throw errorForStatus(reply);
    return readJson(reply);
  };

  async function fetchTrace(traceId: string, signal?: AbortSignal): Promise<ParsedTrace> {
    const reply = await get(`/api/v2/trace/${encodeURIComponent(traceId)}`, signal);
    if (!isSuccess(reply)) throw errorForStatus(reply, { traceId });
    const body = readJson(reply);
    if (Array.isArray(body) && body.length === 0) {
      throw notFoundError(traceId, reply.status, 'the backend returned no spans');
    }
    return parseOrBadResponse(reply, (payload) => parseZipkinTrace(payload, traceId));
  }

  return {
    id: sourceId,
    kind: 'zipkin',
    fetchTrace,
    search: {
      requiresService: false,
      traceql: false,
      tagSuggestions: false,
      operationLabel: 'Span name',
    },
    async searchTraces(query, signal) {
      const reply = await get('/api/v2/traces', signal, buildZipkinSearchParams(query));
      if (!isSuccess(reply)) throw errorForStatus(reply);
      const body = readJson(reply);
      if (Array.isArray(body) && body.length === 0) return { hits: [], notes: [] };
      const traces = parseOrBadResponse(reply, parseZipkinTraces);
      return { hits: sortAndLimitHits(traces.map(hitFromParsedTrace), query.limit), notes: [] };
    },
    fetchServices: async (signal) => uniqueSortedNames(await json(get('/api/v2/services', signal))),
    fetchOperations: async (service, signal) =>
      uniqueSortedNames(
        await json(get('/api/v2/spans', signal, new URLSearchParams({ serviceName: service }))),
      ),
  };
}
