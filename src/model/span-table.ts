/**
 * The spans of a trace as columns: one typed array per field the bulk algorithms read (tree,
 * rows, critical path, statistics, minimap), and the full `Span` record only on demand. A
 * 100,000-span trace is a few megabytes of typed arrays instead of a million small objects, it
 * crosses from the worker to the page without copying object graphs, and attributes are decoded
 * only for the spans someone opens.
 *
 * Index `i` is the i-th span as the adapter listed it, as in `Trace.spans`.
 */
import { isLlmHintKey, isLlmHintScope } from './llm/llm-hints';
import type {
  EpochMicros,
  Nanos,
  Resource,
  Span,
  SpanKind,
  SpanReference,
  StatusCode,
  Trace,
} from './trace';

export const SPAN_KINDS: readonly SpanKind[] = [
  'unspecified',
  'internal',
  'server',
  'client',
  'producer',
  'consumer',
];
export const STATUS_CODES: readonly StatusCode[] = ['unset', 'ok', 'error'];
export const STATUS_ERROR = 2;
/** `durationNs` of a span that never ended. */
export const UNFINISHED = -1;
/** `flags` bit: the span may carry LLM attributes (see llm/llm-hints.ts); never set wrongly off. */
export const FLAG_LLM_HINT = 1;

/** Full span records, decoded on demand (from objects, or from the raw payload). */
export interface SpanRecords {
  /**
   * The record of span `index` as the adapter produced it (ids before duplicate renaming).
   * Throws while `pending` is set.
   */
  get(index: number): Span;
  /**
   * Set while the records are still on their way (the trace worker sends an adapter's records
   * after the first rows are painted); settles when `get` can be called, and is then removed.
   */
  readonly pending?: Promise<void>;
}

export interface SpanColumns {
  readonly count: number;
  /** Unique within the trace: duplicates renamed `<id>~2` by the tree builder. */
  readonly spanIds: readonly string[];
  /** The ids as the backend sent them (the same array when nothing was renamed). */
  readonly sourceSpanIds: readonly string[];
  readonly startNs: Float64Array;
  /** Duration in ns; `UNFINISHED` (-1) when the span never ended. */
  readonly durationNs: Float64Array;
  readonly resourceIndex: Int32Array;
  /** Index into `strings` of the span's name and of its trace id. */
  readonly nameIndex: Int32Array;
  readonly traceIdIndex: Int32Array;
  /** Interned names and trace ids. */
  readonly strings: readonly string[];
  /** Index into `SPAN_KINDS`, `STATUS_CODES`. */
  readonly kindCode: Uint8Array;
  readonly statusCode: Uint8Array;
  readonly flags: Uint8Array;
}

/** A trace as columns plus its records: what the span tree and everything above it reads. */
export interface TraceTable extends SpanColumns {
  readonly traceId: string;
  readonly startEpochUs: EpochMicros;
  readonly resources: readonly Resource[];
  readonly warnings: readonly string[];
  readonly records: SpanRecords;
}

/**
 * Parent candidates of every span, CSR: references of span `i` (child_of and follows_from only,
 * in the order sent) are `refStart[i] .. refStart[i + 1]`. Only the tree builder reads them.
 */
export interface SpanRefs {
  readonly refStart: Int32Array;
  /** 0 = child_of, 1 = follows_from. */
  readonly refType: Uint8Array;
  readonly refSpanId: readonly string[];
  /** The reference's trace id as sent ('' = the span's own trace). */
  readonly refTraceId: readonly string[];
}

export const REF_CHILD_OF = 0;
export const REF_FOLLOWS_FROM = 1;

/** Interns strings into one table, so a name repeated 100,000 times is stored once. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  intern(value: string): number {
    let at = this.index.get(value);
    if (at === undefined) {
      at = this.strings.push(value) - 1;
      this.index.set(value, at);
    }
    return at;
  }
}

const KIND_CODE = new Map(SPAN_KINDS.map((kind, code) => [kind, code]));
const STATUS_CODE = new Map(STATUS_CODES.map((status, code) => [status, code]));

export function kindCodeOf(kind: SpanKind): number {
  return KIND_CODE.get(kind) ?? 0;
}

export function statusCodeOf(code: StatusCode): number {
  return STATUS_CODE.get(code) ?? 0;
}

/** True when any attribute or the scope may make the span an LLM span (see llm-hints.ts). */
export function hasLlmHint(span: Span): boolean {
  if (span.scope && isLlmHintScope(span.scope.name)) return true;
  for (const attribute of span.attributes) if (isLlmHintKey(attribute.key)) return true;
  return false;
}

/** Columns of adapter output (spans as objects); the objects themselves are the records. */
export function tableFromTrace(trace: Trace): TraceTable {
  const { spans } = trace;
  const n = spans.length;
  const strings = new StringTable();
  const spanIds = spans.map((span) => span.spanId);
  const isRenamed = spans.some((span) => span.sourceSpanId !== span.spanId);
  const table = {
    count: n,
    spanIds,
    sourceSpanIds: isRenamed ? spans.map((span) => span.sourceSpanId) : spanIds,
    startNs: new Float64Array(n),
    durationNs: new Float64Array(n),
    resourceIndex: new Int32Array(n),
    nameIndex: new Int32Array(n),
    traceIdIndex: new Int32Array(n),
    strings: strings.strings,
    kindCode: new Uint8Array(n),
    statusCode: new Uint8Array(n),
    flags: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const span = spans[i] as Span;
    table.startNs[i] = span.startNs;
    table.durationNs[i] = span.durationNs ?? UNFINISHED;
    table.resourceIndex[i] = span.resourceIndex;
    table.nameIndex[i] = strings.intern(span.name);
    table.traceIdIndex[i] = strings.intern(span.traceId);
    table.kindCode[i] = kindCodeOf(span.kind);
    table.statusCode[i] = statusCodeOf(span.status.code);
    table.flags[i] = hasLlmHint(span) ? FLAG_LLM_HINT : 0;
  }
  return {
    ...table,
    traceId: trace.traceId,
    startEpochUs: trace.startEpochUs,
    resources: trace.resources,
    warnings: trace.warnings,
    records: { get: (index) => spans[index] as Span },
  };
}

/** The parent candidates of adapter output. */
export function refsFromTrace(trace: Trace): SpanRefs {
  const refStart = new Int32Array(trace.spans.length + 1);
  const refType: number[] = [];
  const refSpanId: string[] = [];
  const refTraceId: string[] = [];
  trace.spans.forEach((span, i) => {
    for (const ref of span.references) addRef(ref, refType, refSpanId, refTraceId);
    refStart[i + 1] = refType.length;
  });
  return { refStart, refType: Uint8Array.from(refType), refSpanId, refTraceId };
}

function addRef(ref: SpanReference, types: number[], spanIds: string[], traceIds: string[]) {
  if (ref.type === 'link') return;
  types.push(ref.type === 'child_of' ? REF_CHILD_OF : REF_FOLLOWS_FROM);
  spanIds.push(ref.spanId);
  traceIds.push(ref.traceId);
}

/** Name of span `i`. */
export function nameAt(table: SpanColumns, i: number): string {
  return table.strings[table.nameIndex[i] ?? -1] ?? '';
}

/** Trace id span `i` carries. */
export function traceIdAt(table: SpanColumns, i: number): string {
  return table.strings[table.traceIdIndex[i] ?? -1] ?? '';
}

export function serviceAt(table: TraceTable, i: number): string {
  return table.resources[table.resourceIndex[i] ?? -1]?.serviceName ?? 'unknown_service';
}

export function isErrorAt(table: SpanColumns, i: number): boolean {
  return table.statusCode[i] === STATUS_ERROR;
}

/** Duration of span `i`, `null` when it never ended (as `Span.durationNs`). */
export function durationAt(table: SpanColumns, i: number): Nanos | null {
  const ns = table.durationNs[i] ?? UNFINISHED;
  return ns < 0 ? null : (ns as Nanos);
}

export function kindAt(table: SpanColumns, i: number): SpanKind {
  return SPAN_KINDS[table.kindCode[i] ?? 0] ?? 'unspecified';
}

/** The full record of span `i`, with the (possibly renamed) id of the table. */
export function recordAt(table: TraceTable, i: number): Span {
  const span = table.records.get(i);
  const spanId = table.spanIds[i] ?? span.spanId;
  return span.spanId === spanId ? span : { ...span, spanId };
}

/** The trace as objects again (every record decoded): for exports, never for display. */
export function traceFromTable(table: TraceTable): Trace {
  const spans: Span[] = [];
  for (let i = 0; i < table.count; i++) spans.push(recordAt(table, i));
  return {
    traceId: table.traceId,
    startEpochUs: table.startEpochUs,
    spans,
    resources: table.resources,
    warnings: table.warnings,
  };
}
