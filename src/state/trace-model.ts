import { useMemo } from 'react';
import { buildSpanTree, type SpanTree } from '../model/span-tree';
import { summarizeTrace, type TraceSummary } from '../model/trace-summary';
import type { ParsedTrace, Problem } from '../model/trace';

export interface TraceModel {
  readonly tree: SpanTree;
  readonly summary: TraceSummary;
  /** What the adapter dropped or repaired, then what the tree builder repaired. */
  readonly problems: readonly Problem[];
}

export function buildTraceModel(parsed: ParsedTrace): TraceModel {
  const tree = buildSpanTree(parsed.trace);
  return {
    tree,
    summary: summarizeTrace(tree),
    problems: [...parsed.problems, ...tree.problems],
  };
}

/** Derived data is rebuilt only when the parsed trace changes; it is never stored. */
export function useTraceModel(parsed: ParsedTrace | undefined): TraceModel | undefined {
  return useMemo(() => (parsed ? buildTraceModel(parsed) : undefined), [parsed]);
}
