import type { SpanTree } from '../../model/span-tree';
import { nodeIdOf } from '../../model/span-tree';
import type { SpanReference } from '../../model/trace';
import { normalizeSpanId, spanIdKey, traceIdKey } from '../../model/trace';

/**
 * Node of a span id in this tree, trying the id as sent, then lowercase, then zero-padded hex:
 * backends disagree on case and leading zeros (`4b52eb0cabcb50a` vs `04B52EB0CABCB50A`).
 */
export function findNodeBySpanId(tree: SpanTree, spanId: string): number | undefined {
  return (
    tree.nodeById.get(spanId) ??
    tree.nodeById.get(normalizeSpanId(spanId)) ??
    tree.nodeById.get(spanIdKey(spanId)) ??
    tree.nodeById.get(stripLeadingZeros(spanId.toLowerCase()))
  );
}

function stripLeadingZeros(id: string): string {
  return /^[0-9a-f]+$/.test(id) ? id.replace(/^0+(?=.)/, '') : id;
}

/** Where a reference leads, as the panel shows it. */
export interface ReferenceTarget {
  readonly isOtherTrace: boolean;
  /** Span id to select (the id as this tree knows it), or null when the span is not here. */
  readonly targetSpanId: string | null;
}

/** An empty trace id on a reference means "this trace" (Jaeger omits it on some paths). */
export function resolveReference(tree: SpanTree, reference: SpanReference): ReferenceTarget {
  const isOtherTrace =
    reference.traceId !== '' && traceIdKey(reference.traceId) !== traceIdKey(tree.trace.traceId);
  if (isOtherTrace) return { isOtherTrace, targetSpanId: null };
  const node = findNodeBySpanId(tree, reference.spanId);
  return {
    isOtherTrace,
    targetSpanId: node === undefined ? null : nodeIdOf(tree, node),
  };
}
