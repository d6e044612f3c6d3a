/**
 * The lists inside a Jaeger span, read from the payload bytes for the streaming scanner:
 * `logs` (only checked: their fields are decoded with the span's record) and `references`
 * (read into the span sink: they make the tree).
 */
import { REF_CHILD_OF, REF_FOLLOWS_FROM } from '../../model/span-table';
import {
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  FALLBACK,
  KIND_NULL,
  KIND_NUMBER,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  expect,
  isNonInteger,
  readSmallInteger,
  scanNumber,
  scanString,
  skipScalar,
  skipValue,
  skipWs,
  stringFlags,
  valueKind,
} from './json-bytes';
import { asciiBytes, asciiString, bytesEqual, stringOf } from './json-text';
import { scanTags } from './scan-tags';
import type { SpanSink } from './span-sink';

/** Field positions (1-based) as `objectField` returns them. */
const LOG_FIELD_NAMES = [asciiBytes('timestamp'), asciiBytes('fields')];
const REF_FIELD_NAMES = [asciiBytes('refType'), asciiBytes('spanID'), asciiBytes('traceID')];
const CHILD_OF = asciiBytes('CHILD_OF');
const FOLLOWS_FROM = asciiBytes('FOLLOWS_FROM');

export function readLogs(b: Uint8Array, p: number, n: number): number {
  if (valueKind(b[p] as number) === KIND_NULL) return skipScalar(b, p, n, KIND_NULL);
  if (b[p] !== OPEN_BRACKET) throw FALLBACK;
  p = skipWs(b, p + 1, n);
  if (b[p] === CLOSE_BRACKET) return p + 1;
  for (;;) {
    p = skipWs(b, readLog(b, p, n), n);
    if (b[p] === CLOSE_BRACKET) return p + 1;
    if (b[p] !== COMMA) throw FALLBACK;
    p = skipWs(b, p + 1, n);
  }
}

/** One log `{timestamp, fields}`: a valid time, and fields `convertTags` takes as they are. */
function readLog(b: Uint8Array, p: number, n: number): number {
  if (b[p] !== OPEN_BRACE) throw FALLBACK;
  let seen = 0;
  p = skipWs(b, p + 1, n);
  if (b[p] !== CLOSE_BRACE) {
    for (;;) {
      const field = objectField(b, p, n, LOG_FIELD_NAMES);
      p = fieldValueAt;
      const bit = field === 0 ? 0 : 1 << field;
      if ((seen & bit) !== 0) throw FALLBACK;
      seen |= bit;
      if (field === 1) p = readLogTime(b, p, n);
      else if (field === 2) p = scanTags(b, p, n, undefined, undefined);
      else p = skipValue(b, p, n);
      p = skipWs(b, p, n);
      if (b[p] === CLOSE_BRACE) break;
      if (b[p] !== COMMA) throw FALLBACK;
      p = skipWs(b, p + 1, n);
    }
  }
  if ((seen & 2) === 0) throw FALLBACK; // no timestamp: convertLogs would report it
  return p + 1;
}

function readLogTime(b: Uint8Array, p: number, n: number): number {
  if (valueKind(b[p] as number) !== KIND_NUMBER) throw FALLBACK;
  const end = scanNumber(b, p, n);
  const value = isNonInteger ? Number(asciiString(b, p, end)) : readSmallInteger(b, p, end);
  if (!(value >= 0 && value <= Number.MAX_SAFE_INTEGER)) throw FALLBACK;
  return end;
}

export function readReferences(b: Uint8Array, p: number, n: number, sink: SpanSink): number {
  if (valueKind(b[p] as number) === KIND_NULL) return skipScalar(b, p, n, KIND_NULL);
  if (b[p] !== OPEN_BRACKET) throw FALLBACK;
  p = skipWs(b, p + 1, n);
  if (b[p] === CLOSE_BRACKET) return p + 1;
  for (;;) {
    p = skipWs(b, readReference(b, p, n, sink), n);
    if (b[p] === CLOSE_BRACKET) return p + 1;
    if (b[p] !== COMMA) throw FALLBACK;
    p = skipWs(b, p + 1, n);
  }
}

/** One `{refType, traceID, spanID}`, each a string; a missing trace id means the span's own. */
function readReference(b: Uint8Array, p: number, n: number, sink: SpanSink): number {
  if (b[p] !== OPEN_BRACE) throw FALLBACK;
  let seen = 0;
  let type = -1;
  let refSpan = '';
  let refTrace = -1;
  p = skipWs(b, p + 1, n);
  if (b[p] !== CLOSE_BRACE) {
    for (;;) {
      const field = objectField(b, p, n, REF_FIELD_NAMES);
      p = fieldValueAt;
      const bit = field === 0 ? 0 : 1 << field;
      if ((seen & bit) !== 0) throw FALLBACK;
      seen |= bit;
      if (field === 0) {
        p = skipValue(b, p, n);
      } else {
        if (b[p] !== QUOTE) throw FALLBACK;
        const end = scanString(b, p, n);
        const flags = stringFlags;
        if (field === 1) type = refTypeOf(b, p + 1, end - 1, flags);
        else if (field === 2) refSpan = stringOf(b, p, end, flags);
        else if (end - p > 2) refTrace = sink.strings.internToken(b, p, end, flags);
        p = end;
      }
      p = skipWs(b, p, n);
      if (b[p] === CLOSE_BRACE) break;
      if (b[p] !== COMMA) throw FALLBACK;
      p = skipWs(b, p + 1, n);
    }
  }
  if (type < 0 || refSpan === '') throw FALLBACK; // convertReference would report it
  sink.refType.push(type);
  sink.refSpanId.push(refSpan);
  sink.refTraceIndex.push(refTrace);
  return p + 1;
}

function refTypeOf(b: Uint8Array, from: number, to: number, flags: number): number {
  if (flags === 0 && bytesEqual(b, from, to, CHILD_OF)) return REF_CHILD_OF;
  if (flags === 0 && bytesEqual(b, from, to, FOLLOWS_FROM)) return REF_FOLLOWS_FROM;
  const text = stringOf(b, from - 1, to + 1, flags).toUpperCase();
  if (text === 'CHILD_OF') return REF_CHILD_OF;
  if (text === 'FOLLOWS_FROM') return REF_FOLLOWS_FROM;
  throw FALLBACK; // an unknown type is kept as a link, and reported
}

/** Set by `objectField`: where the field's value starts. */
let fieldValueAt = 0;

/**
 * The field name at `p` (a key and its colon) as its 1-based position in `names`, 0 for others;
 * sets `fieldValueAt`.
 */
function objectField(b: Uint8Array, p: number, n: number, names: readonly Uint8Array[]): number {
  if (b[p] !== QUOTE) throw FALLBACK;
  const from = p + 1;
  p = scanString(b, p, n);
  if (stringFlags !== 0) throw FALLBACK;
  const to = p - 1;
  fieldValueAt = skipWs(b, expect(b, p, n, COLON), n);
  for (let k = 0; k < names.length; k++) {
    if (bytesEqual(b, from, to, names[k] as Uint8Array)) return k + 1;
  }
  return 0;
}
