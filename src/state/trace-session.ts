/**
 * Everything built from one loaded trace, in the thread that owns it: the trace worker, or the
 * page itself (tests, opened files, browsers without workers). Three stages, so the first rows
 * can show before the slower answers are ready:
 *
 * 1. `base`: columns, span tree, header summary and problems (what the waterfall needs);
 * 2. `derived`: LLM calls, clock skew, critical path, self times, filter facets;
 * 3. `match`: the filter, on the search index when the payload was streamed.
 *
 * DOM-free and free of worker APIs, so it is tested as plain functions.
 */
import { adjustClockSkew, adjustedNodeTimes, type ClockSkewAdjustment } from '../model/clock-skew';
import { computeCriticalPath, type CriticalPath } from '../model/critical-path';
import type { TraceLlm } from '../model/llm/llm-call';
import { buildLlmRollup, type LlmRollup } from '../model/llm/rollup';
import { computeNodeTimes } from '../model/node-times';
import {
  isFilterActive,
  matchSpans,
  type FilterKind,
  type SpanFacets,
  type SpanFilter,
  type TermMatcher,
} from '../model/search';
import { searchTextMatcher, type SpanSearchText } from '../model/search-text';
import { computeSelfTimes } from '../model/self-time';
import { buildSpanTree, buildSpanTreeFromTable, type SpanTree } from '../model/span-tree';
import { summarizeTrace, type TraceSummary } from '../model/trace-summary';
import type { ParsedTrace, Problem } from '../model/trace';
import type { LlmLogRecord } from '../model/llm/gen-ai-logs';
import {
  decodeSearchText,
  type SearchBytes,
  type StreamedJaegerTrace,
} from '../sources/jaeger/jaeger-fast-trace';
import { NO_MATCHES, type FilterResult } from './filter-result';

/** What a source produced: a streamed Jaeger payload, or any adapter's parsed trace. */
export type SessionInput =
  | { readonly kind: 'streamed'; readonly trace: StreamedJaegerTrace }
  | { readonly kind: 'parsed'; readonly parsed: ParsedTrace };

export interface BaseData {
  readonly tree: SpanTree;
  readonly summary: TraceSummary;
  /** What the adapter dropped or repaired, then what the tree builder repaired. */
  readonly problems: readonly Problem[];
  readonly logs: readonly LlmLogRecord[] | undefined;
}

export interface DerivedData {
  /** LLM calls per node and trace totals (costs without the price table: see useTraceCost). */
  readonly llm: TraceLlm;
  /** LLM kind and models per span, for the filters. */
  readonly facets: readonly (SpanFacets | undefined)[];
  readonly criticalPath: CriticalPath;
  /** Self time of every node (duration minus the union of its children), in ns. */
  readonly selfTimesNs: Float64Array;
  /** Clock-skew corrections the browser found (see model/clock-skew.ts). */
  readonly skew: ClockSkewAdjustment;
  /** LLM calls and tokens of every subtree, for collapsed rows. */
  readonly llmRollup: LlmRollup;
}

export type { FilterResult };

export class TraceSession {
  readonly base: BaseData;
  private derivedData: DerivedData | undefined;
  private searchText: SpanSearchText | undefined;
  /** The streamed payload's search text as bytes, until decoded (then let go). */
  private searchBytes: SearchBytes | undefined;
  private readonly isStreamed: boolean;

  constructor(input: SessionInput) {
    this.base = buildBase(input);
    this.isStreamed = input.kind === 'streamed';
    if (input.kind === 'streamed') this.searchBytes = input.trace.searchBytes;
  }

  /**
   * Computes the derived data once (the slow part: hundreds of ms at 100,000 spans). Async: the
   * LLM readers load on first use, while the first rows are already showing.
   */
  async derived(): Promise<DerivedData> {
    this.derivedData ??= await buildDerived(this.base);
    return this.derivedData;
  }

  /** The filter; facets come from the derived data when it has been computed. */
  match(filter: SpanFilter): FilterResult {
    if (!isFilterActive(filter)) return NO_MATCHES;
    const { tree } = this.base;
    const matches = matchSpans(tree, filter, this.derivedData?.facets, this.termMatcher());
    let count = 0;
    for (const flag of matches) count += flag;
    return { isActive: true, matches, count };
  }

  /** Readies the search index ahead of the first filter (decoding it takes ~1 s per GB). */
  prepareSearch(): void {
    if (this.searchText || !this.searchBytes) return;
    this.searchText = decodeSearchText(this.searchBytes);
    this.searchBytes = undefined;
  }

  private termMatcher(): TermMatcher | undefined {
    if (!this.isStreamed) return undefined;
    this.prepareSearch();
    if (!this.searchText) return undefined;
    // In the worker only LLM-hinted records stay readable (the payload went to the page).
    return searchTextMatcher(this.base.tree, this.searchText, { canReadRecords: false });
  }
}

function buildBase(input: SessionInput): BaseData {
  if (input.kind === 'streamed') {
    const { table, refs, problems } = input.trace;
    const tree = buildSpanTreeFromTable(table, refs);
    return withSummary(tree, [...problems, ...tree.problems], undefined);
  }
  const { parsed } = input;
  const tree = buildSpanTree(parsed.trace);
  return withSummary(tree, [...parsed.problems, ...tree.problems], parsed.logs);
}

function withSummary(
  tree: SpanTree,
  problems: Problem[],
  logs: readonly LlmLogRecord[] | undefined,
): BaseData {
  return { tree, summary: summarizeTrace(tree), problems, logs };
}

export async function buildDerived(base: BaseData): Promise<DerivedData> {
  const { tree } = base;
  const { extractTraceLlm } = await import('../model/llm/extract');
  const llm = extractTraceLlm(tree, base.logs ?? []);
  const skew = adjustClockSkew(tree);
  const times =
    skew.adjustedNodes.length > 0 ? adjustedNodeTimes(tree, skew) : computeNodeTimes(tree);
  return {
    llm,
    facets: facetsOf(llm),
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
