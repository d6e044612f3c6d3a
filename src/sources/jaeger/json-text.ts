/**
 * Text out of the payload bytes for the streaming scanner: short ASCII strings built without
 * TextDecoder's per-call cost, escaped tokens decoded the exact (JSON.parse) way, and byte
 * comparisons that avoid building strings at all.
 */
import { HAS_ESCAPE, LOWER } from './json-bytes';

const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Reused argument lists for `String.fromCharCode`, one per length (short strings only). */
const CHAR_ARGS: number[][] = Array.from({ length: 65 }, (_, length) =>
  Array.from({ length }, () => 0),
);

/**
 * ASCII bytes `[from, to)` as text. Short strings (ids, names, numbers) are built with
 * `String.fromCharCode`: TextDecoder costs about a microsecond per call, and a 100,000-span
 * trace asks this a few hundred thousand times.
 */
export function asciiString(b: Uint8Array, from: number, to: number): string {
  const length = to - from;
  if (length > 64) return UTF8.decode(b.subarray(from, to));
  const args = CHAR_ARGS[length] as number[];
  for (let k = 0; k < length; k++) args[k] = b[from + k] as number;
  return String.fromCharCode.apply(null, args);
}

/**
 * The string a JSON string token decodes to (`from` at the opening quote, `to` after the closing
 * one), the exact way for escapes.
 */
export function decodeStringToken(b: Uint8Array, from: number, to: number): string {
  return JSON.parse(UTF8.decode(b.subarray(from, to))) as string;
}

/** The decoded string of a token whose `stringFlags` are known. */
export function stringOf(b: Uint8Array, from: number, to: number, flags: number): string {
  if (flags === 0) return asciiString(b, from + 1, to - 1);
  return (flags & HAS_ESCAPE) === 0
    ? UTF8.decode(b.subarray(from + 1, to - 1))
    : decodeStringToken(b, from, to);
}

/** True when the ASCII bytes `[from, to)` equal `word` (lowercase) ignoring ASCII case. */
export function bytesEqualLower(
  b: Uint8Array,
  from: number,
  to: number,
  word: Uint8Array,
): boolean {
  if (to - from !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (LOWER[b[from + k] as number] !== word[k]) return false;
  return true;
}

/** True when bytes `[from, to)` equal the ASCII text `word`. */
export function bytesEqual(b: Uint8Array, from: number, to: number, word: Uint8Array): boolean {
  if (to - from !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (b[from + k] !== word[k]) return false;
  return true;
}

export function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}
