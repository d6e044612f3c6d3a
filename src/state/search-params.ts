/**
 * The search form as URL parameters (shareable: `/search/:sourceId?service=…&lookback=1h`), and
 * its conversion into an adapter query. Pure: the caller passes "now".
 *
 *   service, operation, q (TraceQL), tag=key=value (repeatable), lookback=15m|1h|6h|24h|2d|custom,
 *   start/end (custom window, ms since the epoch), minDuration/maxDuration (`250ms`, `1.5s`), limit
 */
import type { TagFilter, TraceSearchQuery } from '../sources/search-types';

export const LOOKBACK_PRESETS = ['15m', '1h', '6h', '24h', '2d'] as const;
export type Lookback = (typeof LOOKBACK_PRESETS)[number] | 'custom';
export const DEFAULT_LOOKBACK: Lookback = '1h';
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 1000;

export interface SearchParams {
  readonly service: string;
  readonly operation: string;
  /** `key=value` pairs as typed (values unquoted). */
  readonly tags: readonly string[];
  readonly traceql: string;
  readonly lookback: Lookback;
  /** Custom window, ms since the epoch (0 when unset). */
  readonly startMs: number;
  readonly endMs: number;
  readonly minDuration: string;
  readonly maxDuration: string;
  readonly limit: number;
}

export const EMPTY_SEARCH: SearchParams = {
  service: '',
  operation: '',
  tags: [],
  traceql: '',
  lookback: DEFAULT_LOOKBACK,
  startMs: 0,
  endMs: 0,
  minDuration: '',
  maxDuration: '',
  limit: DEFAULT_LIMIT,
};

const LOOKBACK_MS: Readonly<Record<Exclude<Lookback, 'custom'>, number>> = {
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '6h': 6 * 3_600_000,
  '24h': 24 * 3_600_000,
  '2d': 48 * 3_600_000,
};

function isLookback(value: string | null): value is Lookback {
  return value === 'custom' || (LOOKBACK_PRESETS as readonly (string | null)[]).includes(value);
}

function readMs(value: string | null): number {
  const n = value === null ? NaN : Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/** Reads the URL. `isSubmitted`: the URL holds a search (it runs on open, so links are shareable). */
export function parseSearchUrl(url: URLSearchParams): {
  params: SearchParams;
  isSubmitted: boolean;
} {
  const lookback = url.get('lookback');
  const limit = Number(url.get('limit') ?? DEFAULT_LIMIT);
  const params: SearchParams = {
    service: url.get('service') ?? '',
    operation: url.get('operation') ?? '',
    tags: url.getAll('tag').filter((t) => t.trim() !== ''),
    traceql: url.get('q') ?? '',
    lookback: isLookback(lookback) ? lookback : DEFAULT_LOOKBACK,
    startMs: readMs(url.get('start')),
    endMs: readMs(url.get('end')),
    minDuration: url.get('minDuration') ?? '',
    maxDuration: url.get('maxDuration') ?? '',
    limit: Number.isInteger(limit) && limit > 0 ? Math.min(limit, MAX_LIMIT) : DEFAULT_LIMIT,
  };
  return { params, isSubmitted: url.size > 0 };
}

/** Writes the URL; empty fields are left out, `lookback` always written (it marks a search). */
export function toSearchUrl(params: SearchParams): URLSearchParams {
  const url = new URLSearchParams();
  if (params.service) url.set('service', params.service);
  if (params.operation) url.set('operation', params.operation);
  for (const tag of params.tags) url.append('tag', tag);
  if (params.traceql.trim()) url.set('q', params.traceql.trim());
  url.set('lookback', params.lookback);
  if (params.lookback === 'custom') {
    url.set('start', String(params.startMs));
    url.set('end', String(params.endMs));
  }
  if (params.minDuration.trim()) url.set('minDuration', params.minDuration.trim());
  if (params.maxDuration.trim()) url.set('maxDuration', params.maxDuration.trim());
  if (params.limit !== DEFAULT_LIMIT) url.set('limit', String(params.limit));
  return url;
}

const DURATION_UNITS_US: Readonly<Record<string, number>> = {
  us: 1,
  µs: 1,
  ms: 1000,
  s: 1_000_000,
  m: 60_000_000,
  h: 3_600_000_000,
};

/** `250ms`, `1.5s`, `100us`, `2m`, `1h`, or a bare number of ms → µs; null if unreadable. */
export function parseDurationUs(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(us|µs|ms|s|m|h)?\s*$/.exec(text);
  if (!match) return null;
  return Math.round(Number(match[1]) * (DURATION_UNITS_US[match[2] ?? 'ms'] ?? 1000));
}

/**
 * Splits typed tags (`http.status_code=500 error=true url="a b"`) into `key=value` pairs: space
 * separated, values may be double-quoted. Returns the bad token when one has no `=`.
 */
export function splitTagText(text: string): { tags: string[] } | { error: string } {
  const tags: string[] = [];
  const token = /\s*([^\s=]+)=(?:"((?:[^"\\]|\\.)*)"|(\S*))/y;
  let rest = text.trim();
  while (rest !== '') {
    token.lastIndex = 0;
    const match = token.exec(rest);
    if (!match) return { error: rest.split(/\s+/)[0] ?? rest };
    const value = match[2] === undefined ? (match[3] ?? '') : match[2].replace(/\\(.)/g, '$1');
    tags.push(`${match[1]}=${value}`);
    rest = rest.slice(token.lastIndex).trim();
  }
  return { tags };
}

/** The tags as they are typed back into the form (values with spaces or quotes quoted). */
export function joinTagText(tags: readonly string[]): string {
  return tags
    .map((tag) => {
      const { key, value } = toTagFilter(tag);
      return /[\s"]/.test(value) ? `${key}="${value.replace(/(["\\])/g, '\\$1')}"` : tag;
    })
    .join(' ');
}

function toTagFilter(tag: string): TagFilter {
  const eq = tag.indexOf('=');
  return eq < 0 ? { key: tag, value: '' } : { key: tag.slice(0, eq), value: tag.slice(eq + 1) };
}

/**
 * The adapter query for these parameters at `nowMs`, or the first problem with them. Presets
 * are relative to now, so a refresh looks at the latest window.
 */
export function toTraceSearchQuery(
  params: SearchParams,
  nowMs: number,
): { query: TraceSearchQuery } | { error: string } {
  const window =
    params.lookback === 'custom'
      ? { startMs: params.startMs, endMs: params.endMs }
      : { startMs: nowMs - LOOKBACK_MS[params.lookback], endMs: nowMs };
  if (!window.startMs || !window.endMs) return { error: 'Choose a start and an end time.' };
  if (window.endMs <= window.startMs) return { error: 'The end time must be after the start.' };
  const durations: { minDurationUs?: number; maxDurationUs?: number } = {};
  for (const [field, text, label] of [
    ['minDurationUs', params.minDuration, 'Min duration'],
    ['maxDurationUs', params.maxDuration, 'Max duration'],
  ] as const) {
    if (text.trim() === '') continue;
    const us = parseDurationUs(text);
    if (us === null)
      return { error: `${label} "${text}" is not a duration such as 250ms or 1.5s.` };
    durations[field] = us;
  }
  const { minDurationUs, maxDurationUs } = durations;
  if (minDurationUs !== undefined && maxDurationUs !== undefined && maxDurationUs < minDurationUs) {
    return { error: 'Max duration is below min duration.' };
  }
  return {
    query: {
      ...(params.service ? { service: params.service } : {}),
      ...(params.operation ? { operation: params.operation } : {}),
      tags: params.tags.map(toTagFilter),
      ...(params.traceql.trim() ? { traceql: params.traceql.trim() } : {}),
      startUs: window.startMs * 1000,
      endUs: window.endMs * 1000,
      ...durations,
      limit: params.limit,
    },
  };
}
