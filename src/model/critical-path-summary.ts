import type { CriticalPath } from './critical-path';
import { FLAG_LLM_HINT, nameAt, serviceAt } from './span-table';
import { isPlaceholder, isSpanNode, nodeIdOf, spanOfNode, type SpanTree } from './span-tree';
import { findAttribute, type Span } from './trace';

/** Reads the model a span called; `undefined` for spans that are not model calls. */
export type ModelReader = (span: Span) => string | undefined;

/** Attributes read by `readSpanModel`, first match wins. */
const MODEL_KEYS = ['gen_ai.request.model', 'llm.request.model_name', 'llm.model_name'] as const;

/**
 * The requested model, read simply from the common attributes. The full LLM extraction lives in
 * model/llm/; callers can pass it as a `ModelReader` instead.
 */
export const readSpanModel: ModelReader = (span) => {
  for (const key of MODEL_KEYS) {
    const value = findAttribute(span.attributes, key);
    if (value?.type === 'string' && value.value !== '') return value.value;
  }
  return undefined;
};

/**
 * The model of a node through `readModel`. With the default reader the span's record is decoded
 * only when it may carry LLM attributes (its keys are LLM hint keys, see llm/llm-hints.ts); a
 * custom reader may read anything, so it sees every span.
 */
export function readNodeModel(
  tree: SpanTree,
  node: number,
  readModel: ModelReader = readSpanModel,
): string | undefined {
  if (!isSpanNode(tree, node)) return undefined;
  const hasHint = ((tree.trace.flags[node] as number) & FLAG_LLM_HINT) !== 0;
  if (readModel === readSpanModel && !hasHint) return undefined;
  const span = spanOfNode(tree, node);
  return span && readModel(span);
}

/** One node's own time on the critical path. */
export interface CriticalPathItem {
  readonly node: number;
  /** Span id, or the missing id for a placeholder. */
  readonly spanId: string;
  readonly name: string;
  readonly service: string;
  readonly isMissingSpan: boolean;
  readonly model: string | undefined;
  readonly onPathNs: number;
  /** `onPathNs` over the trace duration, 0..1. */
  readonly share: number;
}

export interface ModelShare {
  readonly model: string;
  readonly spanCount: number;
  readonly onPathNs: number;
  readonly share: number;
}

export interface PathSummary {
  /** Extent of the trace (earliest start to latest end) in the path's times. */
  readonly traceDurationNs: number;
  /** Time on the path; below the duration when roots leave gaps or async work trails. */
  readonly pathNs: number;
  /** Nodes with path time, most first (ties in node order), at most `limit`. */
  readonly items: readonly CriticalPathItem[];
  /** Path time of model-calling spans per model, most first; empty when no span names one. */
  readonly models: readonly ModelShare[];
}

export interface SummaryOptions {
  readonly limit?: number;
  readonly readModel?: ModelReader;
}

/**
 * Spans ranked by their own time on the critical path, with their share of the trace duration,
 * and the same per model. Shares add up to at most 1 because path sections never overlap.
 * O(n + k log k) for the k nodes on the path.
 */
export function summarizeCriticalPath(
  tree: SpanTree,
  cp: CriticalPath,
  { limit = Infinity, readModel = readSpanModel }: SummaryOptions = {},
): PathSummary {
  const traceDurationNs = cp.traceEndNs - cp.traceStartNs;
  const shareOf = (ns: number) => (traceDurationNs > 0 ? ns / traceDurationNs : 0);
  const onPath: number[] = [];
  const byModel = new Map<string, { spanCount: number; onPathNs: number }>();
  for (let node = 0; node < tree.nodeCount; node++) {
    const ns = cp.onPathNs[node] as number;
    if (ns <= 0) continue;
    onPath.push(node);
    const model = readNodeModel(tree, node, readModel);
    if (model === undefined) continue;
    const entry = byModel.get(model) ?? { spanCount: 0, onPathNs: 0 };
    entry.spanCount++;
    entry.onPathNs += ns;
    byModel.set(model, entry);
  }
  onPath.sort((a, b) => (cp.onPathNs[b] as number) - (cp.onPathNs[a] as number) || a - b);
  const items = onPath.slice(0, limit).map((node): CriticalPathItem => {
    const isSpan = isSpanNode(tree, node);
    const ns = cp.onPathNs[node] as number;
    return {
      node,
      spanId: nodeIdOf(tree, node),
      name: isSpan ? nameAt(tree.trace, node) : 'missing span',
      service: isSpan ? serviceAt(tree.trace, node) : '',
      isMissingSpan: isPlaceholder(tree, node),
      model: readNodeModel(tree, node, readModel),
      onPathNs: ns,
      share: shareOf(ns),
    };
  });
  const models = [...byModel]
    .map(([model, { spanCount, onPathNs }]) => ({
      model,
      spanCount,
      onPathNs,
      share: shareOf(onPathNs),
    }))
    .sort((a, b) => b.onPathNs - a.onPathNs || (a.model < b.model ? -1 : 1));
  return { traceDurationNs, pathNs: cp.pathNs, items, models };
}
