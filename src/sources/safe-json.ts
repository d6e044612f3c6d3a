/**
 * JSON.stringify for untrusted values. `JSON.parse` accepts nesting 100,000 levels deep, but
 * `JSON.stringify` recurses and throws a RangeError a few thousand levels down; a backend (or a
 * file) can therefore crash any code that re-serializes what it sent. Adapters serialize raw
 * values through these helpers instead.
 */

/** Deeper values are not serialized: no trace convention nests anywhere near this. */
export const MAX_JSON_DEPTH = 64;

/** True when `value` nests objects or arrays more than `limit` levels deep. Iterative. */
export function isNestedDeeper(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stack: [object, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [object, number];
    if (depth > limit) return true;
    for (const child of Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child as object, depth + 1]);
    }
  }
  return false;
}

/**
 * JSON text of `value`, never throwing: too deep (or otherwise unserializable, e.g. BigInt)
 * values become a short placeholder, and `undefined` becomes "undefined".
 */
export function stringifySafely(value: unknown): string {
  if (isNestedDeeper(value)) return `(a value nested more than ${MAX_JSON_DEPTH} levels deep)`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return `(a value that cannot be shown as JSON)`;
  }
}

/** A bounded rendering for problem messages: at most `maxChars` characters. */
export function describeRaw(value: unknown, maxChars = 60): string {
  const text = stringifySafely(typeof value === 'string' ? value.slice(0, maxChars) : value);
  return text.length > maxChars ? `${text.slice(0, maxChars - 3)}...` : text;
}
