/**
 * Test-only: small hand-built traces for the timing algorithms (critical path, self time, clock
 * skew, statistics), built through the real `buildSpanTree`, plus readers of the results.
 */
import type { CriticalPath } from './critical-path';
import { buildSpanTree, nodeIdOf, type SpanTree } from './span-tree';
import {
  asEpochMicros,
  asNanos,
  type Attribute,
  type Resource,
  type Span,
  type SpanKind,
  type SpanReference,
} from './trace';

const TRACE_ID = '5b8aa5a2d2c872e8321cf37308d69df2';

export interface SpanSpec {
  readonly id: string;
  /** Parent id; one that is not a span becomes a placeholder. */
  readonly parent?: string;
  readonly start: number;
  /** `null`: the span never ended. */
  readonly duration: number | null;
  readonly kind?: SpanKind;
  /** How the span names its parent (default child_of). */
  readonly ref?: SpanReference['type'];
  /** Index into the resources passed to `timingTree` (default 0). */
  readonly resource?: number;
  readonly name?: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly isError?: boolean;
}

const DEFAULT_RESOURCES: readonly Resource[] = [{ serviceName: 'svc', attributes: [] }];

export function specToSpan(spec: SpanSpec): Span {
  const attributes: Attribute[] = Object.entries(spec.attributes ?? {}).map(([key, value]) => ({
    key,
    value: { type: 'string', value },
  }));
  const references: SpanReference[] =
    spec.parent === undefined
      ? []
      : [{ type: spec.ref ?? 'child_of', traceId: TRACE_ID, spanId: spec.parent, attributes: [] }];
  return {
    spanId: spec.id,
    sourceSpanId: spec.id,
    traceId: TRACE_ID,
    name: spec.name ?? spec.id,
    kind: spec.kind ?? 'internal',
    status: { code: spec.isError ? 'error' : 'unset' },
    startNs: asNanos(spec.start),
    durationNs: spec.duration === null ? null : asNanos(spec.duration),
    resourceIndex: spec.resource ?? 0,
    attributes,
    events: [],
    references,
    warnings: [],
  };
}

/** A tree of the given spans, ids used as given (lowercase them: ids compare lowercased). */
export function timingTree(
  specs: readonly SpanSpec[],
  resources: readonly Resource[] = DEFAULT_RESOURCES,
): SpanTree {
  return buildSpanTree({
    traceId: TRACE_ID,
    startEpochUs: asEpochMicros(1_700_000_000_000_000),
    spans: specs.map(specToSpan),
    resources,
    warnings: [],
  });
}

export function nodeOf(tree: SpanTree, id: string): number {
  const node = tree.nodeById.get(id);
  if (node === undefined) throw new Error(`no node ${id}`);
  return node;
}

/** The path as `[id, start, end]` triples in time order. */
export function pathOf(tree: SpanTree, cp: CriticalPath): [string, number, number][] {
  const { node, startNs, endNs } = cp.sections;
  return Array.from(node, (n, i) => [nodeIdOf(tree, n), startNs[i] as number, endNs[i] as number]);
}

/** Reason per id, `null` for nodes on the path. */
export function reasonsOf(tree: SpanTree, cp: CriticalPath): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (let node = 0; node < tree.nodeCount; node++) out[nodeIdOf(tree, node)] = cp.reason(node);
  return out;
}
