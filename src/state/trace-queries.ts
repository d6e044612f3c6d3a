import { queryOptions, useQuery } from '@tanstack/react-query';
import { TraceLoadError, type LoadErrorReason, type SourceInfo } from '../sources/source';
import { createSource, fetchSources, findSourceInfo, FILE_SOURCE_ID } from './source-registry';

/** Every variable a fetcher reads is in its key. */
export const traceKeys = {
  all: ['traces'] as const,
  sources: () => ['sources'] as const,
  detail: (sourceId: string, traceId: string) => ['traces', 'detail', sourceId, traceId] as const,
};

export const sourcesQuery = queryOptions({
  queryKey: traceKeys.sources(),
  queryFn: ({ signal }) => fetchSources(signal),
  staleTime: 5 * 60_000,
});

export function traceQuery(
  sources: readonly SourceInfo[] | undefined,
  sourceId: string,
  traceId: string,
) {
  return queryOptions({
    queryKey: traceKeys.detail(sourceId, traceId),
    // The opened file is not a server source: it needs no source list.
    enabled: sources !== undefined || sourceId === FILE_SOURCE_ID,
    queryFn: ({ signal }) => {
      const info = findSourceInfo(sources, sourceId);
      if (!info) {
        throw new TraceLoadError('unknown-source', `There is no source called "${sourceId}".`);
      }
      return createSource(info).fetchTrace(traceId, signal);
    },
  });
}

export function useSources() {
  return useQuery(sourcesQuery);
}

/** The raw parsed trace of one source; derived data (tree, rows) is built by the caller. */
export function useTrace(sourceId: string, traceId: string) {
  const sources = useSources();
  const trace = useQuery(traceQuery(sources.data, sourceId, traceId));
  return { trace, sources };
}

/** Why a load failed, for the UI to explain; errors that are not ours are 'unknown'. */
export function loadErrorReason(error: unknown): LoadErrorReason | 'unknown' {
  return error instanceof TraceLoadError ? error.reason : 'unknown';
}
