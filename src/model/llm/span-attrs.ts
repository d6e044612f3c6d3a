/**
 * Typed, bounded reads of one span's attributes for the LLM readers. Built once per span:
 * a key → value map (first occurrence wins, like `findAttribute`) and a JSON cache so no
 * attribute string is ever parsed twice, however many readers ask for it.
 */
import { attributeValueToJson, type Attribute, type AttributeValue } from '../trace';
import { MAX_JSON_CHARS } from './llm-call';

export type IndexedEntries = ReadonlyMap<string, AttributeValue>;

const NOT_JSON = Symbol('not-json');

export class SpanAttrs {
  private readonly byKey = new Map<string, AttributeValue>();
  private readonly jsonCache = new Map<string, unknown>();
  /** Set when a value was too large to parse; readers report it as truncated content. */
  isOversized = false;

  constructor(readonly attributes: readonly Attribute[]) {
    for (const attribute of attributes) {
      if (!this.byKey.has(attribute.key)) this.byKey.set(attribute.key, attribute.value);
    }
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  value(key: string): AttributeValue | undefined {
    return this.byKey.get(key);
  }

  /** Text of a scalar value; undefined for missing, empty-type, array and map values. */
  string(key: string): string | undefined {
    return scalarText(this.byKey.get(key));
  }

  /** First of `keys` that holds text. */
  firstString(...keys: string[]): string | undefined {
    for (const key of keys) {
      const text = this.string(key);
      if (text !== undefined) return text;
    }
    return undefined;
  }

  /** A finite number from an int, float, or numeric string. */
  number(key: string): number | undefined {
    return toNumber(this.byKey.get(key));
  }

  firstNumber(...keys: string[]): number | undefined {
    for (const key of keys) {
      const n = this.number(key);
      if (n !== undefined) return n;
    }
    return undefined;
  }

  /** A token count: a finite number ≥ 0, rounded. */
  count(...keys: string[]): number | undefined {
    const n = this.firstNumber(...keys);
    return n !== undefined && n >= 0 ? Math.round(n) : undefined;
  }

  /**
   * The value as plain JSON: a string is parsed (once, cached), an array or map converted.
   * Undefined when missing or when the string is not JSON or too large.
   */
  json(key: string): unknown {
    if (this.jsonCache.has(key)) {
      const cached = this.jsonCache.get(key);
      return cached === NOT_JSON ? undefined : cached;
    }
    const value = this.byKey.get(key);
    let parsed: unknown = NOT_JSON;
    if (value?.type === 'string') {
      const result = parseJsonText(value.value);
      if (result.isOversized) this.isOversized = true;
      parsed = result.ok ? result.value : NOT_JSON;
    } else if (value?.type === 'array' || value?.type === 'map') {
      parsed = attributeValueToJson(value);
    }
    this.jsonCache.set(key, parsed);
    return parsed === NOT_JSON ? undefined : parsed;
  }

  /** Strings of an array value, or of a JSON array in a string (e.g. finish reasons). */
  stringList(key: string): string[] {
    const value = this.byKey.get(key);
    if (value === undefined) return [];
    if (value.type === 'array') {
      return value.value.map(scalarText).filter((s): s is string => s !== undefined);
    }
    const text = scalarText(value);
    if (text === undefined || text === '') return [];
    if (text.startsWith('[')) {
      const parsed = this.json(key);
      if (Array.isArray(parsed)) return parsed.map(jsonText).filter((s) => s !== '');
    }
    return [text];
  }

  /**
   * Flattened lists: `prefix.<i>.<rest>` → entries grouped by index, in index order, each a
   * map `rest → value`. At most `limit` indices are kept.
   */
  indexed(prefix: string, limit: number): IndexedEntries[] {
    return indexEntries(
      this.attributes.map((a) => [a.key, a.value] as const),
      prefix,
      limit,
    );
  }

  /** Whether any key starts with `prefix`. */
  hasPrefix(prefix: string): boolean {
    for (const key of this.byKey.keys()) if (key.startsWith(prefix)) return true;
    return false;
  }
}

export function scalarText(value: AttributeValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  switch (value.type) {
    case 'string':
    case 'int':
    case 'binary':
      return value.value;
    case 'float':
      return String(value.value);
    case 'bool':
      return value.value ? 'true' : 'false';
    default:
      return undefined;
  }
}

export function toNumber(value: AttributeValue | undefined): number | undefined {
  if (value === undefined) return undefined;
  let n: number;
  if (value.type === 'float') n = value.value;
  else if (value.type === 'int') n = Number(value.value);
  else if (value.type === 'string' && value.value.trim() !== '') n = Number(value.value);
  else return undefined;
  return Number.isFinite(n) ? n : undefined;
}

export type JsonParse =
  | { readonly ok: true; readonly value: unknown; readonly isOversized: false }
  | { readonly ok: false; readonly isOversized: boolean };

/** JSON.parse guarded by size and a cheap first-character check. Never throws. */
export function parseJsonText(text: string): JsonParse {
  if (text.length > MAX_JSON_CHARS) return { ok: false, isOversized: true };
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[' && first !== '"') return { ok: false, isOversized: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown, isOversized: false };
  } catch {
    return { ok: false, isOversized: false };
  }
}

/** Display text of a JSON value: strings as-is, everything else serialised. */
export function jsonText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return JSON.stringify(value) ?? '';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Groups `prefix.<i>.<rest>` entries by index (index order), each a map `rest → value`; the
 * first value of a key wins and at most `limit` indices are kept. Works on a span's attributes
 * and, for nested lists (`tool_calls.<j>.…`), on one group of an outer list.
 */
export function indexEntries(
  entries: Iterable<readonly [string, AttributeValue]>,
  prefix: string,
  limit: number,
): IndexedEntries[] {
  const head = `${prefix}.`;
  const groups = new Map<number, Map<string, AttributeValue>>();
  for (const [key, value] of entries) {
    if (!key.startsWith(head)) continue;
    const rest = key.slice(head.length);
    const dot = rest.indexOf('.');
    const index = Number(dot < 0 ? rest : rest.slice(0, dot));
    if (!Number.isInteger(index) || index < 0) continue;
    let group = groups.get(index);
    if (!group) {
      if (groups.size >= limit) continue;
      group = new Map();
      groups.set(index, group);
    }
    const sub = dot < 0 ? '' : rest.slice(dot + 1);
    if (!group.has(sub)) group.set(sub, value);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, group]) => group);
}

/** Text of an entry inside an `indexed` group. */
export function entryString(group: IndexedEntries, key: string): string | undefined {
  return scalarText(group.get(key));
}
