import { computeNodeTimes, type NodeTimes } from './node-times';
import { SPAN_KINDS, type TraceTable } from './span-table';
import type { SpanTree } from './span-tree';
import { findAttribute, formatAttributeValue } from './trace';

/**
 * Clock-skew corrections for a tree, as a copy of the start offsets: the tree is never changed,
 * so the UI can switch between raw and adjusted times.
 */
export interface ClockSkewAdjustment {
  /** Start offset of every node after adjustment (placeholders and unmoved spans: unchanged). */
  readonly adjustedStartNs: Float64Array;
  /** Shift applied to every node, in ns (0 when not moved). End and events move by as much. */
  readonly deltaNs: Float64Array;
  /** Node whose detected skew a node's shift comes from (itself, or an ancestor on its host); -1. */
  readonly skewSource: Int32Array;
  /** Nodes with a non-zero shift, in pre-order. */
  readonly adjustedNodes: Int32Array;
}

/** Resource attributes that name a host, most specific first: OTel, Jaeger tags, Zipkin endpoint. */
const HOST_KEYS = ['host.id', 'host.ip', 'host.name', 'hostname', 'ip', 'ipv4', 'ipv6'] as const;

/**
 * Corrects clock skew between hosts the way Jaeger's adjuster (clockskew.go) and Zipkin's
 * (clock-skew.js) do, with Zipkin's rule for where skew is detectable: only a SERVER span under a
 * CLIENT parent on another host, both finished. When the server span does not fit inside the
 * client span, it is moved, with everything below it on its own host:
 *
 * ```
 *   client (host A)        ├───────────────────┤
 *   server (host B)  ├───────────────┤                raw: starts before its client
 *   if shorter               ├───────────────┤        centred: latency split evenly
 *   if longer              ├───────────────────────┤  start aligned (async, or timeout)
 * ```
 *
 * A server span that already fits is left alone. A descendant on the same host as its parent
 * inherits its parent's shift; one on another host starts from zero again (its own clock) unless
 * it is itself a server under a client. Roots and orphans (under placeholders) are references.
 * Never-ended spans are never used to detect skew (neither side), but do move with their host.
 * One pre-order pass, O(n).
 */
export function adjustClockSkew(tree: SpanTree): ClockSkewAdjustment {
  const { nodeCount, parent, preorder, trace } = tree;
  const deltaNs = new Float64Array(nodeCount);
  const skewSource = new Int32Array(nodeCount).fill(-1);
  const hosts = hostKeys(trace);
  const raw = computeNodeTimes(tree);
  const adjusted: number[] = [];
  const spanCount = trace.count;
  for (const node of preorder) {
    const p = parent[node] as number;
    if (node >= spanCount || p < 0 || p >= spanCount) continue;
    const resource = trace.resourceIndex[node] as number;
    if (hosts[resource] === hosts[trace.resourceIndex[p] as number]) {
      deltaNs[node] = deltaNs[p] as number;
      skewSource[node] = skewSource[p] as number;
    } else if (isDetectable(trace, node, p)) {
      const parentStart = (raw.startNs[p] as number) + (deltaNs[p] as number);
      const parentEnd = (raw.endNs[p] as number) + (deltaNs[p] as number);
      const delta = skewOf(raw, node, parentStart, parentEnd);
      deltaNs[node] = delta;
      skewSource[node] = delta === 0 ? -1 : node;
    }
    if (deltaNs[node] !== 0) adjusted.push(node);
  }
  const adjustedStartNs = new Float64Array(nodeCount);
  for (let node = 0; node < nodeCount; node++) {
    adjustedStartNs[node] = (raw.startNs[node] as number) + (deltaNs[node] as number);
  }
  return { adjustedStartNs, deltaNs, skewSource, adjustedNodes: Int32Array.from(adjusted) };
}

/** Node windows after the adjustment, for the critical path, self time and statistics. */
export function adjustedNodeTimes(tree: SpanTree, skew: ClockSkewAdjustment): NodeTimes {
  return computeNodeTimes(tree, skew.deltaNs);
}

const SERVER_KIND = SPAN_KINDS.indexOf('server');
const CLIENT_KIND = SPAN_KINDS.indexOf('client');

function isDetectable(trace: TraceTable, node: number, p: number): boolean {
  return (
    trace.kindCode[node] === SERVER_KIND &&
    trace.kindCode[p] === CLIENT_KIND &&
    (trace.durationNs[node] as number) >= 0 &&
    (trace.durationNs[p] as number) >= 0
  );
}

/** Jaeger's `calculateSkew`: the shift that puts the child inside its (adjusted) parent. */
function skewOf(raw: NodeTimes, node: number, parentStart: number, parentEnd: number): number {
  const childStart = raw.startNs[node] as number;
  const childEnd = raw.endNs[node] as number;
  const parentDuration = parentEnd - parentStart;
  const childDuration = childEnd - childStart;
  if (childDuration > parentDuration) {
    return childStart < parentStart ? parentStart - childStart : 0;
  }
  if (childStart >= parentStart && childEnd <= parentEnd) return 0;
  const latency = Math.floor((parentDuration - childDuration) / 2);
  return parentStart + latency - childStart;
}

/** One host key per resource: its host attribute, else its service name. */
function hostKeys(trace: TraceTable): string[] {
  return trace.resources.map((resource) => {
    for (const key of HOST_KEYS) {
      const value = findAttribute(resource.attributes, key);
      if (value !== undefined) return `host:${formatAttributeValue(value)}`;
    }
    return `service:${resource.serviceName}`;
  });
}
