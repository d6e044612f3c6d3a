/**
 * A trace of Tracefall's own store may still be arriving while it is open (an SDK exports spans
 * as they end). The trace page polls how many spans the store holds now and offers to reload
 * when there are more than it shows. Backends (Jaeger, Tempo) are not polled.
 */
import { useQuery } from '@tanstack/react-query';
import { fetchStoredSpanCount } from '../sources/jaeger-v3/local-trace-summary';
import { findSourceInfo } from './source-registry';
import { traceKeys, useSources } from './trace-queries';

/** How often an open trace of the local store is looked at again. */
export const STORED_COUNT_POLL_MS = 3_000;

/** How many more spans the store holds for this trace than the page shows (0 for backends). */
export function useNewSpanCount(sourceId: string, traceId: string, shownCount: number): number {
  const { data: sources } = useSources();
  const isLocal = findSourceInfo(sources, sourceId)?.kind === 'local';
  const { data: storedCount } = useQuery({
    queryKey: traceKeys.storedSpanCount(sourceId, traceId),
    enabled: isLocal,
    refetchInterval: STORED_COUNT_POLL_MS,
    // Only while the page is visible; a hidden tab catches up when it is shown again.
    refetchIntervalInBackground: false,
    staleTime: 0,
    retry: false,
    queryFn: ({ signal }) => fetchStoredSpanCount(sourceId, traceId, { signal }),
  });
  return storedCount !== undefined && storedCount > shownCount ? storedCount - shownCount : 0;
}
