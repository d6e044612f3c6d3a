/**
 * Strict JSON tokenizing over UTF-8 bytes, for the streaming Jaeger scanner. Every function takes
 * the buffer, a position and the end of the bytes received so far, and returns the position after
 * what it read. Running past the end throws `INCOMPLETE` (the caller waits for more bytes and
 * starts the current piece again); anything `JSON.parse` would reject, or anything the scanner
 * does not handle, throws `FALLBACK` (the caller then parses the whole payload the exact way).
 *
 * Hot code: plain loops over a Uint8Array, no allocation except for the strings asked for.
 */

/** Thrown when the bytes received so far end inside the piece being read. */
export const INCOMPLETE = { reason: 'incomplete' } as const;
/** Thrown when the payload needs the exact (JSON.parse) path. */
export const FALLBACK = { reason: 'fallback' } as const;

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;

/** Set by `scanString`: the string held a backslash escape, or a byte ≥ 0x80. */
export const HAS_ESCAPE = 1;
export const HAS_NON_ASCII = 2;
export let stringFlags = 0;

export function skipWs(b: Uint8Array, p: number, n: number): number {
  while (p < n) {
    const c = b[p] as number;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return p;
    p++;
  }
  throw INCOMPLETE;
}

/** Expects byte `c` at `p` (after whitespace); returns the position after it. */
export function expect(b: Uint8Array, p: number, n: number, c: number): number {
  p = skipWs(b, p, n);
  if (b[p] !== c) throw FALLBACK;
  return p + 1;
}

/** Byte classes inside a string: 0 plain ASCII, else one of these. */
const C_CONTROL = 1;
const C_QUOTE = 2;
const C_BACKSLASH = 3;
const C_HIGH = 4;
export const STRING_CLASS = new Uint8Array(256).map((_, c) =>
  c < 0x20
    ? C_CONTROL
    : c === QUOTE
      ? C_QUOTE
      : c === BACKSLASH
        ? C_BACKSLASH
        : c >= 0x80
          ? C_HIGH
          : 0,
);

/**
 * `p` is at an opening quote; returns the position after the closing quote and sets
 * `stringFlags`. Control characters and malformed escapes are rejected like JSON.parse does.
 */
export function scanString(b: Uint8Array, p: number, n: number): number {
  let flags = 0;
  p++;
  for (;;) {
    while (p < n && STRING_CLASS[b[p] as number] === 0) p++;
    if (p >= n) throw INCOMPLETE;
    const k = STRING_CLASS[b[p] as number];
    if (k === C_QUOTE) break;
    if (k === C_BACKSLASH) {
      flags |= HAS_ESCAPE;
      p = skipEscape(b, p, n);
    } else if (k === C_HIGH) {
      flags |= HAS_NON_ASCII;
      p++;
    } else {
      throw FALLBACK;
    }
  }
  stringFlags = flags;
  return p + 1;
}

/** ASCII lowercase of every byte (others unchanged). */
export const LOWER = new Uint8Array(256).map((_, c) => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c));

/**
 * `scanString` that also copies the content, lowercased, into `out` from `at`, at most `limit`
 * bytes; returns the end like scanString and sets `copiedTo`. The copy is only meaningful when
 * `stringFlags` comes back 0. `out` must have room for `limit` bytes from `at`.
 */
export function scanStringLower(
  b: Uint8Array,
  p: number,
  n: number,
  out: Uint8Array,
  at: number,
  limit: number,
): number {
  const base = at;
  // One byte past the limit, so a string of exactly `limit` characters still ends in here.
  const stop = Math.min(n, p + 2 + limit);
  let q = p + 1;
  let c = 0;
  while (q < stop) {
    c = b[q] as number;
    if (STRING_CLASS[c] !== 0) break;
    out[at++] = LOWER[c] as number;
    q++;
  }
  if (q < stop && c === QUOTE) {
    copiedTo = at;
    stringFlags = 0;
    return q + 1;
  }
  // An escape, a high byte, the limit or the end of the bytes so far: scan it the plain way.
  copiedTo = base + Math.min(at - base, limit);
  return scanString(b, p, n);
}

export let copiedTo = 0;

/** `p` at a backslash; returns the position after the escape sequence. */
function skipEscape(b: Uint8Array, p: number, n: number): number {
  if (p + 1 >= n) throw INCOMPLETE;
  const e = b[p + 1] as number;
  if (e === 0x75) {
    if (p + 5 >= n) throw INCOMPLETE;
    for (let k = p + 2; k < p + 6; k++) if (!isHexDigit(b[k] as number)) throw FALLBACK;
    return p + 6;
  }
  // " \ / b f n r t
  if (
    e === QUOTE ||
    e === BACKSLASH ||
    e === 0x2f ||
    e === 0x62 ||
    e === 0x66 ||
    e === 0x6e ||
    e === 0x72 ||
    e === 0x74
  ) {
    return p + 2;
  }
  throw FALLBACK;
}

function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** Kinds of values, as `valueKind` reports them. */
export const KIND_STRING = 1;
export const KIND_NUMBER = 2;
export const KIND_TRUE = 3;
export const KIND_FALSE = 4;
export const KIND_NULL = 5;
export const KIND_OBJECT = 6;
export const KIND_ARRAY = 7;

/** Kind of the value starting at `p` (no whitespace before it). */
export function valueKind(c: number): number {
  if (c === QUOTE) return KIND_STRING;
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return KIND_NUMBER;
  if (c === 0x74) return KIND_TRUE;
  if (c === 0x66) return KIND_FALSE;
  if (c === 0x6e) return KIND_NULL;
  if (c === OPEN_BRACE) return KIND_OBJECT;
  if (c === OPEN_BRACKET) return KIND_ARRAY;
  throw FALLBACK;
}

/** Set by `scanNumber`: the number had a fraction or an exponent. */
export let isNonInteger = false;

/** A JSON number at `p` (strict grammar); returns the position after it. */
export function scanNumber(b: Uint8Array, p: number, n: number): number {
  let q = p;
  if (b[q] === 0x2d) q++;
  if (q >= n) throw INCOMPLETE;
  if (b[q] === 0x30) q++;
  else q = digits(b, q, n, true);
  isNonInteger = false;
  if (q >= n) throw INCOMPLETE;
  if (b[q] === 0x2e) {
    isNonInteger = true;
    q = digits(b, q + 1, n, true);
  }
  if (q >= n) throw INCOMPLETE;
  const e = b[q];
  if (e === 0x65 || e === 0x45) {
    isNonInteger = true;
    q++;
    if (q >= n) throw INCOMPLETE;
    if (b[q] === 0x2b || b[q] === 0x2d) q++;
    q = digits(b, q, n, true);
  }
  // A number must be followed by something: the bytes after it may not have arrived yet.
  if (q >= n) throw INCOMPLETE;
  return q;
}

function digits(b: Uint8Array, p: number, n: number, isRequired: boolean): number {
  const from = p;
  while (p < n) {
    const c = b[p] as number;
    if (c < 0x30 || c > 0x39) break;
    p++;
  }
  if (p >= n) throw INCOMPLETE;
  if (isRequired && p === from) throw FALLBACK;
  return p;
}

/**
 * A non-negative safe integer at `p` (what Jaeger writes for times), or -1 when the number is
 * anything else (negative, fractional, exponent, 2^53 or more). `end` is from scanNumber.
 */
export function readSmallInteger(b: Uint8Array, p: number, end: number): number {
  if (end - p > 16 || isNonInteger || b[p] === 0x2d) return -1;
  let value = 0;
  // Every partial value is below the final one, so all of them are exact when it is safe.
  for (let k = p; k < end; k++) value = value * 10 + ((b[k] as number) - 0x30);
  return value <= Number.MAX_SAFE_INTEGER ? value : -1;
}

function expectLiteral(b: Uint8Array, p: number, n: number, literal: readonly number[]): number {
  if (p + literal.length > n) throw INCOMPLETE;
  for (let k = 0; k < literal.length; k++) if (b[p + k] !== literal[k]) throw FALLBACK;
  // A literal is followed by a delimiter; the bytes after it may not have arrived yet.
  if (p + literal.length >= n) throw INCOMPLETE;
  return p + literal.length;
}

const TRUE = [0x74, 0x72, 0x75, 0x65];
const FALSE = [0x66, 0x61, 0x6c, 0x73, 0x65];
const NULL = [0x6e, 0x75, 0x6c, 0x6c];

/** Skips one scalar (string, number, true, false, null) at `p`. */
export function skipScalar(b: Uint8Array, p: number, n: number, kind: number): number {
  switch (kind) {
    case KIND_STRING:
      return scanString(b, p, n);
    case KIND_NUMBER:
      return scanNumber(b, p, n);
    case KIND_TRUE:
      return expectLiteral(b, p, n, TRUE);
    case KIND_FALSE:
      return expectLiteral(b, p, n, FALSE);
    case KIND_NULL:
      return expectLiteral(b, p, n, NULL);
    default:
      throw FALLBACK;
  }
}

/**
 * Skips any JSON value at `p` (after whitespace), validating it. Iterative: nesting depth is
 * tracked in a small stack of "in object" flags, so hostile nesting cannot overflow anything.
 */
export function skipValue(b: Uint8Array, p: number, n: number): number {
  p = skipWs(b, p, n);
  const first = valueKind(b[p] as number);
  if (first !== KIND_OBJECT && first !== KIND_ARRAY) return skipScalar(b, p, n, first);
  const inObject: boolean[] = [];
  let expectValue = true;
  for (;;) {
    p = skipWs(b, p, n);
    const c = b[p] as number;
    if (expectValue) {
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        inObject.push(c === OPEN_BRACE);
        p = skipWs(b, p + 1, n);
        const close = b[p] === (c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET);
        if (close) {
          inObject.pop();
          p++;
          if (inObject.length === 0) return p;
          expectValue = false;
          continue;
        }
        if (c === OPEN_BRACE) p = objectKey(b, p, n);
        continue;
      }
      p = skipScalar(b, p, n, valueKind(c));
      expectValue = false;
      if (inObject.length === 0) return p;
      continue;
    }
    const isObject = inObject[inObject.length - 1] as boolean;
    if (c === COMMA) {
      p = skipWs(b, p + 1, n);
      if (isObject) p = objectKey(b, p, n);
      expectValue = true;
    } else if (c === (isObject ? CLOSE_BRACE : CLOSE_BRACKET)) {
      inObject.pop();
      p++;
      if (inObject.length === 0) return p;
    } else {
      throw FALLBACK;
    }
  }
}

/** A key and its colon, `p` at the key's quote; returns the position of the value. */
function objectKey(b: Uint8Array, p: number, n: number): number {
  if (b[p] !== QUOTE) throw FALLBACK;
  p = scanString(b, p, n);
  return expect(b, p, n, COLON);
}
