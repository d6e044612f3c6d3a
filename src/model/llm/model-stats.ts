/**
 * Per-model figures of a trace for the model table: calls, tokens, cost, failures, and time.
 * Only counted calls are used (see count-calls.ts), so nothing is added twice. Calls group by
 * the requested model (a failed call knows only that one); served models are listed per row.
 */
import {
  computeCost,
  sumCallCosts,
  type CallCost,
  type Pricer,
  type PriceOverrides,
} from '../cost';
import { childrenOf, isSpanNode, type SpanTree } from '../span-tree';
import { offsetToEpochMillis, type Nanos } from '../trace';
import { modelOf, type LlmCall, type TraceLlm } from './llm-call';

export interface ModelRow {
  /** Requested model (served one when no request was recorded), or `(unknown model)`. */
  readonly model: string;
  readonly servedModels: readonly string[];
  readonly provider?: string;
  readonly calls: number;
  readonly errors: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly costUsd: number;
  readonly isCostPartial: boolean;
  /** Sum of the calls' span durations. */
  readonly totalNs: number;
  /** Sum of the time each call's span spent outside its child spans. */
  readonly selfNs: number;
}

export const UNKNOWN_MODEL = '(unknown model)';

interface Group {
  readonly calls: LlmCall[];
  readonly costs: CallCost[];
  readonly served: Set<string>;
  provider?: string;
  totalNs: number;
  selfNs: number;
}

/** Rows sorted by cost, then calls, then name. */
export function summarizeModels(
  tree: SpanTree,
  traceLlm: TraceLlm,
  pricing: { readonly pricer?: Pricer; readonly overrides?: PriceOverrides } = {},
): ModelRow[] {
  const groups = new Map<string, Group>();
  traceLlm.countedNodes.forEach((node, i) => {
    const call = traceLlm.countedCalls[i];
    if (!call || !isSpanNode(tree, node)) return;
    const startNs = tree.trace.startNs[node] as Nanos;
    const durationNs = tree.trace.durationNs[node] as number;
    const model = modelOf(call) ?? UNKNOWN_MODEL;
    let group = groups.get(model);
    if (!group) {
      group = { calls: [], costs: [], served: new Set(), totalNs: 0, selfNs: 0 };
      groups.set(model, group);
    }
    const at = offsetToEpochMillis(tree.trace, startNs);
    group.calls.push(call);
    group.costs.push(computeCost(call, pricing.pricer, pricing.overrides, at));
    if (call.responseModel) group.served.add(call.responseModel);
    group.provider ??= call.provider;
    group.totalNs += durationNs < 0 ? 0 : durationNs;
    group.selfNs += selfTimeNs(tree, node);
  });
  const rows = [...groups.entries()].map(([model, group]) => toRow(model, group));
  return rows.sort(
    (a, b) => b.costUsd - a.costUsd || b.calls - a.calls || a.model.localeCompare(b.model),
  );
}

function toRow(model: string, group: Group): ModelRow {
  const { costUsd, isPartial } = sumCallCosts(group.calls, group.costs);
  let inputTokens = 0;
  let outputTokens = 0;
  let cacheReadTokens = 0;
  let errors = 0;
  for (const call of group.calls) {
    inputTokens += call.usage?.input ?? 0;
    outputTokens += call.usage?.output ?? 0;
    cacheReadTokens += call.usage?.cacheRead ?? 0;
    if (call.error) errors++;
  }
  return {
    model,
    servedModels: [...group.served].filter((served) => served !== model).sort(),
    provider: group.provider,
    calls: group.calls.length,
    errors,
    inputTokens,
    outputTokens,
    cacheReadTokens,
    costUsd,
    isCostPartial: isPartial,
    totalNs: group.totalNs,
    selfNs: group.selfNs,
  };
}

/**
 * Duration minus the union of the children's intervals clipped to the span. Children come
 * sorted by start, so one sweep merges overlapping (parallel) children.
 */
export function selfTimeNs(tree: SpanTree, node: number): number {
  const table = tree.trace;
  const durationNs = table.durationNs[node] as number;
  if (!isSpanNode(tree, node) || durationNs < 0) return 0;
  const start = table.startNs[node] as number;
  const end = start + durationNs;
  let covered = 0;
  let runStart = -1;
  let runEnd = -1;
  for (const child of childrenOf(tree, node)) {
    if (!isSpanNode(tree, child)) continue;
    const childStart = table.startNs[child] as number;
    const childDuration = table.durationNs[child] as number;
    const from = Math.max(start, childStart);
    const to = Math.min(end, childStart + (childDuration < 0 ? 0 : childDuration));
    if (to <= from) continue;
    if (from > runEnd) {
      covered += Math.max(0, runEnd - runStart);
      runStart = from;
      runEnd = to;
    } else if (to > runEnd) {
      runEnd = to;
    }
  }
  covered += Math.max(0, runEnd - runStart);
  return durationNs - covered;
}
