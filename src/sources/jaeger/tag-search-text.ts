/**
 * The search text of one tag, written while the payload streams past: `NUL key SOH value`,
 * lowercased, the value cut at MAX_INDEXED_VALUE_CHARS and printed the way
 * `formatAttributeValue` prints it, so the index answers exactly as the span records would
 * (model/search-text.ts).
 */
import { MAX_INDEXED_VALUE_CHARS } from '../../model/search';
import type { ByteChunks } from './byte-chunks';
import { FALLBACK, KIND_NUMBER, KIND_STRING, KIND_TRUE } from './json-bytes';
import { asciiBytes, asciiString, stringOf } from './json-text';
import { T_CODE_INT64, tag } from './tag-token';

export const TRUE_TEXT = asciiBytes('true');
export const FALSE_TEXT = asciiBytes('false');
/** Bytes that separate fields in the search text; never part of it otherwise. */
const SEPARATOR_MAX = 0x02;
const SEPARATOR_STAND_IN = 0x03;
const ENCODER = new TextEncoder();

/** `NUL key SOH value` (see search.ts `matchTermsInRecord`), lowercased. */
export function writeSearchText(b: Uint8Array, hay: ByteChunks): void {
  hay.pushByte(0);
  if (tag.keyFlags === 0) hay.pushLowerAscii(b, tag.keyFrom + 1, tag.keyTo - 1);
  else pushText(hay, stringOf(b, tag.keyFrom, tag.keyTo, tag.keyFlags).toLowerCase());
  hay.pushByte(1);
  if (tag.valueKindCode === KIND_STRING) {
    if (tag.valueFlags === 0) {
      const to = Math.min(tag.valueTo - 1, tag.valueFrom + 1 + MAX_INDEXED_VALUE_CHARS);
      hay.pushLowerAscii(b, tag.valueFrom + 1, to);
    } else {
      const text = stringOf(b, tag.valueFrom, tag.valueTo, tag.valueFlags);
      pushText(hay, text.slice(0, MAX_INDEXED_VALUE_CHARS).toLowerCase());
    }
  } else if (tag.valueKindCode === KIND_NUMBER) {
    writeNumberText(b, hay);
  } else {
    const word = tag.valueKindCode === KIND_TRUE ? TRUE_TEXT : FALSE_TEXT;
    pushSmall(hay, word, 0, word.length);
  }
}

/** A number as `formatAttributeValue` prints it: int64 exactly, float64 as `String(n)`. */
function writeNumberText(b: Uint8Array, hay: ByteChunks): void {
  const isInt = tag.typeCode === T_CODE_INT64;
  if ((!isInt || !tag.valueIsNonInteger) && isPrintedAsWritten(b, tag.valueFrom, tag.valueTo)) {
    pushSmall(hay, b, tag.valueFrom, tag.valueTo);
    return;
  }
  const value = Number(asciiString(b, tag.valueFrom, tag.valueTo));
  if (isInt) {
    if (!Number.isInteger(value)) throw FALLBACK; // convertTag would report it
    pushText(hay, Number.isSafeInteger(value) ? String(value + 0) : BigInt(value).toString());
  } else {
    pushText(hay, String(value));
  }
}

/**
 * True when `String(Number(text))` is `text` itself: no exponent, at most 15 significant digits
 * (so it is the shortest form), no trailing fraction zero, not -0, and not below 1e-6 (which
 * JavaScript prints with an exponent). Everything Jaeger writes for ordinary values.
 */
function isPrintedAsWritten(b: Uint8Array, from: number, to: number): boolean {
  let k = b[from] === 0x2d ? from + 1 : from;
  const intFrom = k;
  while (k < to && b[k] !== 0x2e) {
    if (b[k] === 0x65 || b[k] === 0x45) return false;
    k++;
  }
  const isZeroInt = k - intFrom === 1 && b[intFrom] === 0x30;
  if (k === to) return !(isZeroInt && from !== intFrom) && to - intFrom <= 15;
  let leadingZeros = 0;
  if (isZeroInt)
    while (k + 1 + leadingZeros < to && b[k + 1 + leadingZeros] === 0x30) leadingZeros++;
  for (let f = k + 1; f < to; f++) if (b[f] === 0x65 || b[f] === 0x45) return false;
  const significant = (isZeroInt ? 0 : k - intFrom) + (to - k - 1 - leadingZeros);
  return b[to - 1] !== 0x30 && leadingZeros < 6 && significant <= 15;
}

function pushSmall(hay: ByteChunks, src: Uint8Array, from: number, to: number): void {
  hay.reserve(to - from);
  for (let k = from; k < to; k++) hay.buf[hay.len++] = src[k] as number;
}

function pushText(hay: ByteChunks, text: string): void {
  const bytes = ENCODER.encode(text);
  for (let k = 0; k < bytes.length; k++) {
    if ((bytes[k] as number) <= SEPARATOR_MAX) bytes[k] = SEPARATOR_STAND_IN;
  }
  hay.pushBytes(bytes, 0, bytes.length);
}
