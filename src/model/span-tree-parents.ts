/**
 * First half of `buildSpanTree`: who is whose parent. Renames duplicate span ids, resolves each
 * span's parent reference, creates placeholders for missing parents and breaks cycles. The
 * second half (span-tree.ts) turns the parent array into sorted children lists and orders.
 */
import { REF_CHILD_OF, traceIdAt, type SpanRefs, type TraceTable } from './span-table';
import { breakCycles, markFollowsFromEdges } from './span-tree-edges';
import { asNanos, spanIdKey, traceIdKey, type Nanos, type Problem } from './trace';

/** Same shape as `MissingSpanPlaceholder` (declared here to keep imports one-way). */
interface Placeholder {
  readonly spanId: string;
  readonly startNs: Nanos;
  readonly endNs: Nanos;
}

export interface ParentLinks {
  /** The table with duplicate span ids renamed. */
  readonly table: TraceTable;
  readonly nodeById: Map<string, number>;
  readonly placeholders: Placeholder[];
  /** Parent node of every node (spans, then placeholders); -1 for roots. */
  readonly parent: Int32Array;
  /** 1 where a span hangs under its parent through a follows_from reference. */
  readonly followsFromEdge: Uint8Array;
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

/** One span's view of its references while choosing a parent. */
interface RefContext {
  readonly refs: SpanRefs;
  readonly traceId: string;
  readonly traceKey: string;
}

/** True when reference `r` points into the span's own trace (an empty trace id means "this one"). */
function isSameTrace(ctx: RefContext, r: number): boolean {
  const refTrace = ctx.refs.refTraceId[r] ?? '';
  return refTrace === '' || refTrace === ctx.traceId || traceIdKey(refTrace) === ctx.traceKey;
}

/** See `buildSpanTree` for the rules. O(n) apart from Map operations. */
export function resolveParents(input: TraceTable, refs: SpanRefs): ParentLinks {
  const problems: Problem[] = [];
  const { table, nodeById, firstByKey } = indexSpanIds(input, problems);
  const n = table.count;
  const missing = new MissingParents(table, nodeById);
  const lookup = new IdLookup(firstByKey);
  const spanParent = new Int32Array(n);
  const followsFromEdge = new Uint8Array(n);
  let lastTraceIndex = -1;
  let ctx: RefContext = { refs, traceId: '', traceKey: '' };
  for (let i = 0; i < n; i++) {
    const traceIndex = table.traceIdIndex[i] as number;
    if (traceIndex !== lastTraceIndex) {
      lastTraceIndex = traceIndex;
      const traceId = traceIdAt(table, i);
      ctx = { refs, traceId, traceKey: traceIdKey(traceId) };
    }
    const choice = chooseParent(i, ctx, lookup);
    if (choice >= 0) spanParent[i] = choice;
    else if (choice === NO_PARENT) spanParent[i] = -1;
    else spanParent[i] = missing.attach(i, -choice - 2, ctx, problems);
  }
  missing.registerIds();
  breakCycles(table, spanParent, problems);
  const placeholders = missing.placeholders;
  const parent = new Int32Array(n + placeholders.length).fill(-1);
  parent.set(spanParent);
  markFollowsFromEdges(table, refs, parent, followsFromEdge);
  return { table, nodeById, placeholders, parent, followsFromEdge, problems };
}

/**
 * Maps ids to nodes and renames duplicates (`<id>~2`, …; same `spanIdKey` counts as the same
 * id). `firstByKey` maps each id key to its first span, for resolving references.
 */
function indexSpanIds(input: TraceTable, problems: Problem[]) {
  const ids = input.spanIds;
  const firstByKey = new Map<string, number>();
  let isCanonical = true;
  // Backwards, so the first copy of a repeated key wins with one Map operation per span.
  for (let i = ids.length - 1; i >= 0; i--) {
    const id = ids[i] as string;
    const key = fastSpanIdKey(id);
    if (key !== id) isCanonical = false;
    firstByKey.set(key, i);
  }
  const duplicates: number[] = [];
  if (firstByKey.size < ids.length) {
    for (let i = 0; i < ids.length; i++) {
      if (firstByKey.get(fastSpanIdKey(ids[i] as string)) !== i) duplicates.push(i);
    }
  }
  if (isCanonical && duplicates.length === 0) {
    return { table: input, nodeById: firstByKey, firstByKey };
  }
  // Ids differ from their keys or repeat: index the exact ids separately, then rename.
  const nodeById = new Map<string, number>();
  for (const [, i] of firstByKey) nodeById.set(ids[i] as string, i);
  if (duplicates.length === 0) return { table: input, nodeById, firstByKey };
  // A new name must not clash with any id, exactly or by key (`A~2` would shadow `a~2`).
  const isTaken = (id: string) => nodeById.has(id) || firstByKey.has(fastSpanIdKey(id));
  const renamed = ids.slice();
  const copies = new Map<string, number>();
  for (const i of duplicates) {
    const original = ids[i] as string;
    const key = fastSpanIdKey(original);
    let copy = (copies.get(key) ?? 1) + 1;
    while (isTaken(`${original}~${copy}`)) copy++;
    copies.set(key, copy);
    const spanId = `${original}~${copy}`;
    nodeById.set(spanId, i);
    renamed[i] = spanId;
    problems.push({
      kind: 'duplicate-span-id',
      message: `span id ${original} appears more than once; this copy is shown as ${spanId}`,
      spanId,
    });
  }
  const table: TraceTable = { ...input, spanIds: renamed };
  return { table, nodeById, firstByKey };
}

const NO_PARENT = -1;

/**
 * Parent node of span `i` (≥ 0), `NO_PARENT` for a root, or `-(r + 2)` for reference `r` to a
 * missing parent. Order of preference: existing child_of, existing follows_from (both in the
 * span's trace), then the missing ones in the same order, same trace before other traces.
 */
function chooseParent(i: number, ctx: RefContext, lookup: IdLookup): number {
  const { refs } = ctx;
  const from = refs.refStart[i] as number;
  const to = refs.refStart[i + 1] as number;
  if (from === to) return NO_PARENT;
  let follows = -1;
  let missing = -1;
  let missingRank = 4;
  for (let r = from; r < to; r++) {
    const isChildOf = refs.refType[r] === REF_CHILD_OF;
    const isSame = isSameTrace(ctx, r);
    const node = isSame ? lookup.find(refs.refSpanId[r] as string) : undefined;
    if (node !== undefined && isChildOf) return node;
    if (node !== undefined) {
      if (follows < 0) follows = node;
      continue;
    }
    const rank = (isSame ? 0 : 2) + (isChildOf ? 0 : 1);
    if (rank < missingRank) [missing, missingRank] = [r, rank];
  }
  if (follows >= 0) return follows;
  return missing >= 0 ? -missing - 2 : NO_PARENT;
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
    private readonly table: TraceTable,
    private readonly nodeById: Map<string, number>,
  ) {}

  /** Attaches span `i` under the placeholder for reference `r`; returns the placeholder's node. */
  attach(i: number, r: number, ctx: RefContext, problems: Problem[]): number {
    const refSpanId = ctx.refs.refSpanId[r] as string;
    const refTraceId = ctx.refs.refTraceId[r] as string;
    const isSame = isSameTrace(ctx, r);
    const spanKey = fastSpanIdKey(refSpanId);
    const key = isSame ? `s:${spanKey}` : `x:${traceIdKey(refTraceId)}\u0000${spanKey}`;
    const start = this.table.startNs[i] as number;
    const duration = this.table.durationNs[i] as number;
    const end = start + (duration < 0 ? 0 : duration);
    let k = this.byKey.get(key);
    if (k === undefined) {
      k = this.placeholders.length;
      this.byKey.set(key, k);
      const spanId = this.freeId(refSpanId, refTraceId, isSame);
      this.placeholders.push({ spanId, startNs: asNanos(start), endNs: asNanos(end) });
    } else {
      const old = this.placeholders[k] as Placeholder;
      this.placeholders[k] = {
        spanId: old.spanId,
        startNs: start < old.startNs ? asNanos(start) : old.startNs,
        endNs: end > old.endNs ? asNanos(end) : old.endNs,
      };
    }
    problems.push({
      kind: 'missing-parent',
      message: isSame
        ? `parent span ${refSpanId} is not in the trace`
        : `parent span ${refSpanId} is in another trace (${refTraceId})`,
      spanId: this.table.spanIds[i] as string,
    });
    return this.table.count + k;
  }

  /**
   * Adds the placeholders to `nodeById`. Done after all parents are chosen, because in the
   * common case `nodeById` is also the map references are resolved against.
   */
  registerIds(): void {
    for (let k = 0; k < this.placeholders.length; k++) {
      this.nodeById.set((this.placeholders[k] as Placeholder).spanId, this.table.count + k);
    }
  }

  /** The placeholder's id: the missing id (`trace/span` across traces), unique among nodes. */
  private freeId(spanId: string, traceId: string, isSame: boolean): string {
    let id = isSame ? spanId : `${traceId}/${spanId}`;
    while (this.nodeById.has(id) || this.ids.has(id)) id = `${id}~missing`;
    this.ids.add(id);
    return id;
  }
}
