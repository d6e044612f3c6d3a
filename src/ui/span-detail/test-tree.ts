/**
 * Test-only: a small hand-built SpanTree, so these tests do not depend on buildSpanTree.
 * `parentOf` maps a span id to its parent id; an id that is not a span becomes a placeholder.
 */
import type { MissingSpanPlaceholder, SpanTree } from '../../model/span-tree';
import { tableFromTrace } from '../../model/span-table';
import type { Attribute, Span, Trace } from '../../model/trace';
import { asEpochMicros, asNanos } from '../../model/trace';

export const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

export function makeSpan(overrides: Partial<Span> & { spanId: string }): Span {
  return {
    sourceSpanId: overrides.spanId,
    traceId: TRACE_ID,
    name: `op-${overrides.spanId}`,
    kind: 'internal',
    status: { code: 'unset' },
    startNs: asNanos(0),
    durationNs: asNanos(1_000_000),
    resourceIndex: 0,
    attributes: [],
    events: [],
    references: [],
    warnings: [],
    ...overrides,
  };
}

export function str(key: string, value: string): Attribute {
  return { key, value: { type: 'string', value } };
}

export function makeTree(spans: Span[], parentOf: Record<string, string> = {}): SpanTree {
  const trace: Trace = {
    traceId: TRACE_ID,
    startEpochUs: asEpochMicros(1_700_000_000_000_000),
    spans,
    resources: [{ serviceName: 'checkout', attributes: [str('host.name', 'web-1')] }],
    warnings: [],
  };
  const nodeById = new Map<string, number>(spans.map((span, index) => [span.spanId, index]));
  const placeholders: MissingSpanPlaceholder[] = [];
  for (const parentId of Object.values(parentOf)) {
    if (nodeById.has(parentId)) continue;
    nodeById.set(parentId, spans.length + placeholders.length);
    placeholders.push({ spanId: parentId, startNs: asNanos(0), endNs: asNanos(5_000_000) });
  }
  const nodeCount = spans.length + placeholders.length;
  const parent = new Int32Array(nodeCount).fill(-1);
  spans.forEach((span, index) => {
    const parentId = parentOf[span.spanId];
    if (parentId !== undefined) parent[index] = nodeById.get(parentId) ?? -1;
  });
  const children: number[][] = Array.from({ length: nodeCount }, () => []);
  parent.forEach((p, n) => p >= 0 && children[p]?.push(n));
  const childStart = new Int32Array(nodeCount + 1);
  children.forEach((list, n) => (childStart[n + 1] = (childStart[n] ?? 0) + list.length));
  const roots = Int32Array.from(Array.from(parent).flatMap((p, n) => (p < 0 ? [n] : [])));
  return {
    trace: tableFromTrace(trace),
    nodeCount,
    placeholders,
    parent,
    followsFromEdge: new Uint8Array(nodeCount),
    childStart,
    childList: Int32Array.from(children.flat()),
    roots,
    depth: new Int32Array(nodeCount),
    preorder: Int32Array.from({ length: nodeCount }, (_, i) => i),
    descendantCount: new Int32Array(nodeCount),
    nodeById,
    endNs: asNanos(5_000_000),
    problems: [],
  };
}
