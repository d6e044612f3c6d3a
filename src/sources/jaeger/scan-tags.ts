/**
 * Jaeger `KeyValue` lists (span tags, log fields) read straight from the payload bytes, for the
 * streaming scanner. Only tags `convertTag` would accept silently are taken (declared type and
 * JSON value agree); anything that would be repaired or reported throws `FALLBACK`, so a trace
 * read here never differs from the exact path.
 *
 * For span tags it also writes the search text (`NUL key SOH value`, lowercased, values cut at
 * MAX_INDEXED_VALUE_CHARS) and notes what the columns need: kind, error status, scope name,
 * and whether any key hints at an LLM span.
 */
import { MAX_INDEXED_VALUE_CHARS } from '../../model/search';
import type { ByteChunks } from './byte-chunks';
import {
  COMMA,
  FALLBACK,
  KIND_FALSE,
  KIND_NUMBER,
  KIND_STRING,
  KIND_TRUE,
  OPEN_BRACE,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  OPEN_BRACKET,
  QUOTE,
  COLON,
  expect,
  isNonInteger,
  scanNumber,
  scanString,
  scanStringLower,
  LOWER,
  copiedTo,
  skipScalar,
  skipValue,
  skipWs,
  stringFlags,
  valueKind,
} from './json-bytes';
import { asciiBytes, bytesEqual } from './json-text';
import { noteFacts, type TagFacts } from './tag-facts';
import { FALSE_TEXT, TRUE_TEXT, writeSearchText } from './tag-search-text';
import {
  T_CODE_BINARY,
  T_CODE_BOOL,
  T_CODE_FLOAT64,
  T_CODE_INT64,
  T_CODE_STRING,
  tag,
} from './tag-token';

const KEY = asciiBytes('key');
const TYPE = asciiBytes('type');
const VALUE = asciiBytes('value');
const T_STRING = asciiBytes('string');
const T_BOOL = asciiBytes('bool');
const T_INT64 = asciiBytes('int64');
const T_FLOAT64 = asciiBytes('float64');
const T_BINARY = asciiBytes('binary');

/**
 * Reads a tag list (`null` or `[{key, type, value}, …]`) at `p`. With `hay`, writes the search
 * text and fills `facts`; without, only checks the tags (log fields).
 */
export function scanTags(
  b: Uint8Array,
  p: number,
  n: number,
  hay: ByteChunks | undefined,
  facts: TagFacts | undefined,
): number {
  p = skipWs(b, p, n);
  if (b[p] === 0x6e) return skipScalar(b, p, n, valueKind(0x6e));
  if (b[p] !== OPEN_BRACKET) throw FALLBACK;
  p = skipWs(b, p + 1, n);
  if (b[p] === CLOSE_BRACKET) return p + 1;
  for (;;) {
    p = scanTag(b, p, n, hay);
    if (hay && !isWritten) writeSearchText(b, hay);
    if (facts) noteFacts(b, facts);
    p = skipWs(b, p, n);
    if (b[p] === CLOSE_BRACKET) return p + 1;
    if (b[p] !== COMMA) throw FALLBACK;
    p = skipWs(b, p + 1, n);
  }
}

/** Set by `scanTag`: the search text of the tag is already written. */
let isWritten = false;

/**
 * One `{key, type, value}` object at `p`; sets the module-level positions. With `hay`, a string
 * value that follows its key is copied into the search text while it is scanned (one pass over
 * the bytes that make up most of a payload).
 */
function scanTag(b: Uint8Array, p: number, n: number, hay: ByteChunks | undefined): number {
  if (b[p] !== OPEN_BRACE) throw FALLBACK;
  let seen = 0;
  isWritten = false;
  p = skipWs(b, p + 1, n);
  if (b[p] === CLOSE_BRACE) throw FALLBACK;
  for (;;) {
    if (b[p] !== QUOTE) throw FALLBACK;
    const field = tagField(b, p, n);
    p = skipWs(b, expect(b, fieldEnd, n, COLON), n);
    if (field === F_KEY) {
      seen = claimField(seen, F_KEY);
      if (b[p] !== QUOTE) throw FALLBACK;
      tag.keyFrom = p;
      p = scanString(b, p, n);
      tag.keyTo = p;
      tag.keyFlags = stringFlags;
    } else if (field === F_TYPE) {
      seen = claimField(seen, F_TYPE);
      if (b[p] !== QUOTE) throw FALLBACK;
      const from = p + 1;
      p = scanString(b, p, n);
      if (stringFlags !== 0) throw FALLBACK;
      tag.typeCode = typeCodeOf(b, from, p - 1);
    } else if (field === F_VALUE) {
      seen = claimField(seen, F_VALUE);
      p = scanValue(b, p, n, (seen & F_KEY) !== 0 && tag.keyFlags === 0 ? hay : undefined);
    } else {
      p = skipValue(b, p, n);
    }
    p = skipWs(b, p, n);
    if (b[p] === CLOSE_BRACE) break;
    if (b[p] !== COMMA) throw FALLBACK;
    p = skipWs(b, p + 1, n);
  }
  if (seen !== 7 || !isAccepted(b)) throw FALLBACK;
  return p + 1;
}

const F_KEY = 1;
const F_TYPE = 2;
const F_VALUE = 4;
/** Set by `tagField`: the position after the field name's closing quote. */
let fieldEnd = 0;

/** Which of key / type / value the field name at `p` is (0 for others); sets `fieldEnd`. */
function tagField(b: Uint8Array, p: number, n: number): number {
  const c = b[p + 1];
  if (c === 0x6b && b[p + 2] === 0x65 && b[p + 3] === 0x79 && b[p + 4] === QUOTE) {
    fieldEnd = p + 5;
    return F_KEY;
  }
  if (c === 0x74 && b[p + 2] === 0x79 && b[p + 3] === 0x70 && b[p + 4] === 0x65) {
    if (b[p + 5] === QUOTE) {
      fieldEnd = p + 6;
      return F_TYPE;
    }
  }
  if (c === 0x76 && bytesEqual(b, p + 1, p + 6, VALUE) && b[p + 6] === QUOTE) {
    fieldEnd = p + 7;
    return F_VALUE;
  }
  fieldEnd = scanString(b, p, n);
  if (stringFlags !== 0) throw FALLBACK; // an escaped name could spell one of ours
  const from = p + 1;
  const to = fieldEnd - 1;
  if (bytesEqual(b, from, to, KEY)) return F_KEY;
  if (bytesEqual(b, from, to, TYPE)) return F_TYPE;
  return bytesEqual(b, from, to, VALUE) ? F_VALUE : 0;
}

/** The value at `p`; a string goes straight into `hay` (with its key before it) when given. */
function scanValue(b: Uint8Array, p: number, n: number, hay: ByteChunks | undefined): number {
  tag.valueFrom = p;
  tag.valueKindCode = valueKind(b[p] as number);
  if (tag.valueKindCode === KIND_NUMBER) {
    p = scanNumber(b, p, n);
    tag.valueIsNonInteger = isNonInteger;
  } else if (tag.valueKindCode === KIND_STRING && hay) {
    hay.reserve(tag.keyTo - tag.keyFrom + MAX_INDEXED_VALUE_CHARS + 4);
    const start = hay.len;
    hay.buf[hay.len++] = 0;
    hay.pushLowerAscii(b, tag.keyFrom + 1, tag.keyTo - 1);
    hay.buf[hay.len++] = 1;
    p = scanStringLower(b, p, n, hay.buf, hay.len, MAX_INDEXED_VALUE_CHARS);
    tag.valueFlags = stringFlags;
    if (tag.valueFlags === 0) {
      hay.len = copiedTo;
      isWritten = true;
    } else {
      hay.len = start; // escapes or non-ASCII text: written the exact way afterwards
    }
  } else {
    p = skipScalar(b, p, n, tag.valueKindCode);
    tag.valueFlags = stringFlags;
  }
  tag.valueTo = p;
  return p;
}

function claimField(seen: number, bit: number): number {
  if ((seen & bit) !== 0) throw FALLBACK; // a repeated field: JSON.parse keeps the last one
  return seen | bit;
}

function typeCodeOf(b: Uint8Array, from: number, to: number): number {
  const c = b[from];
  if (c === 0x73 && bytesEqual(b, from, to, T_STRING)) return T_CODE_STRING;
  if (c === 0x69 && bytesEqual(b, from, to, T_INT64)) return T_CODE_INT64;
  if (c === 0x62 && bytesEqual(b, from, to, T_BOOL)) return T_CODE_BOOL;
  if (c === 0x66 && bytesEqual(b, from, to, T_FLOAT64)) return T_CODE_FLOAT64;
  if (c === 0x62 && bytesEqual(b, from, to, T_BINARY)) return T_CODE_BINARY;
  throw FALLBACK;
}

/** The declared type and the JSON value agree the way `readDeclared` accepts without a word. */
function isAccepted(b: Uint8Array): boolean {
  switch (tag.typeCode) {
    case T_CODE_STRING:
    case T_CODE_BINARY:
      return tag.valueKindCode === KIND_STRING;
    case T_CODE_BOOL:
      return tag.valueKindCode === KIND_TRUE || tag.valueKindCode === KIND_FALSE || isBoolText(b);
    case T_CODE_INT64:
    case T_CODE_FLOAT64:
      return tag.valueKindCode === KIND_NUMBER;
    default:
      return false;
  }
}

/**
 * A bool written as the string "true" or "false" in any case (Jaeger's anonymizer does this);
 * its search text, lowercased, is then the same as the bool's.
 */
function isBoolText(b: Uint8Array): boolean {
  if (tag.valueKindCode !== KIND_STRING || tag.valueFlags !== 0) return false;
  const length = tag.valueTo - tag.valueFrom - 2;
  const word = length === 4 ? TRUE_TEXT : length === 5 ? FALSE_TEXT : undefined;
  if (!word) return false;
  for (let k = 0; k < length; k++)
    if (LOWER[b[tag.valueFrom + 1 + k] as number] !== word[k]) return false;
  return true;
}
