import type { Nanos, Problem, Trace } from './trace';

/**
 * A placeholder node standing for a parent span that never arrived. Its orphans hang under it
 * so the user sees where the gap is; its time window is the union of its orphans'.
 */
export interface MissingSpanPlaceholder {
  readonly spanId: string;
  readonly startNs: Nanos;
  readonly endNs: Nanos;
}

/**
 * The span tree, index-based so it scales to 1,000,000 spans.
 *
 * Node `i < trace.spans.length` is `trace.spans[i]`; node `trace.spans.length + k` is
 * `placeholders[k]`. Children lists are stored CSR-style: the children of node `n` are
 * `childList[childStart[n] .. childStart[n + 1])`, sorted by start time (then by input order).
 */
export interface SpanTree {
  /** The trace with duplicate span ids renamed (see `Span.sourceSpanId`). */
  readonly trace: Trace;
  readonly nodeCount: number;
  readonly placeholders: readonly MissingSpanPlaceholder[];
  /** Parent node of each node, -1 for roots. */
  readonly parent: Int32Array;
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  /** Root nodes sorted by start time. */
  readonly roots: Int32Array;
  readonly depth: Int32Array;
  /** All nodes in depth-first pre-order (roots in order, children in order). */
  readonly preorder: Int32Array;
  /** Number of descendants of each node (not counting itself). */
  readonly descendantCount: Int32Array;
  /** Span id (after renaming) → node. Placeholders are keyed by the missing id. */
  readonly nodeById: ReadonlyMap<string, number>;
  /** End of the latest span (unfinished spans run to here). */
  readonly endNs: Nanos;
  /** Repairs the builder made: missing parents, duplicate ids, cycles, unfinished spans. */
  readonly problems: readonly Problem[];
}
