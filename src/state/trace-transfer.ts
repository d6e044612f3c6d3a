/**
 * What crosses from the trace worker to the page, and back into model objects there. Payloads
 * are plain data: typed arrays, strings, plain objects. The raw payload chunks are transferred
 * (moved, not copied); the columns are copied, because the worker keeps filtering with them.
 *
 * Functions and Maps do not cross: `CriticalPath.reason`, the span records and `nodeById` are
 * rebuilt here (`nodeById` only when first used: a Map of 100,000 ids is not free).
 */
import { reviveCriticalPath, type CriticalPath } from '../model/critical-path';
import type { LlmCall, TraceLlm } from '../model/llm/llm-call';
import type { SpanFacets } from '../model/search';
import type { SpanRecords, TraceTable } from '../model/span-table';
import type { SpanTree } from '../model/span-tree';
import type { Span } from '../model/trace';
import { jaegerByteRecords, type JaegerSpanBytes } from '../sources/jaeger/jaeger-bytes';
import { PackedChunks } from '../sources/jaeger/packed-chunks';
import type { BaseData, DerivedData } from './trace-session';

/**
 * Full span records as a loader produced them: the payload's bytes (decoded per span), or the
 * adapter's objects. The objects cross to the page as one JSON text per span (`json`): cloning
 * thousands of nested objects costs the page tens of ms, strings almost nothing, and a span is
 * decoded only when the page reads it.
 */
export type RecordsPayload =
  | { readonly kind: 'bytes'; readonly bytes: JaegerSpanBytes }
  | { readonly kind: 'objects'; readonly spans: readonly Span[] }
  | { readonly kind: 'json'; readonly spans: readonly string[] };

/**
 * Records as they cross to the page. The adapter's objects go as JSON text, in a message of
 * their own after the first rows are painted (`later` in the base data): writing that text is
 * the slowest part of the base data, and no row needs it.
 */
export type TransferredRecords =
  Exclude<RecordsPayload, { readonly kind: 'objects' }> | { readonly kind: 'later' };

/** Records that come after the base data (`later`): readable once `fill` has been called. */
class LaterRecords implements SpanRecords {
  private records: SpanRecords | undefined;
  private settle: () => void = () => undefined;
  pending: Promise<void> | undefined = new Promise((resolve) => {
    this.settle = resolve;
  });

  get(index: number): Span {
    if (!this.records) throw new Error('The span records of this trace are still loading.');
    return this.records.get(index);
  }

  fill(records: SpanRecords): void {
    if (this.records) return;
    this.records = records;
    this.pending = undefined;
    this.settle();
  }
}

export interface BasePayload {
  readonly table: Omit<TraceTable, 'records'>;
  readonly records: TransferredRecords;
  readonly tree: Omit<SpanTree, 'trace' | 'nodeById'>;
  readonly summary: BaseData['summary'];
  readonly problems: BaseData['problems'];
  readonly logs: BaseData['logs'];
}

export interface DerivedPayload {
  /** Calls and facets of the nodes that have one: `[node, value]` (most nodes have none). */
  readonly calls: readonly (readonly [number, LlmCall])[];
  readonly facets: readonly (readonly [number, SpanFacets])[];
  readonly llm: Omit<TraceLlm, 'calls'>;
  readonly criticalPath: Omit<CriticalPath, 'reason'>;
  readonly selfTimesNs: Float64Array;
  readonly skew: DerivedData['skew'];
  readonly llmRollup: DerivedData['llmRollup'];
}

/**
 * The base data as a message; `transfer` lists the buffers to move. An adapter's records are
 * left for `packRecords` (`later`), sent once the first rows show.
 */
export function packBase(
  base: BaseData,
  records: RecordsPayload,
): { payload: BasePayload; transfer: ArrayBuffer[]; later?: readonly Span[] } {
  const { records: _records, ...table } = base.tree.trace;
  const { trace: _trace, nodeById: _nodeById, ...tree } = base.tree;
  const transfer =
    records.kind === 'bytes' ? uniqueBuffers(records.bytes.chunks.map((c) => c.buffer)) : [];
  const payload: BasePayload = {
    table,
    records: records.kind === 'objects' ? { kind: 'later' } : records,
    tree,
    summary: base.summary,
    problems: base.problems,
    logs: base.logs,
  };
  return records.kind === 'objects'
    ? { payload, transfer, later: records.spans }
    : { payload, transfer };
}

/** An adapter's records, sent after the base data (see `packBase`). */
export function packRecords(spans: readonly Span[]): TransferredRecords {
  return { kind: 'json', spans: spans.map(encodeSpan) };
}

/**
 * Gives a trace whose base data said `later` its records (from `packRecords`); anything
 * reading them waited on `SpanRecords.pending`.
 */
export function fillRecords(base: BaseData, records: TransferredRecords): void {
  const later = base.tree.trace.records;
  if (later instanceof LaterRecords) later.fill(reviveRecords(records));
}

function uniqueBuffers(buffers: readonly ArrayBufferLike[]): ArrayBuffer[] {
  return [...new Set(buffers)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

/**
 * The base data again. A raw payload is read through `PackedChunks`, handed to `onPayload` so
 * the page can pack it once the rows show (state/payload-packing.ts).
 */
export function reviveBase(
  payload: BasePayload,
  onPayload?: (payload: PackedChunks) => void,
): BaseData {
  const records = reviveRecords(payload.records, onPayload);
  const trace: TraceTable = { ...payload.table, records };
  const tree = { ...payload.tree, trace } as SpanTree;
  let nodeById: Map<string, number> | undefined;
  Object.defineProperty(tree, 'nodeById', {
    enumerable: true,
    get: () => (nodeById ??= indexIds(tree)),
  });
  return { tree, summary: payload.summary, problems: payload.problems, logs: payload.logs };
}

function reviveRecords(
  records: TransferredRecords,
  onPayload?: (payload: PackedChunks) => void,
): SpanRecords {
  switch (records.kind) {
    case 'bytes': {
      const packed = new PackedChunks(records.bytes.chunks);
      onPayload?.(packed);
      return jaegerByteRecords(records.bytes, packed);
    }
    case 'json': {
      const texts = records.spans;
      const decoded: (Span | undefined)[] = [];
      return { get: (index) => (decoded[index] ??= decodeSpan(texts[index] as string)) };
    }
    case 'later':
      return new LaterRecords();
  }
}

/**
 * JSON for one span record, exact for what JSON alone would bend: non-finite numbers (a hostile
 * float attribute) become `"\0n<number>"`, and strings that start with `\0` get one more, so
 * no string can pass for a number.
 */
export function encodeSpan(span: Span): string {
  // Plain JSON when it is exact (nearly always): no `null` it may have made of a non-finite
  // number, no NUL-led string. Otherwise the careful encoding.
  const plain = JSON.stringify(span);
  if (!NULL_VALUE.test(plain) && !plain.includes(ESCAPED_NUL)) return plain;
  return JSON.stringify(span, (_key, value: unknown) => {
    if (typeof value === 'number') return Number.isFinite(value) ? value : `\0n${value}`;
    if (typeof value === 'string' && value.startsWith('\0')) return `\0${value}`;
    return value;
  });
}

/** How JSON writes a NUL character inside a string. */
const ESCAPED_NUL = '\\u0000';
const NULL_VALUE = /[:,[]null[,\]}]/;

export function decodeSpan(text: string): Span {
  if (!text.includes(ESCAPED_NUL)) return JSON.parse(text) as Span;
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value !== 'string' || !value.startsWith('\0')) return value;
    return value[1] === 'n' ? Number(value.slice(2)) : value.slice(1);
  }) as Span;
}

/** Span id (after renaming) → node, placeholders by their missing id, as the builder's. */
function indexIds(tree: SpanTree): Map<string, number> {
  const byId = new Map<string, number>();
  const ids = tree.trace.spanIds;
  for (let i = 0; i < ids.length; i++) byId.set(ids[i] as string, i);
  tree.placeholders.forEach((p, k) => byId.set(p.spanId, ids.length + k));
  return byId;
}

export function packDerived(derived: DerivedData): DerivedPayload {
  const { calls, ...llm } = derived.llm;
  const { reason: _reason, ...criticalPath } = derived.criticalPath;
  return {
    calls: pairs(calls),
    facets: pairs(derived.facets),
    llm,
    criticalPath,
    selfTimesNs: derived.selfTimesNs,
    skew: derived.skew,
    llmRollup: derived.llmRollup,
  };
}

function pairs<T>(values: readonly (T | undefined)[]): [number, T][] {
  const out: [number, T][] = [];
  values.forEach((value, node) => value !== undefined && out.push([node, value]));
  return out;
}

export function reviveDerived(payload: DerivedPayload, nodeCount: number): DerivedData {
  return {
    llm: { ...payload.llm, calls: unpair(payload.calls, nodeCount) },
    facets: unpair(payload.facets, nodeCount),
    criticalPath: reviveCriticalPath(payload.criticalPath),
    selfTimesNs: payload.selfTimesNs,
    skew: payload.skew,
    llmRollup: payload.llmRollup,
  };
}

/** A sparse per-node array again (holes read as undefined; only a few nodes have a value). */
function unpair<T>(entries: readonly (readonly [number, T])[], length: number): (T | undefined)[] {
  const out: (T | undefined)[] = [];
  out.length = length;
  for (const [node, value] of entries) out[node] = value;
  return out;
}
