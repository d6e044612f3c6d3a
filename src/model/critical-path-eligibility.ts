/**
 * First pass of the critical path: which nodes may hold it at all, and in what clipped window.
 * Split from critical-path.ts, which walks the path over what this pass leaves eligible.
 */
import type { NodeTimes } from './node-times';
import { SPAN_KINDS } from './span-table';
import type { SpanTree } from './span-tree';

/** Why a node is not on the critical path. */
export type OffPathReason =
  | 'overlapped'
  | 'outside-parent'
  | 'async'
  | 'follows-from'
  | 'zero-duration'
  | 'no-end'
  | 'parent-off-path';

/** Reason codes as stored in `CriticalPath.reasonCode` (0 = on the path or still eligible). */
export const REASON_CODES: readonly (OffPathReason | null)[] = [
  null,
  'overlapped',
  'outside-parent',
  'async',
  'follows-from',
  'zero-duration',
  'no-end',
  'parent-off-path',
];

export const OVERLAPPED = 1;
const OUTSIDE_PARENT = 2;
const ASYNC = 3;
const FOLLOWS_FROM = 4;
const ZERO_DURATION = 5;
const NO_END = 6;
export const PARENT_OFF_PATH = 7;

/** What a user reads for each reason. */
export const OFF_PATH_REASON_TEXT: Readonly<Record<OffPathReason, string>> = {
  overlapped: 'overlapped by a sibling that finished later',
  'outside-parent': "outside its parent's window",
  async: 'async: consumer of a message, or ran on after its producer ended',
  'follows-from': 'follows-from: its parent does not wait for it',
  'zero-duration': 'zero duration',
  'no-end': 'never ended, and nothing inside it ended later',
  'parent-off-path': 'its parent is not on the critical path',
};

export interface Eligibility {
  /** Structural reason code per node, 0 when the node may hold the path. */
  readonly reasonCode: Uint8Array;
  /** Window of each node clipped to its parent's clipped window. */
  readonly clipStartNs: Float64Array;
  readonly clipEndNs: Float64Array;
}

/**
 * Top-down over the pre-order: every child is clipped to its parent's clipped window (as
 * jaeger-ui's sanitizeOverFlowingChildren), after the structural exclusions.
 *
 * ```
 *   parent       ├──────────────┤
 *   overhanging          ├───────────┤          clipped: ends with the parent
 *   outside                            ├───┤    outside-parent
 *   consumer               ├─────────────┤      async: outlives its producer parent
 * ```
 */
export function classifyNodes(tree: SpanTree, times: NodeTimes): Eligibility {
  const { nodeCount, parent, preorder } = tree;
  const flags = readEdgeFlags(tree);
  const reasonCode = new Uint8Array(nodeCount);
  const clipStartNs = new Float64Array(nodeCount);
  const clipEndNs = new Float64Array(nodeCount);
  for (const node of preorder) {
    const p = parent[node] as number;
    const flag = flags[node] as number;
    let start = times.startNs[node] as number;
    let end = times.endNs[node] as number;
    let code = 0;
    if (p >= 0) {
      const parentStart = clipStartNs[p] as number;
      const parentEnd = clipEndNs[p] as number;
      const isAsync = (flag & CONSUMER) !== 0 || ((flags[p] as number) & PRODUCER) !== 0;
      if (reasonCode[p] !== 0) code = PARENT_OFF_PATH;
      else if ((flag & FOLLOWS_FROM_EDGE) !== 0) code = FOLLOWS_FROM;
      else if (isAsync && end > parentEnd) code = ASYNC;
      else if (end <= start) code = (flag & UNFINISHED) !== 0 ? NO_END : ZERO_DURATION;
      else if (end <= parentStart || start >= parentEnd) code = OUTSIDE_PARENT;
      if (start < parentStart) start = parentStart;
      if (end > parentEnd) end = parentEnd;
    } else if (end <= start) {
      code = (flag & UNFINISHED) !== 0 ? NO_END : ZERO_DURATION;
    }
    reasonCode[node] = code;
    clipStartNs[node] = start;
    clipEndNs[node] = end < start ? start : end;
  }
  return { reasonCode, clipStartNs, clipEndNs };
}

const CONSUMER = 1;
const PRODUCER = 2;
const UNFINISHED = 4;
const FOLLOWS_FROM_EDGE = 8;

/**
 * What classification needs from each span, read in index order (spans are visited in
 * pre-order afterwards, and touching span objects out of order is what costs at 1,000,000).
 *
 * Async edges: a consumer, or any child of a producer, that ends after its parent; one that ends
 * inside its parent (request/reply over a queue) is blocking.
 */
function readEdgeFlags(tree: SpanTree): Uint8Array {
  const table = tree.trace;
  const flags = new Uint8Array(tree.nodeCount);
  for (let node = 0; node < table.count; node++) {
    const kind = table.kindCode[node] as number;
    let flag = kind === CONSUMER_KIND ? CONSUMER : kind === PRODUCER_KIND ? PRODUCER : 0;
    if ((table.durationNs[node] as number) < 0) flag |= UNFINISHED;
    if (tree.followsFromEdge[node] === 1) flag |= FOLLOWS_FROM_EDGE;
    flags[node] = flag;
  }
  return flags;
}

const CONSUMER_KIND = SPAN_KINDS.indexOf('consumer');
const PRODUCER_KIND = SPAN_KINDS.indexOf('producer');
