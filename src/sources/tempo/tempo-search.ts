/**
 * Tempo search (`/api/search`, TraceQL) and tag discovery (`/api/v2/search/tags`,
 * `/api/v2/search/tag/{tag}/values`, with the v1 routes as fallback). Services and span names
 * for the form are the values of `resource.service.name` and `name`.
 *
 * Pitfalls (backend-apis.md §3.4): `start`/`end` are Unix SECONDS; `traceID` in results has its
 * leading zeros stripped (left-padded here); root names may be absent while the root span has
 * not arrived; `traces` is omitted when empty; order is arbitrary.
 */
import { readEpochNanos } from '../otlp/otlp-time';
import { isRecord } from '../otlp/otlp-values';
import {
  errorForStatus,
  httpGet,
  isMissingRoute,
  isSuccess,
  proxyUrl,
  readJson,
  type FetchLike,
  type HttpReply,
} from '../http-fetch';
import {
  sortAndLimitHits,
  type SearchableSource,
  type TraceSearchHit,
  type TraceSearchQuery,
} from '../search-types';
import { buildTraceQl, quoteTraceQl } from './traceql';

type SearchPart = Omit<SearchableSource, 'id' | 'kind' | 'fetchTrace'>;

/** Tempo's default spans per spanset. */
const SPANS_PER_SPANSET = 3;

/** Left-pads a hex trace id whose leading zeros Tempo stripped. */
export function padTempoTraceId(id: string): string {
  const lower = id.toLowerCase();
  return /^[0-9a-f]{1,32}$/.test(lower) ? lower.padStart(32, '0') : lower;
}

export function buildTempoSearchParams(query: TraceSearchQuery): URLSearchParams {
  const startSec = Math.floor(query.startUs / 1e6);
  const endSec = Math.max(startSec + 1, Math.ceil(query.endUs / 1e6));
  const q = query.traceql?.trim() ? query.traceql.trim() : buildTraceQl(query);
  return new URLSearchParams({
    q,
    start: String(startSec),
    end: String(endSec),
    limit: String(query.limit),
    spss: String(SPANS_PER_SPANSET),
  });
}

function readHit(row: Record<string, unknown>): TraceSearchHit {
  const start = readEpochNanos(row.startTimeUnixNano);
  const stats = isRecord(row.serviceStats) ? row.serviceStats : undefined;
  let spanCount: number | null = null;
  let errorCount: number | null = null;
  for (const stat of Object.values(stats ?? {})) {
    if (!isRecord(stat)) continue;
    spanCount = (spanCount ?? 0) + (typeof stat.spanCount === 'number' ? stat.spanCount : 0);
    errorCount = (errorCount ?? 0) + (typeof stat.errorCount === 'number' ? stat.errorCount : 0);
  }
  // `durationMs` is omitted when 0 (jsonpb drops zero values).
  const durationMs = typeof row.durationMs === 'number' ? row.durationMs : 0;
  return {
    traceId: typeof row.traceID === 'string' ? padTempoTraceId(row.traceID) : '',
    startEpochUs:
      typeof start === 'string' ? null : start.sec * 1e6 + Math.floor(start.nsec / 1000),
    durationUs: durationMs * 1000,
    rootService: typeof row.rootServiceName === 'string' ? row.rootServiceName : '',
    rootName: typeof row.rootTraceName === 'string' ? row.rootTraceName : '',
    spanCount,
    errorCount,
    services: Object.keys(stats ?? {}).sort(),
  };
}

/** `tagValues` as v2 (`[{type, value}]`) or v1 (`["a"]`) writes them. */
function readTagValues(body: unknown): string[] {
  const raw = isRecord(body) && Array.isArray(body.tagValues) ? (body.tagValues as unknown[]) : [];
  const values = raw.map((v) => (isRecord(v) ? v.value : v));
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))].sort();
}

/** `{scopes: [{name, tags}]}` (v2) as scoped TraceQL names; `{tagNames}` (v1) as `.name`. */
function readTagNames(body: unknown): string[] {
  if (!isRecord(body)) return [];
  const names: string[] = [];
  if (Array.isArray(body.scopes)) {
    for (const scope of body.scopes as unknown[]) {
      if (!isRecord(scope) || !Array.isArray(scope.tags)) continue;
      const prefix = scope.name === 'intrinsic' ? '' : `${String(scope.name)}.`;
      for (const tag of scope.tags as unknown[]) {
        if (typeof tag === 'string' && tag) names.push(`${prefix}${tag}`);
      }
    }
  } else if (Array.isArray(body.tagNames)) {
    for (const tag of body.tagNames as unknown[])
      if (typeof tag === 'string') names.push(`.${tag}`);
  }
  return [...new Set(names)].sort();
}

export function createTempoSearch(sourceId: string, fetchImpl: FetchLike): SearchPart {
  const get = (path: string, signal?: AbortSignal, params?: URLSearchParams) =>
    httpGet(proxyUrl(sourceId, path, params), fetchImpl, signal);

  const json = (reply: HttpReply): unknown => {
    if (!isSuccess(reply)) throw errorForStatus(reply);
    return readJson(reply);
  };

  /** v2 first; the v1 route when this Tempo lacks it (v1 tag names carry no scope). */
  async function tagValues(tag: string, signal?: AbortSignal, q?: string): Promise<string[]> {
    const params = q === undefined ? undefined : new URLSearchParams({ q });
    const reply = await get(`/api/v2/search/tag/${encodeURIComponent(tag)}/values`, signal, params);
    if (!isMissingRoute(reply)) return readTagValues(json(reply));
    const bare = tag.replace(/^(?:resource|span)?\./, '');
    return readTagValues(
      json(await get(`/api/search/tag/${encodeURIComponent(bare)}/values`, signal)),
    );
  }

  return {
    search: {
      requiresService: false,
      traceql: true,
      tagSuggestions: true,
      operationLabel: 'Span name',
    },
    async searchTraces(query, signal) {
      const body = json(await get('/api/search', signal, buildTempoSearchParams(query)));
      const rows = isRecord(body) && Array.isArray(body.traces) ? (body.traces as unknown[]) : [];
      const notes =
        query.traceql?.trim() &&
        (query.minDurationUs !== undefined || query.maxDurationUs !== undefined)
          ? [
              'Tempo ignores the duration fields with a TraceQL query: write `duration > 100ms` in it.',
            ]
          : [];
      return { hits: sortAndLimitHits(rows.filter(isRecord).map(readHit), query.limit), notes };
    },
    fetchServices: (signal) => tagValues('resource.service.name', signal),
    fetchOperations: (service, signal) =>
      tagValues('name', signal, `{ resource.service.name = ${quoteTraceQl(service)} }`),
    async fetchTagNames(signal) {
      const reply = await get('/api/v2/search/tags', signal);
      if (!isMissingRoute(reply)) return readTagNames(json(reply));
      return readTagNames(json(await get('/api/search/tags', signal)));
    },
    fetchTagValues: (tag, signal) => tagValues(tag, signal),
  };
}
