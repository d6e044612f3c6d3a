/**
 * Builds a TraceQL query from the search form's fields, for Tempo. A raw TraceQL query typed by
 * the user is sent as it is; this is only for service / span name / tag / duration searches.
 *
 *   service=api, name=GET /x, tags http.status_code=500, min 100ms
 *   → { resource.service.name = "api" && name = "GET /x" && .http.status_code = "500" && duration >= 100ms }
 */
import type { TraceSearchQuery } from '../search-types';

const SCOPED =
  /^(?:resource|span|event|link|instrumentation|trace)?\.|^(?:name|status|kind|duration|statusMessage|rootName|rootServiceName|traceDuration)$/;
const PLAIN_NAME = /^[A-Za-z0-9_.\-/:]+$/;

/** A TraceQL string literal. */
export function quoteTraceQl(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/**
 * An attribute reference: scoped (`resource.x`, `span.x`, `.x`) and intrinsic names are kept;
 * a bare key becomes `.key` (any scope); a key with odd characters is quoted (`."my key"`).
 */
export function traceQlAttribute(key: string): string {
  const trimmed = key.trim();
  if (SCOPED.test(trimmed) && PLAIN_NAME.test(trimmed)) return trimmed;
  return PLAIN_NAME.test(trimmed) ? `.${trimmed}` : `.${quoteTraceQl(trimmed)}`;
}

/** A TraceQL duration literal for µs (`250ms`, `1500us`). */
export function traceQlDuration(us: number): string {
  const whole = Math.max(0, Math.round(us));
  return whole % 1000 === 0 ? `${whole / 1000}ms` : `${whole}us`;
}

/** Plain values that look like numbers or booleans are compared as such, the rest as strings. */
function traceQlValue(value: string): string {
  if (/^-?\d+(?:\.\d+)?$/.test(value) || value === 'true' || value === 'false') return value;
  return quoteTraceQl(value);
}

export function buildTraceQl(query: TraceSearchQuery): string {
  const conditions: string[] = [];
  if (query.service) conditions.push(`resource.service.name = ${quoteTraceQl(query.service)}`);
  if (query.operation) conditions.push(`name = ${quoteTraceQl(query.operation)}`);
  for (const { key, value } of query.tags) {
    conditions.push(`${traceQlAttribute(key)} = ${traceQlValue(value)}`);
  }
  if (query.minDurationUs !== undefined) {
    conditions.push(`duration >= ${traceQlDuration(query.minDurationUs)}`);
  }
  if (query.maxDurationUs !== undefined) {
    conditions.push(`duration <= ${traceQlDuration(query.maxDurationUs)}`);
  }
  return conditions.length === 0 ? '{}' : `{ ${conditions.join(' && ')} }`;
}
