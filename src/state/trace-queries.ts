import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { TraceLoadError, type LoadErrorReason, type SourceInfo } from '../sources/source';
import { loadInPage, type LoadedTrace } from './loaded-trace';
import { takeBootSources, takeBootTrace, whenBootTraceReady } from './boot-load';
import { fileTraceSource } from './opened-files';
import { fetchSources, findSourceInfo, FILE_SOURCE_ID } from './source-registry';
import { openInWorker } from './trace-worker-client';
import { canUseTraceWorker } from './trace-worker-instance';

/** Every variable a fetcher reads is in its key. */
export const traceKeys = {
  all: ['traces'] as const,
  sources: () => ['sources'] as const,
  detail: (sourceId: string, traceId: string) => ['traces', 'detail', sourceId, traceId] as const,
  /** Not under `detail`: that key's data is a loaded trace (see disposeTracesWithCache). */
  storedSpanCount: (sourceId: string, traceId: string) =>
    ['traces', 'stored-span-count', sourceId, traceId] as const,
};

export const sourcesQuery = queryOptions({
  queryKey: traceKeys.sources(),
  queryFn: ({ signal }) => takeBootSources() ?? fetchSources(signal),
  staleTime: 5 * 60_000,
});

/**
 * One trace, loaded and built: in the trace worker for server sources (the page only receives
 * columns), in the page for the opened file. The result holds typed arrays and a worker-side
 * session: it is never compared structurally, and it is disposed when the cache drops it.
 */
export function traceQuery(
  sources: readonly SourceInfo[] | undefined,
  sourceId: string,
  traceId: string,
) {
  return queryOptions({
    queryKey: traceKeys.detail(sourceId, traceId),
    // The opened file is not a server source: it needs no source list.
    enabled: sources !== undefined || sourceId === FILE_SOURCE_ID,
    structuralSharing: false,
    queryFn: ({ signal }) => loadTrace(sources, sourceId, traceId, signal),
  });
}

async function loadTrace(
  sources: readonly SourceInfo[] | undefined,
  sourceId: string,
  traceId: string,
  signal: AbortSignal,
): Promise<LoadedTrace> {
  const info = findSourceInfo(sources, sourceId);
  if (!info) {
    throw new TraceLoadError('unknown-source', `There is no source called "${sourceId}".`);
  }
  if (info.kind === 'file') {
    return loadInPage({ kind: 'parsed', parsed: await fileTraceSource.fetchTrace(traceId) });
  }
  if (canUseTraceWorker()) {
    const early = takeBootTrace(sourceId, traceId);
    return early
      ? early.catch(() => openInWorker(info, traceId, signal))
      : openInWorker(info, traceId, signal);
  }
  // No workers (tests, old browsers): the same loader in the page, loaded on demand.
  const { loadTraceInput } = await import('./trace-loader');
  const loaded = await loadTraceInput(info, traceId, { signal, keepPayload: true });
  return loadInPage(loaded.input);
}

/**
 * Puts the boot trace in the cache the moment its rows are in, if no query has asked for it
 * yet. When the worker is done before the app's first render, that render then shows the trace:
 * no loading state is rendered, laid out and painted first (20–50 ms on two cores).
 */
export function primeBootTrace(client: QueryClient): void {
  whenBootTraceReady((sourceId, traceId, loaded) => {
    client.setQueryData(traceKeys.detail(sourceId, traceId), loaded);
  });
}

/**
 * Frees a trace's worker-side data when the cache drops it, or when a refetch replaces it (a
 * reload always asks the backend again).
 */
export function disposeTracesWithCache(client: QueryClient): () => void {
  const current = new Map<string, LoadedTrace>();
  return client.getQueryCache().subscribe((event) => {
    const { query } = event;
    if (query.queryKey[0] !== traceKeys.all[0] || query.queryKey[1] !== 'detail') return;
    const data = query.state.data as LoadedTrace | undefined;
    const previous = current.get(query.queryHash);
    if (event.type === 'removed') {
      previous?.dispose();
      current.delete(query.queryHash);
    } else if (data && data !== previous) {
      previous?.dispose();
      current.set(query.queryHash, data);
    }
  });
}

export function useSources() {
  return useQuery(sourcesQuery);
}

/** One trace (base data at once; see `useTraceModel` for the derived data that follows). */
export function useTrace(sourceId: string, traceId: string) {
  const sources = useSources();
  const trace = useQuery(traceQuery(sources.data, sourceId, traceId));
  return { trace, sources };
}

/** Why a load failed, for the UI to explain; errors that are not ours are 'unknown'. */
export function loadErrorReason(error: unknown): LoadErrorReason | 'unknown' {
  return error instanceof TraceLoadError ? error.reason : 'unknown';
}
