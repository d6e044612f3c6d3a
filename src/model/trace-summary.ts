import type { SpanTree } from './span-tree';
import { isErrorSpan, serviceOf, type EpochMicros, type Nanos } from './trace';

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
  const services = new Set<string>();
  let errorCount = 0;
  for (const span of trace.spans) {
    services.add(serviceOf(trace, span));
    if (isErrorSpan(span)) errorCount++;
  }
  let maxDepth = 0;
  for (let node = 0; node < tree.nodeCount; node++) {
    const depth = tree.depth[node] ?? 0;
    if (depth > maxDepth) maxDepth = depth;
  }
  const rootSpan = pickRootSpan(tree);
  return {
    rootService: rootSpan ? serviceOf(trace, rootSpan) : 'unknown_service',
    rootName: rootSpan?.name ?? '(no spans)',
    startEpochUs: trace.startEpochUs,
    durationNs: tree.endNs,
    spanCount: trace.spans.length,
    serviceCount: services.size,
    errorCount,
    maxDepth,
  };
}

function pickRootSpan(tree: SpanTree) {
  const spans = tree.trace.spans;
  for (const node of tree.roots) {
    if (node < spans.length) return spans[node];
  }
  // Every root is a placeholder: name the trace after the earliest span, in pre-order.
  for (const node of tree.preorder) {
    if (node < spans.length) return spans[node];
  }
  return undefined;
}
