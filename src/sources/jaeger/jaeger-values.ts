/**
 * Value-level conversion of Jaeger's "UI JSON" model: key-value tags, micro-second timestamps,
 * span kind and status. Jaeger sends everything as tags; this file decides what they mean while
 * keeping every tag as an attribute so the user still sees exactly what the backend sent.
 *
 * Leniency: `type` and the JSON type of `value` do not always agree (the anonymizer writes
 * `{"type":"bool","value":"true"}`; int64 beyond 2^53 arrives as a decimal string). A value that
 * fits its declared type after a lossless reading is accepted silently; one that does not is kept
 * with the type its JSON shape implies, and reported.
 */
import {
  findAttribute,
  type Attribute,
  type AttributeValue,
  type Problem,
  type SpanKind,
  type SpanStatus,
} from '../../model/trace';
import { isNestedDeeper, MAX_JSON_DEPTH, stringifySafely } from '../safe-json';

export const NO_ATTRIBUTES: readonly Attribute[] = Object.freeze([]);

const INT_RE = /^[+-]?\d+$/;
const FLOAT_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?Infinity$|^NaN$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An integer as an exact decimal string (a double beyond 2^53 is printed exactly as stored). */
function integerToDecimal(value: number): string {
  return Number.isSafeInteger(value) ? String(value + 0) : BigInt(value).toString();
}

/** Reads the value as its declared Jaeger type; `undefined` when that would lose or invent data. */
function readDeclared(type: string, value: unknown): AttributeValue | undefined {
  switch (type) {
    case 'string':
      if (typeof value === 'string') return { type: 'string', value };
      if (typeof value === 'number' || typeof value === 'boolean') {
        return { type: 'string', value: String(value) };
      }
      return undefined;
    case 'bool':
      return readBool(value);
    case 'int64':
      if (typeof value === 'number' && Number.isInteger(value)) {
        return { type: 'int', value: integerToDecimal(value) };
      }
      if (typeof value === 'string' && INT_RE.test(value.trim())) {
        return { type: 'int', value: BigInt(value.trim()).toString() };
      }
      return undefined;
    case 'float64':
      if (typeof value === 'number') return { type: 'float', value };
      if (typeof value === 'string' && FLOAT_RE.test(value.trim())) {
        return { type: 'float', value: Number(value.trim()) };
      }
      return undefined;
    case 'binary':
      return typeof value === 'string' ? { type: 'binary', value } : undefined;
    default:
      // Unknown or missing type: the JSON shape is all there is, and nothing is lost.
      return inferFromJson(value);
  }
}

function readBool(value: unknown): AttributeValue | undefined {
  if (typeof value === 'boolean') return { type: 'bool', value };
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true' || lower === 'false') return { type: 'bool', value: lower === 'true' };
  }
  if (value === 0 || value === 1) return { type: 'bool', value: value === 1 };
  return undefined;
}

/** The attribute a JSON value stands for when its declared type cannot be honoured. */
export function inferFromJson(value: unknown): AttributeValue {
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'boolean') return { type: 'bool', value };
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? { type: 'int', value: integerToDecimal(value) }
      : { type: 'float', value };
  }
  if (value === null || value === undefined) return { type: 'empty' };
  return { type: 'string', value: stringifySafely(value) };
}

/**
 * Converts a Jaeger `KV[]` (span tags, process tags or log fields). Entries without a string key
 * are dropped and reported; everything else is kept, in order.
 */
export function convertTags(
  raw: unknown,
  problems: Problem[],
  spanId: string | undefined,
  what: string,
): readonly Attribute[] {
  if (raw === null || raw === undefined) return NO_ATTRIBUTES;
  if (!Array.isArray(raw)) {
    problems.push({ kind: 'invalid-value', message: `${what} is not a list; ignored`, spanId });
    return NO_ATTRIBUTES;
  }
  if (raw.length === 0) return NO_ATTRIBUTES;
  const out: Attribute[] = [];
  for (const entry of raw as unknown[]) {
    const attribute = convertTag(entry, problems, spanId, what);
    if (attribute) out.push(attribute);
  }
  return out;
}

function convertTag(
  entry: unknown,
  problems: Problem[],
  spanId: string | undefined,
  what: string,
): Attribute | undefined {
  if (!isRecord(entry) || typeof entry.key !== 'string') {
    problems.push({
      kind: 'invalid-value',
      message: `${what} entry without a key; dropped`,
      spanId,
    });
    return undefined;
  }
  const { key, value } = entry;
  if (isNestedDeeper(value)) {
    problems.push({
      kind: 'invalid-value',
      message: `${what} "${key}" is nested more than ${MAX_JSON_DEPTH} levels deep; value dropped`,
      spanId,
    });
    return { key, value: { type: 'empty' } };
  }
  const type = typeof entry.type === 'string' ? entry.type.toLowerCase() : '';
  const declared = readDeclared(type, value);
  if (declared) return { key, value: declared };
  const inferred = inferFromJson(value);
  problems.push({
    kind: 'invalid-value',
    message: `${what} "${key}" is declared ${type} but holds ${describe(value)}; kept as ${inferred.type}`,
    spanId,
  });
  return { key, value: inferred };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (value === null || value === undefined) return 'no value';
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'an object';
  return `the ${typeof value} ${String(value)}`;
}

/**
 * A Jaeger time or duration in µs. Numbers and numeric strings are accepted; anything else
 * (missing, NaN, objects) is `undefined`.
 */
export function readMicros(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && FLOAT_RE.test(value.trim())) {
    const parsed = Number(value.trim());
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/**
 * Latest instant accepted, in µs since the epoch (year 2255): later ones are not exact as a
 * number, and no clock produces them; OTLP's uint64 ns ends in the same century.
 */
export const MAX_EPOCH_MICROS = Number.MAX_SAFE_INTEGER;

/** A point in time in µs since the epoch: `readMicros`, and not before 1970 or past 2255. */
export function readEpochMicros(value: unknown): number | undefined {
  const us = readMicros(value);
  return us !== undefined && us >= 0 && us <= MAX_EPOCH_MICROS ? us : undefined;
}

const SPAN_KINDS: Readonly<Record<string, SpanKind>> = {
  server: 'server',
  client: 'client',
  producer: 'producer',
  consumer: 'consumer',
  internal: 'internal',
};

/** `span.kind` tag → SpanKind (Jaeger has no kind field). */
export function kindFromTags(attributes: readonly Attribute[]): SpanKind {
  const value = findAttribute(attributes, 'span.kind');
  if (value?.type !== 'string') return 'unspecified';
  return SPAN_KINDS[value.value.toLowerCase()] ?? 'unspecified';
}

const UNSET_STATUS: SpanStatus = Object.freeze({ code: 'unset' });

function isTrueTag(value: AttributeValue | undefined): boolean {
  if (value?.type === 'bool') return value.value;
  return value?.type === 'string' && value.value.toLowerCase() === 'true';
}

/**
 * Status from tags: `error` true (bool, or the string "true") or `otel.status_code` ERROR is an
 * error; `otel.status_code` OK is ok; `otel.status_description` is the message.
 */
export function statusFromTags(attributes: readonly Attribute[]): SpanStatus {
  const codeValue = findAttribute(attributes, 'otel.status_code');
  const code = codeValue?.type === 'string' ? codeValue.value.toUpperCase() : '';
  const description = findAttribute(attributes, 'otel.status_description');
  const message = description?.type === 'string' && description.value ? description.value : '';
  if (code === 'ERROR' || isTrueTag(findAttribute(attributes, 'error'))) {
    return message ? { code: 'error', message } : { code: 'error' };
  }
  if (code === 'OK') return message ? { code: 'ok', message } : { code: 'ok' };
  return UNSET_STATUS;
}
