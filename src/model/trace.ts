/**
 * Tracefall's own trace model. Every source adapter converts its backend's payload into these
 * types; nothing outside src/sources ever sees raw backend JSON.
 *
 * Time: absolute times would need more than 53 bits at nanosecond precision (ns since epoch is
 * ~1.7e18), so a trace keeps one absolute origin (`startEpochUs`, µs since epoch, enough for
 * display) and every span time is a `Nanos` offset from that origin. Offsets and durations are
 * exact up to ~104 days. Units are branded so ns, µs and ms cannot be mixed by accident; all
 * conversions live in this file.
 */

import type { LlmLogRecord } from './llm/gen-ai-logs';

export type Nanos = number & { readonly __unit: 'ns' };
export type EpochMicros = number & { readonly __unit: 'epoch-us' };

export const asNanos = (value: number): Nanos => value as Nanos;
export const asEpochMicros = (value: number): EpochMicros => value as EpochMicros;
export const ZERO_NS = 0 as Nanos;

export function microsToNanos(us: number): Nanos {
  return (us * 1000) as Nanos;
}

export function millisToNanos(ms: number): Nanos {
  return (ms * 1_000_000) as Nanos;
}

export function nanosToMillis(ns: Nanos): number {
  return ns / 1_000_000;
}

export function nanosToMicros(ns: Nanos): number {
  return ns / 1000;
}

/** Absolute time of an offset, in ms since epoch (for Date and display). */
export function offsetToEpochMillis(trace: Pick<Trace, 'startEpochUs'>, offset: Nanos): number {
  return trace.startEpochUs / 1000 + offset / 1_000_000;
}

/** Attribute values keep their wire types; int64 stays a decimal string to keep precision. */
export type AttributeValue =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'int'; readonly value: string }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'binary'; readonly value: string }
  | { readonly type: 'array'; readonly value: readonly AttributeValue[] }
  | { readonly type: 'map'; readonly value: readonly Attribute[] }
  | { readonly type: 'empty' };

export interface Attribute {
  readonly key: string;
  readonly value: AttributeValue;
}

export type SpanKind = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';
export type StatusCode = 'unset' | 'ok' | 'error';

export interface SpanStatus {
  readonly code: StatusCode;
  readonly message?: string;
}

export interface SpanEvent {
  readonly name: string;
  /** Offset from the trace origin. */
  readonly timeNs: Nanos;
  readonly attributes: readonly Attribute[];
}

/**
 * A relation to another span. `child_of` and `follows_from` are Jaeger references (OTLP
 * `parentSpanId` becomes a `child_of`); `link` is an OTLP span link, which never makes a parent.
 * Ids are kept as the source sent them, normalised only by `normalizeSpanId`.
 */
export interface SpanReference {
  readonly type: 'child_of' | 'follows_from' | 'link';
  readonly traceId: string;
  readonly spanId: string;
  readonly attributes: readonly Attribute[];
}

export interface Resource {
  readonly serviceName: string;
  readonly attributes: readonly Attribute[];
}

export interface InstrumentationScope {
  readonly name: string;
  readonly version?: string;
}

export interface Span {
  /**
   * Unique within the trace. Equals the id the backend sent, except for duplicates, which the
   * tree builder renames (`<id>~2`) and reports; `sourceSpanId` then keeps the original.
   */
  readonly spanId: string;
  readonly sourceSpanId: string;
  readonly traceId: string;
  readonly name: string;
  readonly kind: SpanKind;
  readonly status: SpanStatus;
  /** Offset of the start from the trace origin. */
  readonly startNs: Nanos;
  /** `null` when the span never ended (end missing, zero or before start). */
  readonly durationNs: Nanos | null;
  /** Index into `Trace.resources`. */
  readonly resourceIndex: number;
  readonly scope?: InstrumentationScope;
  readonly attributes: readonly Attribute[];
  readonly events: readonly SpanEvent[];
  readonly references: readonly SpanReference[];
  /** Messages the backend attached to the span (Jaeger adjuster warnings and the like). */
  readonly warnings: readonly string[];
}

export interface Trace {
  /** Lowercase hex as the backend prints it (16 or 32 chars), or the opaque id it sent. */
  readonly traceId: string;
  readonly startEpochUs: EpochMicros;
  readonly spans: readonly Span[];
  readonly resources: readonly Resource[];
  /** Trace-level messages from the backend (Jaeger `warnings`, Tempo partial-result message). */
  readonly warnings: readonly string[];
}

export type ProblemKind =
  | 'missing-parent'
  | 'duplicate-span-id'
  | 'parent-cycle'
  | 'invalid-value'
  | 'no-end'
  | 'dropped-span'
  | 'partial-trace'
  | 'other';

/** One thing dropped or repaired while loading; the header counts them and lists them. */
export interface Problem {
  readonly kind: ProblemKind;
  readonly message: string;
  readonly spanId?: string;
}

/** What every adapter returns: the trace and everything it had to repair or drop. */
export interface ParsedTrace {
  readonly trace: Trace;
  readonly problems: readonly Problem[];
  /**
   * OTLP log records that belong to the trace's spans (OTel GenAI instrumentation puts prompt
   * and completion content there); only sources that have them set this.
   */
  readonly logs?: readonly LlmLogRecord[];
}

/** Lowercase; strips nothing else. Ids are opaque strings and may not be hex at all. */
export function normalizeSpanId(id: string): string {
  return id.toLowerCase();
}

const HEX_RE = /^[0-9a-f]+$/;

/**
 * Key for comparing ids from different encodings of the same backend: lowercase hex is
 * left-padded to 16 (span) or 32 (trace) chars so `4b52eb0cabcb50a` matches `04b52eb0cabcb50a`.
 */
export function spanIdKey(id: string): string {
  const lower = id.toLowerCase();
  return HEX_RE.test(lower) && lower.length < 16 ? lower.padStart(16, '0') : lower;
}

export function traceIdKey(id: string): string {
  const lower = id.toLowerCase();
  return HEX_RE.test(lower) && lower.length <= 32 ? lower.padStart(32, '0') : lower;
}

export function serviceOf(
  trace: { readonly resources: readonly Resource[] },
  span: { readonly resourceIndex: number },
): string {
  return trace.resources[span.resourceIndex]?.serviceName ?? 'unknown_service';
}

/** End offset of a span; an unfinished span runs to `fallbackEnd` (usually the trace end). */
export function spanEndNs(span: Span, fallbackEnd: Nanos): Nanos {
  return span.durationNs === null ? fallbackEnd : ((span.startNs + span.durationNs) as Nanos);
}

/** Offset of the latest end of any span (unfinished spans count by their start). */
export function traceDurationNs(trace: Trace): Nanos {
  let end = 0;
  for (const span of trace.spans) {
    const spanEnd = span.startNs + (span.durationNs ?? 0);
    if (spanEnd > end) end = spanEnd;
  }
  return end as Nanos;
}

export function isErrorSpan(span: Span): boolean {
  return span.status.code === 'error';
}

/** Renders an attribute value as the text a user sees (and copies). */
export function formatAttributeValue(value: AttributeValue): string {
  switch (value.type) {
    case 'string':
    case 'int':
    case 'binary':
      return value.value;
    case 'bool':
      return value.value ? 'true' : 'false';
    case 'float':
      return String(value.value);
    case 'empty':
      return '';
    case 'array':
    case 'map':
      return JSON.stringify(attributeValueToJson(value));
  }
}

/** Plain JSON for arrays and maps (built iteratively-safe: depth is bounded by the adapters). */
export function attributeValueToJson(value: AttributeValue): unknown {
  switch (value.type) {
    case 'array':
      return value.value.map(attributeValueToJson);
    case 'map': {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const entry of value.value) out[entry.key] = attributeValueToJson(entry.value);
      return out;
    }
    case 'empty':
      return null;
    default:
      return value.value;
  }
}

export function findAttribute(
  attributes: readonly Attribute[],
  key: string,
): AttributeValue | undefined {
  for (const attribute of attributes) if (attribute.key === key) return attribute.value;
  return undefined;
}
