import { isErrorAt, nameAt, serviceAt } from './span-table';
import type { SpanTree } from './span-tree';
import type { EpochMicros, Nanos } from './trace';

export interface TraceSummary {
  /** Root service and operation, e.g. `frontend: GET /dispatch`. */
  readonly rootService: string;
  readonly rootName: string;
  readonly startEpochUs: EpochMicros;
  readonly durationNs: Nanos;
  /** Span records as the backend sent them (duplicates count once per record). */
  readonly spanCount: number;
  readonly serviceCount: number;
  readonly errorCount: number;
  readonly maxDepth: number;
}

/**
 * Header figures of a trace. The name comes from the earliest real root span; when every root is
 * a placeholder (all parents missing) it comes from the earliest span overall.
 */
export function summarizeTrace(tree: SpanTree): TraceSummary {
  const { trace } = tree;
  const resourcesUsed = new Uint8Array(trace.resources.length);
  let errorCount = 0;
  for (let i = 0; i < trace.count; i++) {
    resourcesUsed[trace.resourceIndex[i] as number] = 1;
    if (isErrorAt(trace, i)) errorCount++;
  }
  const services = new Set<string>();
  resourcesUsed.forEach(
    (used, r) => used && services.add(trace.resources[r]?.serviceName ?? 'unknown_service'),
  );
  let maxDepth = 0;
  for (let node = 0; node < tree.nodeCount; node++) {
    const depth = tree.depth[node] ?? 0;
    if (depth > maxDepth) maxDepth = depth;
  }
  const rootSpan = pickRootSpan(tree);
  return {
    rootService: rootSpan === undefined ? 'unknown_service' : serviceAt(trace, rootSpan),
    rootName: rootSpan === undefined ? '(no spans)' : nameAt(trace, rootSpan),
    startEpochUs: trace.startEpochUs,
    durationNs: tree.endNs,
    spanCount: trace.count,
    serviceCount: services.size,
    errorCount,
    maxDepth,
  };
}

/** Node of the span that names the trace. */
function pickRootSpan(tree: SpanTree): number | undefined {
  const spanCount = tree.trace.count;
  for (const node of tree.roots) {
    if (node < spanCount) return node;
  }
  // Every root is a placeholder: name the trace after the earliest span, in pre-order.
  for (const node of tree.preorder) {
    if (node < spanCount) return node;
  }
  return undefined;
}
