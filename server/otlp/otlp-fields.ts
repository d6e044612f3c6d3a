/**
 * Field readers for incoming OTLP/JSON (after protobuf decoding, the same shape): they accept
 * what the OTLP JSON mapping allows (hex ids, int64 as string or number, enums as numbers or
 * names) and return canonical values, or `undefined` for a value the store cannot keep.
 */
import { createHash } from 'node:crypto';
import { decodeOtlpId } from '../../src/sources/otlp/otlp-ids';
import { isNestedDeeper } from '../../src/sources/safe-json';
import type { Origin } from '../store/records';

/** A request that is not an OTLP export request at all: answered 400, nothing stored. */
export class MalformedRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedRequestError';
  }
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list field: absent/null is empty; anything but an array makes the request malformed. */
export function listField(parent: JsonObject, key: string, where: string): unknown[] {
  const value = parent[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new MalformedRequestError(`${where}.${key} must be an array`);
  return value;
}

export function objectItem(value: unknown, where: string): JsonObject {
  if (!isObject(value)) throw new MalformedRequestError(`${where} must be an object`);
  return value;
}

const HEX_32 = /^[0-9a-f]{32}$/;
const HEX_16 = /^[0-9a-f]{16}$/;
const ZEROS = /^0+$/;

/**
 * A trace (32 hex) or span (16 hex) id: hex per the OTLP JSON mapping, base64 tolerated.
 * `null` when absent, empty or all zeros; `undefined` when malformed.
 */
export function readId(raw: unknown, digits: 16 | 32): string | null | undefined {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw !== 'string') return undefined;
  let id = decodeOtlpId(raw);
  // 64-bit trace ids (Jaeger/Zipkin heritage) are the low half of a 128-bit id.
  if (digits === 32 && id !== null && HEX_16.test(id)) id = id.padStart(32, '0');
  if (id === null || !(digits === 32 ? HEX_32 : HEX_16).test(id)) return undefined;
  return ZEROS.test(id) ? null : id;
}

const UINT64_TEXT = /^\d{1,20}$/;
const INT64_MAX = 9_223_372_036_854_775_807n;

/** A `fixed64` ns time: decimal text or JSON number. `null` when absent or 0; `undefined` when invalid. */
export function readNanos(raw: unknown): bigint | null | undefined {
  if (raw === undefined || raw === null) return null;
  let value: bigint;
  if (typeof raw === 'string' && UINT64_TEXT.test(raw)) value = BigInt(raw);
  else if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) value = BigInt(raw);
  else return undefined;
  if (value > INT64_MAX) return undefined; // SQLite integers are signed 64-bit
  return value === 0n ? null : value;
}

/** An enum given as its number or its proto name (`SPAN_KIND_SERVER`); `fallback` otherwise. */
export function readEnum(raw: unknown, names: readonly string[], fallback: number): number {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw < names.length) {
    return raw;
  }
  if (typeof raw === 'string') {
    const index = names.indexOf(raw);
    if (index !== -1) return index;
  }
  return fallback;
}

export const SPAN_KIND_NAMES = [
  'SPAN_KIND_UNSPECIFIED',
  'SPAN_KIND_INTERNAL',
  'SPAN_KIND_SERVER',
  'SPAN_KIND_CLIENT',
  'SPAN_KIND_PRODUCER',
  'SPAN_KIND_CONSUMER',
] as const;

export const STATUS_CODE_NAMES = [
  'STATUS_CODE_UNSET',
  'STATUS_CODE_OK',
  'STATUS_CODE_ERROR',
] as const;

/** Copies `key` when it is a non-negative integer (uint32 counters and flags). */
export function copyCount(from: JsonObject, to: JsonObject, key: string): void {
  const value = from[key];
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) to[key] = value;
}

export function copyString(from: JsonObject, to: JsonObject, key: string): void {
  const value = from[key];
  if (typeof value === 'string' && value !== '') to[key] = value;
}

/** Deeper AnyValue nesting than this is cut (stored as an empty value). */
const MAX_VALUE_DEPTH = 32;

/**
 * An AnyValue in spec form: int64 as decimal text (JSON exporters send numbers, protobuf
 * decoding gives text), nested arrays and kvlists likewise. Unknown shapes are kept as sent,
 * unless they nest deeper than any AnyValue may: JSON.stringify would overflow on them.
 */
export function normalizeAnyValue(value: unknown, depth = 0): unknown {
  if (!isObject(value)) return {};
  if (depth >= MAX_VALUE_DEPTH) return {};
  const { intValue, arrayValue, kvlistValue } = value;
  if (typeof intValue === 'number' && Number.isInteger(intValue)) {
    return { intValue: BigInt(intValue).toString() };
  }
  if (isObject(arrayValue)) {
    const values = Array.isArray(arrayValue.values) ? arrayValue.values : [];
    return { arrayValue: { values: values.map((v) => normalizeAnyValue(v, depth + 1)) } };
  }
  if (isObject(kvlistValue)) {
    const values = Array.isArray(kvlistValue.values) ? kvlistValue.values : [];
    return { kvlistValue: { values: normalizeKeyValues(values, depth + 1) } };
  }
  return isNestedDeeper(value, MAX_VALUE_DEPTH - depth) ? {} : value;
}

function normalizeKeyValues(list: readonly unknown[], depth: number): JsonObject[] {
  const kept: JsonObject[] = [];
  for (const item of list) {
    if (!isObject(item) || typeof item.key !== 'string') continue;
    kept.push({ key: item.key, value: normalizeAnyValue(item.value, depth) });
  }
  return kept;
}

/** Copies a KeyValue list, keeping only entries with a string key, values in spec form. */
export function copyAttributes(from: JsonObject, to: JsonObject, key = 'attributes'): void {
  const list = from[key];
  if (!Array.isArray(list)) return;
  const kept = normalizeKeyValues(list, 0);
  if (kept.length > 0) to[key] = kept;
}

/** The string value of attribute `key` in a KeyValue list, if any. */
export function stringAttribute(list: unknown, key: string): string | undefined {
  if (!Array.isArray(list)) return undefined;
  for (const item of list) {
    if (!isObject(item) || item.key !== key || !isObject(item.value)) continue;
    const text = item.value.stringValue;
    return typeof text === 'string' ? text : undefined;
  }
  return undefined;
}

const UNKNOWN_SERVICE = 'unknown_service';

/**
 * The origin of a resource/scope pair: canonical JSON texts (resource list entry without its
 * scope list, scope list entry without its items) and a digest over both.
 */
export function buildOrigin(resourceEntry: JsonObject, scopeEntry: JsonObject): Origin {
  const resource: JsonObject = {};
  if (isObject(resourceEntry.resource)) {
    const raw = resourceEntry.resource;
    copyAttributes(raw, resource);
    copyCount(raw, resource, 'droppedAttributesCount');
    if (Array.isArray(raw.entityRefs) && !isNestedDeeper(raw.entityRefs, MAX_VALUE_DEPTH)) {
      resource.entityRefs = raw.entityRefs;
    }
  }
  const resourceSide: JsonObject = { resource };
  copyString(resourceEntry, resourceSide, 'schemaUrl');

  const scopeRaw = scopeEntry.scope ?? scopeEntry.instrumentationLibrary;
  const scope: JsonObject = {};
  if (isObject(scopeRaw)) {
    copyString(scopeRaw, scope, 'name');
    copyString(scopeRaw, scope, 'version');
    copyAttributes(scopeRaw, scope);
    copyCount(scopeRaw, scope, 'droppedAttributesCount');
  }
  const scopeSide: JsonObject = { scope };
  copyString(scopeEntry, scopeSide, 'schemaUrl');

  const resourceJson = JSON.stringify(resourceSide);
  const scopeJson = JSON.stringify(scopeSide);
  const digest = createHash('sha256')
    .update(resourceJson)
    .update('\u0000')
    .update(scopeJson)
    .digest('hex')
    .slice(0, 32);
  const service = stringAttribute(resource.attributes, 'service.name') || UNKNOWN_SERVICE;
  return { digest, service, resourceJson, scopeJson };
}
