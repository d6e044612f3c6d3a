import { resolveParents } from './span-tree-parents';
import {
  recordAt,
  refsFromTrace,
  tableFromTrace,
  type SpanRefs,
  type TraceTable,
} from './span-table';
import { asNanos, type Nanos, type Problem, type Span, type Trace } from './trace';

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
 * Node `i < trace.count` is span `i` of the table; node `trace.count + k` is `placeholders[k]`. Children lists are stored CSR-style: the children of node `n` are
 * `childList[childStart[n] .. childStart[n + 1])`, sorted by start time (then by input order).
 */
export interface SpanTree {
  /** The trace's columns, with duplicate span ids renamed (see `Span.sourceSpanId`). */
  readonly trace: TraceTable;
  readonly nodeCount: number;
  readonly placeholders: readonly MissingSpanPlaceholder[];
  /** Parent node of each node, -1 for roots. */
  readonly parent: Int32Array;
  /** 1 where a span hangs under its parent through a follows_from reference (not child_of). */
  readonly followsFromEdge: Uint8Array;
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

/**
 * Builds the tree of a trace. Never throws; every repair is listed in `problems`.
 *
 * - Parent: the earliest `child_of` reference in the same trace whose span exists, else the
 *   earliest such `follows_from`; links never make parents. Ids compare by `spanIdKey`.
 * - Duplicate ids: every span is kept; later copies become `<id>~2`, `<id>~3`… and references
 *   to the id resolve to the first copy.
 * - Missing parent (absent, or in another trace): the orphan hangs under one placeholder per
 *   missing id; placeholders are roots.
 * - Cycles (self-parent included): the earliest-starting span of each cycle becomes a root.
 *
 * ```
 *   A ──▶ B ──▶ C        A: root       X?: placeholder for a missing span X
 *   D ──▶ X?             D: orphan     C ──▶ E ──▶ C: cycle, C (earliest) made a root
 * ```
 *
 * Iterative throughout (explicit stacks), O(n log n) for the sort, O(n) otherwise.
 */
export function buildSpanTree(input: Trace): SpanTree {
  return buildSpanTreeFromTable(tableFromTrace(input), refsFromTrace(input));
}

/** `buildSpanTree` on columns (what the worker builds from the raw payload). */
export function buildSpanTreeFromTable(input: TraceTable, refs: SpanRefs): SpanTree {
  const links = resolveParents(input, refs);
  const { table: trace, placeholders, parent, problems } = links;
  const nodeCount = trace.count + placeholders.length;
  const { start, endNs } = readTimes(trace, placeholders, problems);
  const order = sortNodesByStart(start);
  const { childStart, childList, roots } = buildChildLists(parent, order, nodeCount);
  const { preorder, depth } = walkPreorder(roots, childStart, childList, nodeCount);
  return {
    trace,
    nodeCount,
    placeholders,
    parent,
    followsFromEdge: links.followsFromEdge,
    childStart,
    childList,
    roots,
    depth,
    preorder,
    descendantCount: countDescendants(preorder, parent, nodeCount),
    nodeById: links.nodeById,
    endNs,
    problems,
  };
}

/**
 * One pass over the spans: start of every node, the latest end (an unfinished span counts by
 * its start, as in `traceDurationNs`), and a 'no-end' problem per unfinished span.
 */
function readTimes(
  table: TraceTable,
  placeholders: readonly MissingSpanPlaceholder[],
  problems: Problem[],
): { start: Float64Array; endNs: Nanos } {
  const n = table.count;
  const start = new Float64Array(n + placeholders.length);
  start.set(table.startNs);
  let end = 0;
  for (let i = 0; i < n; i++) {
    const duration = table.durationNs[i] as number;
    const spanEnd = (start[i] as number) + (duration < 0 ? 0 : duration);
    if (spanEnd > end) end = spanEnd;
    if (duration < 0) {
      problems.push({ kind: 'no-end', message: 'span has no end time', spanId: table.spanIds[i] });
    }
  }
  for (let k = 0; k < placeholders.length; k++) {
    start[n + k] = (placeholders[k] as MissingSpanPlaceholder).startNs;
  }
  return { start, endNs: asNanos(end) };
}

/** Node indices ordered by start, ties by node index (so input order, placeholders last). */
function sortNodesByStart(start: Float64Array): Int32Array {
  const order = new Int32Array(start.length);
  let isSorted = true;
  for (let i = 0; i < start.length; i++) {
    order[i] = i;
    if (i > 0 && (start[i] as number) < (start[i - 1] as number)) isSorted = false;
  }
  if (!isSorted) order.sort((a, b) => (start[a] as number) - (start[b] as number) || a - b);
  return order;
}

/** CSR children lists filled in start order, so each node's children come out sorted. */
function buildChildLists(parent: Int32Array, order: Int32Array, nodeCount: number) {
  const childStart = new Int32Array(nodeCount + 1);
  let rootCount = 0;
  for (let node = 0; node < nodeCount; node++) {
    const p = parent[node] as number;
    if (p < 0) rootCount++;
    else childStart[p + 1] = (childStart[p + 1] as number) + 1;
  }
  for (let node = 0; node < nodeCount; node++) {
    childStart[node + 1] = (childStart[node + 1] as number) + (childStart[node] as number);
  }
  const cursor = childStart.slice(0, nodeCount);
  const childList = new Int32Array(nodeCount - rootCount);
  const roots = new Int32Array(rootCount);
  let rootCursor = 0;
  for (const node of order) {
    const p = parent[node] as number;
    if (p < 0) roots[rootCursor++] = node;
    else {
      const slot = cursor[p] as number;
      childList[slot] = node;
      cursor[p] = slot + 1;
    }
  }
  return { childStart, childList, roots };
}

/** Depth-first pre-order with an explicit stack (a 100,000-deep chain must not overflow). */
function walkPreorder(
  roots: Int32Array,
  childStart: Int32Array,
  childList: Int32Array,
  nodeCount: number,
) {
  const preorder = new Int32Array(nodeCount);
  const depth = new Int32Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  let top = 0;
  for (let i = roots.length - 1; i >= 0; i--) stack[top++] = roots[i] as number;
  let visited = 0;
  while (top > 0) {
    const node = stack[--top] as number;
    preorder[visited++] = node;
    const childDepth = (depth[node] as number) + 1;
    for (let c = (childStart[node + 1] as number) - 1; c >= (childStart[node] as number); c--) {
      const child = childList[c] as number;
      depth[child] = childDepth;
      stack[top++] = child;
    }
  }
  return { preorder, depth };
}

/** Children come after their parent in pre-order, so one backward pass sums subtree sizes. */
function countDescendants(preorder: Int32Array, parent: Int32Array, nodeCount: number): Int32Array {
  const counts = new Int32Array(nodeCount);
  for (let i = preorder.length - 1; i >= 0; i--) {
    const node = preorder[i] as number;
    const p = parent[node] as number;
    if (p >= 0) counts[p] = (counts[p] as number) + (counts[node] as number) + 1;
  }
  return counts;
}

/** The children of a node, in display order (a view, not a copy). */
export function childrenOf(tree: SpanTree, node: number): Int32Array {
  return tree.childList.subarray(tree.childStart[node] ?? 0, tree.childStart[node + 1] ?? 0);
}

/** True for nodes that stand for a missing parent span. */
export function isPlaceholder(tree: SpanTree, node: number): boolean {
  return node >= tree.trace.count && node < tree.nodeCount;
}

/** True for nodes that are spans (not placeholders). */
export function isSpanNode(tree: SpanTree, node: number): boolean {
  return node >= 0 && node < tree.trace.count;
}

/**
 * The full record of a node's span (decoded on demand); `undefined` for placeholders. Bulk
 * algorithms read the columns of `tree.trace` instead.
 */
export function spanOfNode(tree: SpanTree, node: number): Span | undefined {
  return isSpanNode(tree, node) ? recordAt(tree.trace, node) : undefined;
}

/** The placeholder of a node; `undefined` for spans. */
export function placeholderOfNode(
  tree: SpanTree,
  node: number,
): MissingSpanPlaceholder | undefined {
  return node >= tree.trace.count ? tree.placeholders[node - tree.trace.count] : undefined;
}

/** The id a node is known by (`nodeById`, collapsed sets, URLs): span id or missing id. */
export function nodeIdOf(tree: SpanTree, node: number): string {
  if (isSpanNode(tree, node)) return tree.trace.spanIds[node] ?? '';
  return placeholderOfNode(tree, node)?.spanId ?? '';
}

/** Offset where a node ends: a span's end (its start if unfinished), a placeholder's end. */
export function nodeEndNs(tree: SpanTree, node: number): Nanos {
  if (isSpanNode(tree, node)) {
    const duration = tree.trace.durationNs[node] as number;
    return asNanos((tree.trace.startNs[node] as number) + (duration < 0 ? 0 : duration));
  }
  return placeholderOfNode(tree, node)?.endNs ?? asNanos(0);
}
