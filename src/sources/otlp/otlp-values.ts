/**
 * Shared readers for OTLP/JSON in all its real-world encodings (spec hex ids and integer
 * enums; gogo-jsonpb base64 ids and enum names from Tempo and old Jaeger v3): ids, AnyValue,
 * KeyValue lists, and the problem sink every reader reports to. None of these throw.
 */
import type { Attribute, AttributeValue, Problem, ProblemKind } from '../../model/trace';

/** Problems kept per trace; the rest are counted in one summary problem so hostile input stays small. */
export const MAX_PROBLEMS = 1000;
/** Deepest arrayValue/kvlistValue nesting converted; deeper values become `empty`. */
export const MAX_VALUE_DEPTH = 32;

/** Collects problems, keeping at most `MAX_PROBLEMS` and counting the ones left out. */
export class ProblemSink {
  private readonly kept: Problem[] = [];
  private omitted = 0;

  add(kind: ProblemKind, message: string, spanId?: string): void {
    if (this.kept.length >= MAX_PROBLEMS) {
      this.omitted++;
      return;
    }
    this.kept.push(spanId === undefined ? { kind, message } : { kind, message, spanId });
  }

  /** The kept problems, plus one `other` problem saying how many were left out. */
  list(): Problem[] {
    if (this.omitted === 0) return [...this.kept];
    const summary = `${this.omitted} more problems were not listed`;
    return [...this.kept, { kind: 'other', message: summary }];
  }
}

/** Where a value sits, for problem messages. */
export interface ValueContext {
  readonly sink: ProblemSink;
  readonly spanId?: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** proto3 JSON treats `null` like an absent field. */
export function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

/** Short, bounded rendering of a bad value for a problem message. */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
  } catch {
    text = typeof value;
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function reportInvalid(ctx: ValueContext, what: string, value: unknown): void {
  ctx.sink.add('invalid-value', `${what} has an invalid value ${describeValue(value)}`, ctx.spanId);
}

const INT64_RE = /^[-+]?\d{1,20}$/;
const SPECIAL_DOUBLES: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

function readInt(raw: unknown): string | null {
  if (typeof raw === 'number' && Number.isInteger(raw)) return BigInt(raw).toString();
  if (typeof raw === 'string' && INT64_RE.test(raw)) return BigInt(raw).toString();
  return null;
}

function readDouble(raw: unknown): number | null {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string') return null;
  const special = Object.hasOwn(SPECIAL_DOUBLES, raw) ? SPECIAL_DOUBLES[raw] : undefined;
  if (special !== undefined) return special;
  const parsed = raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isFinite(parsed) ? parsed : null;
}

/** A wrongly typed scalar keeps its text as a string attribute, so nothing disappears. */
function fallbackString(raw: unknown, what: string, ctx: ValueContext): AttributeValue {
  reportInvalid(ctx, what, raw);
  return { type: 'string', value: typeof raw === 'string' ? raw : describeValue(raw) };
}

function readScalar(
  v: Record<string, unknown>,
  what: string,
  ctx: ValueContext,
): AttributeValue | undefined {
  const { stringValue, boolValue, intValue, doubleValue, bytesValue } = v;
  if (!isAbsent(stringValue)) {
    if (typeof stringValue === 'string') return { type: 'string', value: stringValue };
    return fallbackString(stringValue, what, ctx);
  }
  if (!isAbsent(boolValue)) {
    if (typeof boolValue === 'boolean') return { type: 'bool', value: boolValue };
    return fallbackString(boolValue, what, ctx);
  }
  if (!isAbsent(intValue)) {
    const int = readInt(intValue);
    return int === null ? fallbackString(intValue, what, ctx) : { type: 'int', value: int };
  }
  if (!isAbsent(doubleValue)) {
    const double = readDouble(doubleValue);
    if (double !== null) return { type: 'float', value: double };
    return fallbackString(doubleValue, what, ctx);
  }
  if (!isAbsent(bytesValue)) {
    if (typeof bytesValue === 'string') return { type: 'binary', value: bytesValue };
    return fallbackString(bytesValue, what, ctx);
  }
  return undefined;
}

function readValueList(raw: unknown, what: string, ctx: ValueContext): unknown[] {
  if (isAbsent(raw)) return [];
  const values = isRecord(raw) ? raw.values : undefined;
  if (Array.isArray(values)) return values;
  if (!isRecord(raw) || !isAbsent(values)) reportInvalid(ctx, what, raw);
  return [];
}

/**
 * Converts an OTLP AnyValue. `{}` (or no value) is `empty`; int64 stays a decimal string;
 * "NaN"/"Infinity" doubles are accepted; bytes stay base64 text. Nesting deeper than
 * `MAX_VALUE_DEPTH` becomes `empty` with a problem, so hostile input cannot blow the stack.
 */
export function convertAnyValue(
  raw: unknown,
  what: string,
  ctx: ValueContext,
  depth = 0,
): AttributeValue {
  if (isAbsent(raw)) return { type: 'empty' };
  if (!isRecord(raw)) return fallbackString(raw, what, ctx);
  const scalar = readScalar(raw, what, ctx);
  if (scalar !== undefined) return scalar;
  if (isAbsent(raw.arrayValue) && isAbsent(raw.kvlistValue)) return { type: 'empty' };
  if (depth >= MAX_VALUE_DEPTH) {
    ctx.sink.add(
      'invalid-value',
      `${what} nests deeper than ${MAX_VALUE_DEPTH} levels`,
      ctx.spanId,
    );
    return { type: 'empty' };
  }
  if (!isAbsent(raw.arrayValue)) {
    const items = readValueList(raw.arrayValue, what, ctx);
    const value = items.map((item) => convertAnyValue(item, what, ctx, depth + 1));
    return { type: 'array', value };
  }
  const entries = readValueList(raw.kvlistValue, what, ctx);
  return { type: 'map', value: convertKeyValues(entries, what, ctx, depth + 1) };
}

function convertKeyValues(
  entries: readonly unknown[],
  what: string,
  ctx: ValueContext,
  depth: number,
): Attribute[] {
  const out: Attribute[] = [];
  for (const entry of entries) {
    if (!isRecord(entry) || typeof entry.key !== 'string') {
      reportInvalid(ctx, `an entry of ${what}`, entry);
      continue;
    }
    const value = convertAnyValue(entry.value, `${what} "${entry.key}"`, ctx, depth);
    out.push({ key: entry.key, value });
  }
  return out;
}

/** Converts a KeyValue list (`attributes`); a non-array is reported and read as `[]`. */
export function convertAttributes(raw: unknown, what: string, ctx: ValueContext): Attribute[] {
  if (isAbsent(raw)) return [];
  if (!Array.isArray(raw)) {
    reportInvalid(ctx, what, raw);
    return [];
  }
  return convertKeyValues(raw, what, ctx, 0);
}

/** Reads an optional string field; a wrong type is reported and read as undefined. */
export function readOptionalString(
  raw: unknown,
  what: string,
  ctx: ValueContext,
): string | undefined {
  if (isAbsent(raw)) return undefined;
  if (typeof raw === 'string') return raw;
  reportInvalid(ctx, what, raw);
  return undefined;
}

/** Reads an array field; absent → `[]`, a non-array is reported and read as `[]`. */
export function readArray(raw: unknown, what: string, ctx: ValueContext): readonly unknown[] {
  if (isAbsent(raw)) return [];
  if (Array.isArray(raw)) return raw;
  reportInvalid(ctx, what, raw);
  return [];
}
