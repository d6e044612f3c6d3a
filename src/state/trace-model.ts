import { useMemo } from 'react';
import { buildSpanTree, type SpanTree } from '../model/span-tree';
import { summarizeTrace, type TraceSummary } from '../model/trace-summary';
import type { ParsedTrace, Problem } from '../model/trace';
import type { SpanFacets } from '../model/search';

export interface TraceModel {
  readonly tree: SpanTree;
  readonly summary: TraceSummary;
  /** What the adapter dropped or repaired, then what the tree builder repaired. */
  readonly problems: readonly Problem[];
  /** LLM kind and models per span, for the filters (undefined until LLM extraction lands). */
  readonly facets: readonly (SpanFacets | undefined)[] | undefined;
}

export function buildTraceModel(parsed: ParsedTrace): TraceModel {
  const tree = buildSpanTree(parsed.trace);
  return {
    tree,
    summary: summarizeTrace(tree),
    problems: [...parsed.problems, ...tree.problems],
    facets: undefined,
  };
}

/** Derived data is rebuilt only when the parsed trace changes; it is never stored. */
export function useTraceModel(parsed: ParsedTrace | undefined): TraceModel | undefined {
  return useMemo(() => (parsed ? buildTraceModel(parsed) : undefined), [parsed]);
}
