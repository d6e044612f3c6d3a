import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { computeCost, sumCallCosts, type TraceCost } from '../model/cost';
import { offsetToEpochMillis, type Nanos } from '../model/trace';
import { afterNextPaint } from './after-paint';
import type { LoadedTrace } from './loaded-trace';
import { useLlmPricing } from './pricing';
import type { BaseData, DerivedData } from './trace-session';

export type { BaseData, DerivedData, FilterResult } from './trace-session';

/**
 * A trace as the page shows it: the base data (tree, summary, problems) from the first moment,
 * the derived data (LLM calls, critical path, skew, self times, facets) once computed.
 */
export interface TraceModel extends BaseData {
  readonly derived: DerivedData | undefined;
  /** Where the trace lives (the worker, or the page): runs the filter. */
  readonly source: LoadedTrace;
}

/**
 * The model of a loaded trace; re-renders once when the derived data arrives. Once the trace
 * has been rendered and painted, its source hears so (`LoadedTrace.shown`).
 */
export function useTraceModel(loaded: LoadedTrace | undefined): TraceModel | undefined {
  useEffect(() => {
    if (loaded) afterNextPaint(() => loaded.shown());
  }, [loaded]);
  const derived = useSyncExternalStore(
    (listener) => (loaded ? loaded.subscribe(listener) : () => undefined),
    () => loaded?.derived,
  );
  return useMemo(
    () => (loaded ? { ...loaded.base, derived, source: loaded } : undefined),
    [loaded, derived],
  );
}

/**
 * The trace's LLM cost once the price table (lazy-loaded) and the user's overrides are known;
 * `undefined` while the table loads or the LLM calls are still being read.
 */
export function useTraceCost(model: TraceModel): TraceCost | undefined {
  const { tree, derived } = model;
  const { pricer, overrides, isLoading } = useLlmPricing(
    (derived?.llm.countedCalls.length ?? 0) > 0,
  );
  return useMemo(() => {
    if (isLoading || !derived) return undefined;
    const { llm } = derived;
    const costs = llm.countedCalls.map((call, i) => {
      const node = llm.countedNodes[i] ?? -1;
      const startNs = tree.trace.startNs[node];
      const at =
        startNs === undefined ? undefined : offsetToEpochMillis(tree.trace, startNs as Nanos);
      return computeCost(call, pricer, overrides, at);
    });
    return sumCallCosts(llm.countedCalls, costs);
  }, [tree, derived, pricer, overrides, isLoading]);
}
