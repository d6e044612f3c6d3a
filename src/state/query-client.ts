import { QueryClient } from '@tanstack/react-query';
import { TraceLoadError } from '../sources/source';

/** The single QueryClient. Traces are immutable once complete, so they stay fresh for a while. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      gcTime: 5 * 60_000,
      refetchOnWindowFocus: false,
      // A missing trace or a response that is not a trace will not change on retry.
      retry: (failureCount, error) =>
        failureCount < 1 &&
        !(
          error instanceof TraceLoadError &&
          ['not-found', 'bad-response', 'unknown-source'].includes(error.reason)
        ),
    },
  },
});
