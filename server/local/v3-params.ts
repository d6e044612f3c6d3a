/**
 * Query parameters of the Jaeger API v3 search endpoints, as Jaeger's query_parser.go reads
 * them: canonical camelCase (`query.serviceName`) or the older snake_case aliases, RFC 3339
 * times with up to ns precision, Go durations (`250ms`, `1.5s`, `1h30m`), JSON attributes.
 * Unlike Jaeger, the time window is optional here: without it the search covers everything.
 */
import type { SearchQuery } from '../store/trace-search';
import { SPAN_KIND_NAMES } from '../otlp/otlp-fields';

export class BadParameterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadParameterError';
  }
}

export const DEFAULT_SEARCH_DEPTH = 100;
export const MAX_SEARCH_DEPTH = 1000;

/** Reads `query.<camel>` or its snake_case alias (first non-empty wins). */
function pick(params: URLSearchParams, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = params.get(name);
    if (value !== null && value.trim() !== '') return value.trim();
  }
  return undefined;
}

const RFC3339 =
  /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

/** RFC 3339 (e.g. `2026-08-20T10:00:00.123456789Z`) → ns since the epoch. */
export function parseRfc3339Nanos(text: string, name: string): bigint {
  const match = RFC3339.exec(text);
  const ms = match ? Date.parse(`${match[1]}T${match[2]}${match[4]}`) : NaN;
  if (!match || Number.isNaN(ms)) {
    throw new BadParameterError(`malformed parameter ${name}: expected RFC 3339, got "${text}"`);
  }
  const fraction = BigInt((match[3] ?? '').padEnd(9, '0'));
  return BigInt(ms) * 1_000_000n + fraction;
}

const GO_DURATION_UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};
const GO_DURATION = /^(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h)/;

/** Go `time.ParseDuration` syntax (non-negative) → ns. */
export function parseGoDurationNanos(text: string, name: string): bigint {
  let rest = text;
  let total = 0;
  if (rest === '0') return 0n;
  while (rest.length > 0) {
    const match = GO_DURATION.exec(rest);
    if (!match) {
      throw new BadParameterError(`malformed parameter ${name}: not a duration: "${text}"`);
    }
    const token = match[0];
    const unit = /[a-zµμ]+$/.exec(token)?.[0] ?? 's';
    total += Number(token.slice(0, -unit.length)) * (GO_DURATION_UNITS[unit] ?? 0);
    rest = rest.slice(token.length);
  }
  return BigInt(Math.round(total));
}

function parseAttributes(text: string): [string, string][] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadParameterError('malformed parameter query.attributes: not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadParameterError('malformed parameter query.attributes: expected a JSON object');
  }
  return Object.entries(value).map(([key, v]) => [
    key,
    typeof v === 'string' ? v : JSON.stringify(v),
  ]);
}

/** `server` / `SPAN_KIND_SERVER` / `2` → 2; `undefined` when not given. */
export function parseSpanKind(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const lower = text.toLowerCase();
  const index = SPAN_KIND_NAMES.findIndex(
    (name) =>
      name.toLowerCase() === lower || name.slice('SPAN_KIND_'.length).toLowerCase() === lower,
  );
  if (index !== -1) return index;
  if (/^[0-5]$/.test(text)) return Number(text);
  throw new BadParameterError(`malformed parameter spanKind: "${text}"`);
}

function parseDepth(text: string | undefined): number {
  if (text === undefined) return DEFAULT_SEARCH_DEPTH;
  if (!/^\d+$/.test(text) || Number(text) === 0) {
    throw new BadParameterError(`malformed parameter query.search_depth: "${text}"`);
  }
  return Math.min(Number(text), MAX_SEARCH_DEPTH);
}

/** The search query of `/api/v3/traces` and `/api/v3/trace-summaries`. */
export function parseSearchParams(params: URLSearchParams): SearchQuery {
  const time = (camel: string, snake: string) => {
    const text = pick(params, camel, snake);
    return text === undefined ? undefined : parseRfc3339Nanos(text, snake);
  };
  const duration = (camel: string, snake: string) => {
    const text = pick(params, camel, snake);
    return text === undefined ? undefined : parseGoDurationNanos(text, snake);
  };
  const startTimeMinNs = time('query.startTimeMin', 'query.start_time_min');
  const startTimeMaxNs = time('query.startTimeMax', 'query.start_time_max');
  if (
    startTimeMinNs !== undefined &&
    startTimeMaxNs !== undefined &&
    startTimeMaxNs < startTimeMinNs
  ) {
    throw new BadParameterError('query.start_time_max must not be before query.start_time_min');
  }
  const durationMinNs = duration('query.durationMin', 'query.duration_min');
  const durationMaxNs = duration('query.durationMax', 'query.duration_max');
  if (durationMinNs !== undefined && durationMaxNs !== undefined && durationMaxNs < durationMinNs) {
    throw new BadParameterError('query.duration_max must not be less than query.duration_min');
  }
  const attributes = pick(params, 'query.attributes');
  const errorsOnly = pick(params, 'query.error', 'query.errors_only');
  return {
    serviceName: pick(params, 'query.serviceName', 'query.service_name'),
    operationName: pick(params, 'query.operationName', 'query.operation_name'),
    spanKind: parseSpanKind(
      pick(params, 'query.spanKind', 'query.span_kind', 'spanKind', 'span_kind'),
    ),
    startTimeMinNs,
    startTimeMaxNs,
    durationMinNs,
    durationMaxNs,
    attributes: attributes === undefined ? undefined : parseAttributes(attributes),
    model: pick(params, 'query.model'),
    errorsOnly: errorsOnly === 'true' || errorsOnly === '1',
    limit: parseDepth(pick(params, 'query.searchDepth', 'query.search_depth', 'query.num_traces')),
  };
}
