import {
  classifyNodes,
  PARENT_OFF_PATH,
  REASON_CODES,
  type OffPathReason,
} from './critical-path-eligibility';
import { sortEligibleByEnd } from './critical-path-order';
import { walkPath, type Walk } from './critical-path-walk';
import { computeNodeTimes, timesExtent, type NodeTimes } from './node-times';
import type { SpanTree } from './span-tree';

export { OFF_PATH_REASON_TEXT, type OffPathReason } from './critical-path-eligibility';

/** Pieces of the path, sorted by start; they never overlap. */
export interface CriticalPathSections {
  readonly node: Int32Array;
  readonly startNs: Float64Array;
  readonly endNs: Float64Array;
}

/** The critical path of a trace. See `computeCriticalPath` and docs/decisions/0003. */
export interface CriticalPath {
  /** The node windows the path was computed on (raw or clock-skew adjusted). */
  readonly times: NodeTimes;
  readonly sections: CriticalPathSections;
  /** 1 for nodes the walk went through (their subtree holds path time), else 0. */
  readonly isOnPath: Uint8Array;
  /** Index into `REASON_CODES` per node; 0 when on the path. */
  readonly reasonCode: Uint8Array;
  /** Sum of each node's own sections. */
  readonly onPathNs: Float64Array;
  /** CSR: sections of node `n` are `nodeSections[nodeSectionStart[n] .. nodeSectionStart[n+1])`. */
  readonly nodeSectionStart: Int32Array;
  readonly nodeSections: Int32Array;
  /** Sections of a node's whole subtree are the contiguous range `[start, end)`; -1 when off. */
  readonly subtreeSectionStart: Int32Array;
  readonly subtreeSectionEnd: Int32Array;
  /** Extent of the trace in `times`: earliest start and latest end of any node. */
  readonly traceStartNs: number;
  readonly traceEndNs: number;
  /** Total time on the path (less than the extent when roots leave gaps or async work trails). */
  readonly pathNs: number;
  /** Why a node is not on the path; `null` when it is. */
  reason(node: number): OffPathReason | null;
}

/**
 * The last-finishing-child walk (jaeger-ui CriticalPath, the CRISP paper): from the end of a
 * span, the child that finished last before the cursor holds the path; the walk descends into it,
 * then resumes in the parent at that child's start. Time between chosen children is the
 * parent's own. Children outside their parent are dropped, overhanging ones clipped (see
 * `classifyNodes`); follows-from children and async consumers never hold their parent's path.
 *
 * ```
 *   root  ├═════╤─────────────────────╤══════┤     ═ on the path
 *   A           ├═══════╤──────╤══════┤            A finished last: it holds the path
 *   A1                  ├══════┤
 *   B          ├────────────┤                      B ended after A started: overlapped
 * ```
 *
 * Several roots are children of a virtual trace root: the last-finishing root holds the path,
 * then the one that finished last before it started, and so on; the gaps between them are idle
 * and belong to no span. Iterative (explicit stack), O(n log n) for sorting children by end.
 */
export function computeCriticalPath(
  tree: SpanTree,
  times: NodeTimes = computeNodeTimes(tree),
): CriticalPath {
  const eligibility = classifyNodes(tree, times);
  const byEnd = sortEligibleByEnd(tree, times, eligibility);
  const walk = walkPath(tree, eligibility, byEnd);
  const reasonCode = eligibility.reasonCode;
  for (let node = 0; node < tree.nodeCount; node++) {
    if (walk.isOnPath[node] === 0 && reasonCode[node] === 0) reasonCode[node] = PARENT_OFF_PATH;
  }
  const extent = timesExtent(times);
  return {
    times,
    reasonCode,
    traceStartNs: extent.startNs,
    traceEndNs: extent.endNs,
    ...packSections(tree.nodeCount, walk),
    isOnPath: walk.isOnPath,
    reason: (node) => REASON_CODES[reasonCode[node] ?? 0] ?? null,
  };
}

/** A critical path sent as plain data (from the trace worker), with its `reason` again. */
export function reviveCriticalPath(data: Omit<CriticalPath, 'reason'>): CriticalPath {
  const { reasonCode } = data;
  return { ...data, reason: (node) => REASON_CODES[reasonCode[node] ?? 0] ?? null };
}

/** Reverses the emission order into time order and indexes sections by node. */
function packSections(nodeCount: number, walk: Walk) {
  const { count } = walk;
  const node = new Int32Array(count);
  const startNs = new Float64Array(count);
  const endNs = new Float64Array(count);
  const onPathNs = new Float64Array(nodeCount);
  const nodeSectionStart = new Int32Array(nodeCount + 1);
  let pathNs = 0;
  for (let i = 0; i < count; i++) {
    const from = count - 1 - i;
    const owner = walk.node[from] as number;
    node[i] = owner;
    startNs[i] = walk.startNs[from] as number;
    endNs[i] = walk.endNs[from] as number;
    const length = (endNs[i] as number) - (startNs[i] as number);
    onPathNs[owner] = (onPathNs[owner] as number) + length;
    pathNs += length;
    nodeSectionStart[owner + 1] = (nodeSectionStart[owner + 1] as number) + 1;
  }
  for (let n = 0; n < nodeCount; n++) {
    nodeSectionStart[n + 1] = (nodeSectionStart[n + 1] as number) + (nodeSectionStart[n] as number);
  }
  const fill = nodeSectionStart.slice(0, nodeCount);
  const nodeSections = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const owner = node[i] as number;
    const slot = fill[owner] as number;
    nodeSections[slot] = i;
    fill[owner] = slot + 1;
  }
  const subtreeSectionStart = new Int32Array(nodeCount).fill(-1);
  const subtreeSectionEnd = new Int32Array(nodeCount).fill(-1);
  for (let n = 0; n < nodeCount; n++) {
    if (walk.isOnPath[n] === 0) continue;
    subtreeSectionStart[n] = count - (walk.lastEmitted[n] as number);
    subtreeSectionEnd[n] = count - (walk.firstEmitted[n] as number);
  }
  return {
    sections: { node, startNs, endNs },
    onPathNs,
    pathNs,
    nodeSectionStart,
    nodeSections,
    subtreeSectionStart,
    subtreeSectionEnd,
  };
}

/** Indices (into `cp.sections`) of a node's own sections, in time order. */
export function sectionsOfNode(cp: CriticalPath, node: number): Int32Array {
  return cp.nodeSections.subarray(
    cp.nodeSectionStart[node] ?? 0,
    cp.nodeSectionStart[node + 1] ?? 0,
  );
}

/** Merged on-path time segments, in time order. */
export interface PathSegments {
  readonly startNs: Float64Array;
  readonly endNs: Float64Array;
}

/**
 * The path through a node's descendants, merged where sections touch: what a collapsed row
 * shows in place of its hidden rows. The node's own sections are left out.
 *
 * ```
 *   node (collapsed) ├══╤─────────╤══╤──────╤═┤
 *   hidden children     ├══╤══════┤  ├══════┤
 *   result              ├─────────┤  ├──────┤
 * ```
 *
 * A subtree's sections are contiguous in `cp.sections`, so this is O(sections in the subtree).
 */
export function mergedSectionsForSubtree(
  cp: CriticalPath,
  tree: SpanTree,
  node: number,
): PathSegments {
  const from = node >= 0 && node < tree.nodeCount ? (cp.subtreeSectionStart[node] as number) : -1;
  const to = from < 0 ? -1 : (cp.subtreeSectionEnd[node] as number);
  const starts: number[] = [];
  const ends: number[] = [];
  const { sections } = cp;
  for (let i = from; i < to; i++) {
    if (sections.node[i] === node) continue;
    const start = sections.startNs[i] as number;
    const end = sections.endNs[i] as number;
    if (ends.length > 0 && ends[ends.length - 1] === start) ends[ends.length - 1] = end;
    else {
      starts.push(start);
      ends.push(end);
    }
  }
  return { startNs: Float64Array.from(starts), endNs: Float64Array.from(ends) };
}
