import type { Attribute } from '../../model/trace';
import { escapeRegExp } from '../../model/regexp';
import { formatAttributeValue } from '../../model/trace';

/** Values longer than this render truncated until the user asks for all of them. */
export const VALUE_TRUNCATE_CHARS = 400;
/** Above this size JSON is shown raw by default: pretty-printing it costs a full parse. */
export const PRETTY_AUTO_MAX_CHARS = 100_000;

/** An attribute with the text a user sees and copies, computed once per attribute list. */
export interface AttributeText {
  /** Position in the span's list: a stable React key, since keys may repeat. */
  readonly index: number;
  readonly key: string;
  readonly text: string;
  /** Arrays, maps and JSON-looking strings: offered pretty-printed. */
  readonly isStructured: boolean;
}

export function toAttributeTexts(attributes: readonly Attribute[]): AttributeText[] {
  return attributes.map((attribute, index) => {
    const text = formatAttributeValue(attribute.value);
    const type = attribute.value.type;
    const isStructured =
      type === 'array' || type === 'map' || (type === 'string' && looksLikeJson(text));
    return { index, key: attribute.key, text, isStructured };
  });
}

/**
 * Cheap check for an object or array literal: first and last non-blank characters only, so a
 * 5 MB string costs nothing here. `prettyJson` does the real validation.
 */
export function looksLikeJson(text: string): boolean {
  let start = 0;
  let end = text.length - 1;
  while (start <= end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end))) end--;
  if (end <= start) return false;
  const first = text[start];
  const last = text[end];
  return (first === '{' && last === '}') || (first === '[' && last === ']');
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * Re-indents valid JSON with two spaces, or returns null when the text is not JSON.
 * The text is re-indented token by token rather than parsed and re-serialised, so numbers keep
 * every digit (int64 ids beyond 2^53 would otherwise be rounded) and key order stays as sent.
 */
export function prettyJson(text: string): string | null {
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  return reindentJson(text);
}

function reindentJson(text: string): string {
  const out: string[] = [];
  let depth = 0;
  let i = 0;
  const newline = () => '\n' + '  '.repeat(depth);
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"') {
      const end = endOfString(text, i);
      out.push(text.slice(i, end));
      i = end;
      continue;
    }
    i++;
    if (isBlank(ch.charCodeAt(0))) continue;
    if (ch === '{' || ch === '[') {
      const next = nextNonBlank(text, i);
      if (text[next] === (ch === '{' ? '}' : ']')) {
        out.push(ch === '{' ? '{}' : '[]');
        i = next + 1;
        continue;
      }
      depth++;
      out.push(ch, newline());
    } else if (ch === '}' || ch === ']') {
      depth--;
      out.push(newline(), ch);
    } else if (ch === ',') {
      out.push(',', newline());
    } else if (ch === ':') {
      out.push(': ');
    } else {
      out.push(ch);
    }
  }
  return out.join('');
}

/** Index just past the closing quote of the string literal starting at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === '"') return i + 1;
    else i++;
  }
  return text.length;
}

function nextNonBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Case-insensitive matcher for key or value; a blank filter matches all. Uses a regex with the
 * `i` flag instead of lowercasing, which would copy a multi-megabyte value on every keystroke.
 */
export function createAttributeMatcher(filter: string): (attribute: AttributeText) => boolean {
  const needle = filter.trim();
  if (needle === '') return () => true;
  const pattern = new RegExp(escapeRegExp(needle), 'i');
  return (attribute) => pattern.test(attribute.key) || pattern.test(attribute.text);
}

export function matchesAttributeFilter(attribute: AttributeText, filter: string): boolean {
  return createAttributeMatcher(filter)(attribute);
}

/** The first `limit` characters, without splitting a surrogate pair. */
export function truncateText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const code = text.charCodeAt(limit - 1);
  const cut = code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
  return text.slice(0, cut);
}
