/**
 * What a searchable backend offers besides fetching one trace: finding traces, and the names
 * (services, operations, tags) that fill the search form. Times and durations cross this
 * boundary in µs as plain numbers (µs since the epoch stay below 2^53).
 */
import type { TraceSource } from './source';

export interface TagFilter {
  readonly key: string;
  readonly value: string;
}

/** One search, with the time window already resolved to absolute times. */
export interface TraceSearchQuery {
  readonly service?: string;
  readonly operation?: string;
  readonly tags: readonly TagFilter[];
  /** Tempo only: a TraceQL query. When set, service, operation, tags and durations are not used. */
  readonly traceql?: string;
  /** Window of trace start times, µs since the epoch. */
  readonly startUs: number;
  readonly endUs: number;
  readonly minDurationUs?: number;
  readonly maxDurationUs?: number;
  readonly limit: number;
}

/** One row of search results; null marks a figure the backend did not report. */
export interface TraceSearchHit {
  /** Lowercase hex as the backend prints it (Tempo's stripped leading zeros restored). */
  readonly traceId: string;
  readonly startEpochUs: number | null;
  readonly durationUs: number | null;
  /** Empty when the root span has not arrived (yet). */
  readonly rootService: string;
  readonly rootName: string;
  readonly spanCount: number | null;
  readonly errorCount: number | null;
  readonly services: readonly string[];
}

export interface TraceSearchResult {
  readonly hits: readonly TraceSearchHit[];
  /** Things the user should know about the result (e.g. a parameter the backend ignores). */
  readonly notes: readonly string[];
}

/** How the search form should look for a source. */
export interface SearchFeatures {
  /** The backend answers only searches that name a service (Jaeger). */
  readonly requiresService: boolean;
  /** The backend takes TraceQL (Tempo). */
  readonly traceql: boolean;
  /** `fetchTagNames` / `fetchTagValues` are available. */
  readonly tagSuggestions: boolean;
  /** What the backend calls an operation ("Operation", "Span name"). */
  readonly operationLabel: string;
}

export interface SearchableSource extends TraceSource {
  readonly search: SearchFeatures;
  searchTraces(query: TraceSearchQuery, signal?: AbortSignal): Promise<TraceSearchResult>;
  fetchServices(signal?: AbortSignal): Promise<string[]>;
  fetchOperations(service: string, signal?: AbortSignal): Promise<string[]>;
  fetchTagNames?(signal?: AbortSignal): Promise<string[]>;
  fetchTagValues?(tag: string, signal?: AbortSignal): Promise<string[]>;
}

/**
 * A Go duration (`time.ParseDuration`) for a µs count: whole ms as `250ms`, otherwise `1500us`.
 * Jaeger's v1 and v3 search parameters take this form.
 */
export function formatGoDuration(us: number): string {
  const whole = Math.max(0, Math.round(us));
  return whole % 1000 === 0 ? `${whole / 1000}ms` : `${whole}us`;
}

/** Newest first, then at most `limit` rows: backends return their first N in any order. */
export function sortAndLimitHits(hits: readonly TraceSearchHit[], limit: number): TraceSearchHit[] {
  return [...hits]
    .sort((a, b) => (b.startEpochUs ?? 0) - (a.startEpochUs ?? 0))
    .slice(0, Math.max(0, limit));
}

/** The non-empty strings of a JSON list, deduplicated and sorted (service and operation names). */
export function uniqueSortedNames(raw: unknown): string[] {
  const values: unknown[] = Array.isArray(raw) ? raw : [];
  const names = values.filter((v): v is string => typeof v === 'string' && v !== '');
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}
