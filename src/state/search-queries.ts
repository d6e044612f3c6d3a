/**
 * Search results and the search form's names (services, operations, tags) as TanStack
 * queries. Keys extend the `traceKeys` factory; every variable a fetcher reads is in its key,
 * except "now": a preset window (last 1h…) is resolved when the query runs, so a refresh looks
 * at the latest window.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { TraceLoadError, type SourceInfo } from '../sources/source';
import type { SearchFeatures } from '../sources/search-types';

export type { SearchFeatures, TraceSearchHit, TraceSearchResult } from '../sources/search-types';
export type { SourceInfo } from '../sources/source';
import { toTraceSearchQuery, type SearchParams } from './search-params';
import { createSearchSource } from './source-adapters';
import { traceKeys, useSources } from './trace-queries';

export const searchKeys = {
  all: [...traceKeys.all, 'search'] as const,
  results: (sourceId: string, params: SearchParams) =>
    [...traceKeys.all, 'search', sourceId, params] as const,
  names: (sourceId: string) => [...traceKeys.sources(), sourceId, 'names'] as const,
  services: (sourceId: string) => [...searchKeys.names(sourceId), 'services'] as const,
  operations: (sourceId: string, service: string) =>
    [...searchKeys.names(sourceId), 'operations', service] as const,
  tagNames: (sourceId: string) => [...searchKeys.names(sourceId), 'tags'] as const,
  tagValues: (sourceId: string, tag: string) =>
    [...searchKeys.names(sourceId), 'tag-values', tag] as const,
  recent: (sourceId: string) => [...traceKeys.all, 'recent', sourceId] as const,
};

/** How far back the home page looks for recent traces, and how often it looks again. */
const RECENT_LOOKBACK_US = 7 * 24 * 3600 * 1e6;
const RECENT_REFRESH_MS = 5_000;
const RECENT_LIMIT = 25;

/**
 * The newest traces of a source (the embedded store on the home page), refreshed while new
 * ones arrive.
 */
export function recentTracesQuery(info: SourceInfo | undefined, sourceId: string) {
  return queryOptions({
    queryKey: searchKeys.recent(sourceId),
    enabled: info !== undefined,
    refetchInterval: RECENT_REFRESH_MS,
    staleTime: 0,
    queryFn: ({ signal }) => {
      const endUs = Date.now() * 1000;
      return sourceOf(info, sourceId).searchTraces(
        { tags: [], startUs: endUs - RECENT_LOOKBACK_US, endUs, limit: RECENT_LIMIT },
        signal,
      );
    },
  });
}

export function useRecentTraces(info: SourceInfo | undefined, sourceId: string) {
  return useQuery(recentTracesQuery(info, sourceId));
}

/** Names change slowly; results are refreshed on demand. */
const NAMES_STALE_MS = 5 * 60_000;
const RESULTS_STALE_MS = 30_000;

function sourceOf(info: SourceInfo | undefined, sourceId: string) {
  if (!info) throw new TraceLoadError('unknown-source', `There is no source called "${sourceId}".`);
  return createSearchSource(info);
}

export function searchResultsQuery(
  info: SourceInfo | undefined,
  sourceId: string,
  params: SearchParams,
  enabled: boolean,
) {
  return queryOptions({
    queryKey: searchKeys.results(sourceId, params),
    enabled: enabled && info !== undefined,
    staleTime: RESULTS_STALE_MS,
    queryFn: ({ signal }) => {
      const resolved = toTraceSearchQuery(params, Date.now());
      if ('error' in resolved) throw new Error(resolved.error);
      return sourceOf(info, sourceId).searchTraces(resolved.query, signal);
    },
  });
}

export function servicesQuery(info: SourceInfo | undefined, sourceId: string) {
  return queryOptions({
    queryKey: searchKeys.services(sourceId),
    enabled: info !== undefined,
    staleTime: NAMES_STALE_MS,
    queryFn: ({ signal }) => sourceOf(info, sourceId).fetchServices(signal),
  });
}

export function operationsQuery(info: SourceInfo | undefined, sourceId: string, service: string) {
  return queryOptions({
    queryKey: searchKeys.operations(sourceId, service),
    enabled: info !== undefined && service !== '',
    staleTime: NAMES_STALE_MS,
    queryFn: ({ signal }) => sourceOf(info, sourceId).fetchOperations(service, signal),
  });
}

export function tagNamesQuery(info: SourceInfo | undefined, sourceId: string, enabled: boolean) {
  return queryOptions({
    queryKey: searchKeys.tagNames(sourceId),
    enabled: enabled && info !== undefined,
    staleTime: NAMES_STALE_MS,
    queryFn: ({ signal }) => sourceOf(info, sourceId).fetchTagNames?.(signal) ?? [],
  });
}

export function tagValuesQuery(info: SourceInfo | undefined, sourceId: string, tag: string) {
  return queryOptions({
    queryKey: searchKeys.tagValues(sourceId, tag),
    enabled: info !== undefined && tag !== '',
    staleTime: NAMES_STALE_MS,
    queryFn: ({ signal }) => sourceOf(info, sourceId).fetchTagValues?.(tag, signal) ?? [],
  });
}

const NO_FEATURES: SearchFeatures = {
  requiresService: false,
  traceql: false,
  tagSuggestions: false,
  operationLabel: 'Operation',
};

/** The source a search page is about, and what its search form should offer. */
export function useSearchSource(sourceId: string) {
  const sources = useSources();
  const info = sources.data?.find((source) => source.id === sourceId);
  const features = useMemo(() => {
    if (!info || info.kind === 'file') return NO_FEATURES;
    return createSearchSource(info).search;
  }, [info]);
  return { sources, info, features };
}

export function useTraceSearch(
  info: SourceInfo | undefined,
  sourceId: string,
  params: SearchParams,
  isSubmitted: boolean,
) {
  return useQuery(searchResultsQuery(info, sourceId, params, isSubmitted));
}

export function useServiceNames(info: SourceInfo | undefined, sourceId: string) {
  return useQuery(servicesQuery(info, sourceId));
}

export function useOperationNames(info: SourceInfo | undefined, sourceId: string, service: string) {
  return useQuery(operationsQuery(info, sourceId, service));
}

export function useTagNames(info: SourceInfo | undefined, sourceId: string, enabled: boolean) {
  return useQuery(tagNamesQuery(info, sourceId, enabled));
}

export function useTagValues(info: SourceInfo | undefined, sourceId: string, tag: string) {
  return useQuery(tagValuesQuery(info, sourceId, tag));
}
