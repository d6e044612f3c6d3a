/**
 * Jaeger API v3 search parameters. Sent in the deprecated snake_case spelling, which every v3
 * server accepts (the camelCase names only exist since v2.19; backend-apis.md §2.2). Times are
 * RFC 3339 with nanoseconds, durations Go durations, attributes a JSON object.
 */
import { formatGoDuration, type TraceSearchQuery } from '../search-types';

/** `2026-08-20T10:00:00.123456000Z` for a time in µs since the epoch (UTC, 9 fraction digits). */
export function formatRfc3339Nanos(epochUs: number): string {
  const us = Math.floor(epochUs);
  const ms = Math.floor(us / 1000);
  const iso = new Date(ms).toISOString(); // yyyy-mm-ddThh:mm:ss.sssZ
  const micros = String(us - ms * 1000).padStart(3, '0');
  return `${iso.slice(0, -1)}${micros}000Z`;
}

export interface V3ParamOptions {
  /** Tracefall's embedded store takes searches without a time window. */
  readonly omitTimeWindow?: boolean;
}

export function buildV3SearchParams(
  query: TraceSearchQuery,
  options: V3ParamOptions = {},
): URLSearchParams {
  const params = new URLSearchParams();
  if (query.service) params.set('query.service_name', query.service);
  if (query.operation) params.set('query.operation_name', query.operation);
  if (!options.omitTimeWindow) {
    params.set('query.start_time_min', formatRfc3339Nanos(query.startUs));
    params.set('query.start_time_max', formatRfc3339Nanos(query.endUs));
  }
  if (query.minDurationUs !== undefined) {
    params.set('query.duration_min', formatGoDuration(query.minDurationUs));
  }
  if (query.maxDurationUs !== undefined) {
    params.set('query.duration_max', formatGoDuration(query.maxDurationUs));
  }
  if (query.tags.length > 0) {
    const attributes: Record<string, string> = {};
    for (const { key, value } of query.tags) attributes[key] = value;
    params.set('query.attributes', JSON.stringify(attributes));
  }
  params.set('query.search_depth', String(query.limit));
  return params;
}
