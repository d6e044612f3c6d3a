import { useMemo } from 'react';
import { computeCost, sumCallCosts, type TraceCost } from '../model/cost';
import { extractTraceLlm } from '../model/llm/extract';
import { buildLlmRollup, type LlmRollup } from '../model/llm/rollup';
import type { TraceLlm } from '../model/llm/llm-call';
import type { FilterKind, SpanFacets } from '../model/search';
import { buildSpanTree, spanOfNode, type SpanTree } from '../model/span-tree';
import { summarizeTrace, type TraceSummary } from '../model/trace-summary';
import { offsetToEpochMillis, type ParsedTrace, type Problem } from '../model/trace';
import { useLlmPricing } from './pricing';
import { adjustClockSkew, adjustedNodeTimes, type ClockSkewAdjustment } from '../model/clock-skew';
import { computeCriticalPath, type CriticalPath } from '../model/critical-path';
import { computeNodeTimes } from '../model/node-times';
import { computeSelfTimes } from '../model/self-time';

export interface TraceModel {
  readonly tree: SpanTree;
  readonly summary: TraceSummary;
  /** What the adapter dropped or repaired, then what the tree builder repaired. */
  readonly problems: readonly Problem[];
  /** LLM calls per node and trace totals (costs without the price table: see useTraceCost). */
  readonly llm: TraceLlm;
  /** LLM kind and models per span, for the filters. */
  readonly facets: readonly (SpanFacets | undefined)[];
  readonly logs: ParsedTrace['logs'];
  readonly criticalPath: CriticalPath;
  /** Self time of every node (duration minus the union of its children), in ns. */
  readonly selfTimesNs: Float64Array;
  /** Clock-skew corrections the browser found (see model/clock-skew.ts). */
  readonly skew: ClockSkewAdjustment;
  /** LLM calls and tokens of every subtree, for collapsed rows. */
  readonly llmRollup: LlmRollup;
}

export function buildTraceModel(parsed: ParsedTrace): TraceModel {
  const tree = buildSpanTree(parsed.trace);
  const llm = extractTraceLlm(tree, parsed.logs ?? []);
  const skew = adjustClockSkew(tree);
  const times =
    skew.adjustedNodes.length > 0 ? adjustedNodeTimes(tree, skew) : computeNodeTimes(tree);
  return {
    tree,
    summary: summarizeTrace(tree),
    problems: [...parsed.problems, ...tree.problems],
    llm,
    facets: facetsOf(llm),
    logs: parsed.logs,
    criticalPath: computeCriticalPath(tree, times),
    selfTimesNs: computeSelfTimes(tree, times),
    skew,
    llmRollup: buildLlmRollup(tree, llm),
  };
}

function facetsOf(llm: TraceLlm): (SpanFacets | undefined)[] {
  return llm.calls.map((call) => {
    if (!call) return undefined;
    const models = [call.requestModel, call.responseModel].filter(
      (model): model is string => model !== undefined && model !== '',
    );
    return { kind: call.kind as FilterKind, models };
  });
}

/** Derived data is rebuilt only when the parsed trace changes; it is never stored. */
export function useTraceModel(parsed: ParsedTrace | undefined): TraceModel | undefined {
  return useMemo(() => (parsed ? buildTraceModel(parsed) : undefined), [parsed]);
}

/**
 * The trace's LLM cost once the price table (lazy-loaded) and the user's overrides are known;
 * `undefined` while the table loads.
 */
export function useTraceCost(model: TraceModel): TraceCost | undefined {
  const { pricer, overrides, isLoading } = useLlmPricing();
  return useMemo(() => {
    if (isLoading) return undefined;
    const { tree, llm } = model;
    const costs = llm.countedCalls.map((call, i) => {
      const span = spanOfNode(tree, llm.countedNodes[i] ?? -1);
      const at = span ? offsetToEpochMillis(tree.trace, span.startNs) : undefined;
      return computeCost(call, pricer, overrides, at);
    });
    return sumCallCosts(llm.countedCalls, costs);
  }, [model, pricer, overrides, isLoading]);
}
