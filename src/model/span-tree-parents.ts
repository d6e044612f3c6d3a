/**
 * First half of `buildSpanTree`: who is whose parent. Renames duplicate span ids, resolves each
 * span's parent reference, creates placeholders for missing parents and breaks cycles. The
 * second half (span-tree.ts) turns the parent array into sorted children lists and orders.
 */
import {
  asNanos,
  spanIdKey,
  traceIdKey,
  type Nanos,
  type Problem,
  type Span,
  type SpanReference,
  type Trace,
} from './trace';

/** Same shape as `MissingSpanPlaceholder` (declared here to keep imports one-way). */
interface Placeholder {
  readonly spanId: string;
  readonly startNs: Nanos;
  readonly endNs: Nanos;
}

export interface ParentLinks {
  readonly trace: Trace;
  readonly nodeById: Map<string, number>;
  readonly placeholders: Placeholder[];
  /** Parent node of every node (spans, then placeholders); -1 for roots. */
  readonly parent: Int32Array;
  readonly problems: Problem[];
}

/**
 * `spanIdKey` without the lowercase copy and regex for ids that are already keys (lowercase, and
 * 16+ hex digits or not hex at all), which is nearly all of them. Same result, always.
 */
export function fastSpanIdKey(id: string): string {
  let isHex = true;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return spanIdKey(id);
    if (isHex && !((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) isHex = false;
  }
  return isHex && id.length > 0 && id.length < 16 ? spanIdKey(id) : id;
}

/** True when a reference points into the span's own trace (an empty trace id means "this one"). */
function isSameTrace(ref: SpanReference, spanTraceId: string, spanTraceKey: string): boolean {
  return (
    ref.traceId === '' || ref.traceId === spanTraceId || traceIdKey(ref.traceId) === spanTraceKey
  );
}

/** See `buildSpanTree` for the rules. O(n) apart from Map operations. */
export function resolveParents(input: Trace): ParentLinks {
  const problems: Problem[] = [];
  const { trace, nodeById, firstByKey } = indexSpanIds(input, problems);
  const missing = new MissingParents(trace.spans, nodeById);
  const lookup = new IdLookup(firstByKey);
  const spanParent = new Int32Array(trace.spans.length);
  let lastTraceId: string | undefined;
  let lastTraceKey = '';
  for (let i = 0; i < trace.spans.length; i++) {
    const span = trace.spans[i] as Span;
    if (span.traceId !== lastTraceId) {
      lastTraceId = span.traceId;
      lastTraceKey = traceIdKey(span.traceId);
    }
    const choice = chooseParent(span, lastTraceKey, lookup);
    if (typeof choice === 'number') spanParent[i] = choice;
    else if (choice === undefined) spanParent[i] = -1;
    else spanParent[i] = missing.attach(i, choice, lastTraceKey, problems);
  }
  missing.registerIds();
  breakCycles(trace.spans, spanParent, problems);
  const placeholders = missing.placeholders;
  const parent = new Int32Array(trace.spans.length + placeholders.length).fill(-1);
  parent.set(spanParent);
  return { trace, nodeById, placeholders, parent, problems };
}

/**
 * Maps ids to nodes and renames duplicates (`<id>~2`, …; same `spanIdKey` counts as the same
 * id). `firstByKey` maps each id key to its first span, for resolving references.
 */
function indexSpanIds(input: Trace, problems: Problem[]) {
  const spans = input.spans;
  const firstByKey = new Map<string, number>();
  let isCanonical = true;
  // Backwards, so the first copy of a repeated key wins with one Map operation per span.
  for (let i = spans.length - 1; i >= 0; i--) {
    const id = (spans[i] as Span).spanId;
    const key = fastSpanIdKey(id);
    if (key !== id) isCanonical = false;
    firstByKey.set(key, i);
  }
  const duplicates: number[] = [];
  if (firstByKey.size < spans.length) {
    for (let i = 0; i < spans.length; i++) {
      if (firstByKey.get(fastSpanIdKey((spans[i] as Span).spanId)) !== i) duplicates.push(i);
    }
  }
  if (isCanonical && duplicates.length === 0) {
    return { trace: input, nodeById: firstByKey, firstByKey };
  }
  // Ids differ from their keys or repeat: index the exact ids separately, then rename.
  const nodeById = new Map<string, number>();
  for (const [, i] of firstByKey) nodeById.set((spans[i] as Span).spanId, i);
  if (duplicates.length === 0) return { trace: input, nodeById, firstByKey };
  // A new name must not clash with any id, exactly or by key (`A~2` would shadow `a~2`).
  const isTaken = (id: string) => nodeById.has(id) || firstByKey.has(fastSpanIdKey(id));
  const renamed = spans.slice();
  const copies = new Map<string, number>();
  for (const i of duplicates) {
    const span = spans[i] as Span;
    const key = fastSpanIdKey(span.spanId);
    let copy = (copies.get(key) ?? 1) + 1;
    while (isTaken(`${span.spanId}~${copy}`)) copy++;
    copies.set(key, copy);
    const spanId = `${span.spanId}~${copy}`;
    nodeById.set(spanId, i);
    renamed[i] = { ...span, spanId };
    problems.push({
      kind: 'duplicate-span-id',
      message: `span id ${span.spanId} appears more than once; this copy is shown as ${spanId}`,
      spanId,
    });
  }
  return { trace: { ...input, spans: renamed }, nodeById, firstByKey };
}

/**
 * Parent node of a span, `undefined` for a root, or the reference to a missing parent.
 * Order of preference: existing child_of, existing follows_from (both in the span's trace), then
 * the missing ones in the same order, same trace before other traces.
 */
function chooseParent(
  span: Span,
  traceKey: string,
  lookup: IdLookup,
): number | SpanReference | undefined {
  const refs = span.references;
  if (refs.length === 0) return undefined;
  let follows: number | undefined;
  let missing: SpanReference | undefined;
  let missingRank = 4;
  for (const ref of refs) {
    if (ref.type === 'link') continue;
    const isSame = isSameTrace(ref, span.traceId, traceKey);
    const node = isSame ? lookup.find(ref.spanId) : undefined;
    if (node !== undefined && ref.type === 'child_of') return node;
    if (node !== undefined) {
      follows ??= node;
      continue;
    }
    const rank = (isSame ? 0 : 2) + (ref.type === 'child_of' ? 0 : 1);
    if (rank < missingRank) [missing, missingRank] = [ref, rank];
  }
  return follows ?? missing;
}

/**
 * Span id → first node, remembering the last answer: siblings usually sit next to each other,
 * so consecutive spans often name the same parent and skip the Map (a hot spot at 1M spans).
 */
class IdLookup {
  private lastId: string | undefined;
  private lastNode: number | undefined;

  constructor(private readonly firstByKey: ReadonlyMap<string, number>) {}

  find(id: string): number | undefined {
    if (id !== this.lastId) {
      this.lastId = id;
      this.lastNode = this.firstByKey.get(fastSpanIdKey(id));
    }
    return this.lastNode;
  }
}

/** One placeholder per missing id; its window grows to cover each orphan attached to it. */
class MissingParents {
  readonly placeholders: Placeholder[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly ids = new Set<string>();

  constructor(
    private readonly spans: readonly Span[],
    private readonly nodeById: Map<string, number>,
  ) {}

  /** Attaches span `i` under the placeholder for `ref`; returns the placeholder's node. */
  attach(i: number, ref: SpanReference, traceKey: string, problems: Problem[]): number {
    const span = this.spans[i] as Span;
    const isSame = isSameTrace(ref, span.traceId, traceKey);
    const spanKey = fastSpanIdKey(ref.spanId);
    const key = isSame ? `s:${spanKey}` : `x:${traceIdKey(ref.traceId)}\u0000${spanKey}`;
    const end = span.startNs + (span.durationNs ?? 0);
    let k = this.byKey.get(key);
    if (k === undefined) {
      k = this.placeholders.length;
      this.byKey.set(key, k);
      const spanId = this.freeId(ref, isSame);
      this.placeholders.push({ spanId, startNs: span.startNs, endNs: asNanos(end) });
    } else {
      const old = this.placeholders[k] as Placeholder;
      this.placeholders[k] = {
        spanId: old.spanId,
        startNs: span.startNs < old.startNs ? span.startNs : old.startNs,
        endNs: end > old.endNs ? asNanos(end) : old.endNs,
      };
    }
    problems.push({
      kind: 'missing-parent',
      message: isSame
        ? `parent span ${ref.spanId} is not in the trace`
        : `parent span ${ref.spanId} is in another trace (${ref.traceId})`,
      spanId: span.spanId,
    });
    return this.spans.length + k;
  }

  /**
   * Adds the placeholders to `nodeById`. Done after all parents are chosen, because in the
   * common case `nodeById` is also the map references are resolved against.
   */
  registerIds(): void {
    for (let k = 0; k < this.placeholders.length; k++) {
      this.nodeById.set((this.placeholders[k] as Placeholder).spanId, this.spans.length + k);
    }
  }

  /** The placeholder's id: the missing id (`trace/span` across traces), unique among nodes. */
  private freeId(ref: SpanReference, isSame: boolean): string {
    let id = isSame ? ref.spanId : `${ref.traceId}/${ref.spanId}`;
    while (this.nodeById.has(id) || this.ids.has(id)) id = `${id}~missing`;
    this.ids.add(id);
    return id;
  }
}

/**
 * Parent links form a forest plus, in bad data, cycles (a span its own ancestor). Each span is
 * walked up once (state 1 = on the current walk, 2 = done); meeting a state-1 node closes a
 * cycle, whose earliest-starting span (then lowest index) is made a root.
 */
function breakCycles(spans: readonly Span[], parent: Int32Array, problems: Problem[]): void {
  const n = spans.length;
  const state = new Uint8Array(n);
  const path = new Int32Array(n);
  const pathPos = new Int32Array(n);
  for (let first = 0; first < n; first++) {
    if (state[first] !== 0) continue;
    let length = 0;
    let node = first;
    while (node >= 0 && node < n && state[node] === 0) {
      state[node] = 1;
      pathPos[node] = length;
      path[length++] = node;
      node = parent[node] as number;
    }
    if (node >= 0 && node < n && state[node] === 1) {
      const chosen = earliestInCycle(spans, path, pathPos[node] as number, length);
      problems.push({
        kind: 'parent-cycle',
        message: `span is its own ancestor (a cycle of ${length - (pathPos[node] as number)}); shown as a root`,
        spanId: (spans[chosen] as Span).spanId,
      });
      parent[chosen] = -1;
    }
    for (let p = 0; p < length; p++) state[path[p] as number] = 2;
  }
}

function earliestInCycle(
  spans: readonly Span[],
  path: Int32Array,
  from: number,
  to: number,
): number {
  let best = path[from] as number;
  for (let p = from + 1; p < to; p++) {
    const node = path[p] as number;
    const a = (spans[node] as Span).startNs;
    const b = (spans[best] as Span).startNs;
    if (a < b || (a === b && node < best)) best = node;
  }
  return best;
}
