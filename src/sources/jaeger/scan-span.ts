/**
 * One Jaeger span object read straight from the payload bytes into columns (see scan-tags.ts for
 * the rule: only what `convertSpan` takes without a word; anything else throws `FALLBACK`). The
 * span's bytes stay where they are; its full record is decoded from them when someone opens it.
 */
import { FLAG_LLM_HINT, STATUS_CODES } from '../../model/span-table';
import {
  CLOSE_BRACE,
  COLON,
  COMMA,
  FALLBACK,
  KIND_NULL,
  KIND_NUMBER,
  OPEN_BRACE,
  QUOTE,
  expect,
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
import { readLogs, readReferences } from './scan-span-lists';
import { scanTags } from './scan-tags';
import type { SpanSink } from './span-sink';

const F_TRACE_ID = 1;
const F_SPAN_ID = 2;
const F_NAME = 4;
const F_REFS = 8;
const F_START = 16;
const F_DURATION = 32;
const F_TAGS = 64;
const F_LOGS = 128;
const F_PROCESS_ID = 256;
const FIELD_NAMES: readonly [Uint8Array, number][] = [
  [asciiBytes('traceID'), F_TRACE_ID],
  [asciiBytes('spanID'), F_SPAN_ID],
  [asciiBytes('operationName'), F_NAME],
  [asciiBytes('references'), F_REFS],
  [asciiBytes('startTime'), F_START],
  [asciiBytes('duration'), F_DURATION],
  [asciiBytes('tags'), F_TAGS],
  [asciiBytes('logs'), F_LOGS],
  [asciiBytes('processID'), F_PROCESS_ID],
];
const UNSUPPORTED_FIELDS = [asciiBytes('process'), asciiBytes('parentSpanID')];
const STATUS_ERROR = STATUS_CODES.indexOf('error');
const STATUS_OK = STATUS_CODES.indexOf('ok');

/** Per-span scratch, reused. */
let spanId = '';
let traceIdIndex = -1;
let nameIndex = 0;
let startUs = 0;
let durationUs = -1;
let processIndex = -1;

/**
 * Reads the span object at `p` (at its `{`) into `sink`; `rawChunk` is the raw chunk `b` belongs
 * to. Returns the position after the span. Throws INCOMPLETE (the caller rolls back and retries)
 * or FALLBACK.
 */
export function scanSpan(
  b: Uint8Array,
  p: number,
  n: number,
  sink: SpanSink,
  rawChunk: number,
): number {
  const from = p;
  if (b[p] !== OPEN_BRACE) throw FALLBACK;
  sink.facts.reset();
  sink.hay.beginSegment();
  spanId = '';
  traceIdIndex = -1;
  nameIndex = sink.emptyName;
  durationUs = -1;
  processIndex = -1;
  let seen = 0;
  p = skipWs(b, p + 1, n);
  if (b[p] !== CLOSE_BRACE) {
    for (;;) {
      if (b[p] !== QUOTE) throw FALLBACK;
      const nameFrom = p + 1;
      p = scanString(b, p, n);
      if (stringFlags !== 0) throw FALLBACK;
      const field = fieldOf(b, nameFrom, p - 1);
      p = skipWs(b, expect(b, p, n, COLON), n);
      if ((seen & field) !== 0) throw FALLBACK; // repeated: JSON.parse would keep the last
      seen |= field;
      p = readField(b, p, n, sink, field);
      p = skipWs(b, p, n);
      if (b[p] === CLOSE_BRACE) break;
      if (b[p] !== COMMA) throw FALLBACK;
      p = skipWs(b, p + 1, n);
    }
  }
  if ((seen & (F_SPAN_ID | F_START | F_PROCESS_ID)) !== (F_SPAN_ID | F_START | F_PROCESS_ID)) {
    throw FALLBACK;
  }
  p++;
  emit(sink, rawChunk, from, p);
  return p;
}

/** Field names by length and first byte, so most names are told apart by one lookup. */
const FIELDS_BY_SHAPE = new Map<number, [Uint8Array, number][]>();
for (const entry of [
  ...FIELD_NAMES,
  ...UNSUPPORTED_FIELDS.map((n) => [n, -1] as [Uint8Array, number]),
]) {
  const shape = entry[0].length * 256 + (entry[0][0] as number);
  FIELDS_BY_SHAPE.set(shape, [...(FIELDS_BY_SHAPE.get(shape) ?? []), entry]);
}

function fieldOf(b: Uint8Array, from: number, to: number): number {
  const candidates = FIELDS_BY_SHAPE.get((to - from) * 256 + (b[from] as number));
  if (!candidates) return 0;
  for (const [name, bit] of candidates) {
    if (!bytesEqual(b, from, to, name)) continue;
    if (bit < 0) throw FALLBACK; // inline process, legacy parentSpanID: the exact path
    return bit;
  }
  return 0;
}

function readField(b: Uint8Array, p: number, n: number, sink: SpanSink, field: number): number {
  switch (field) {
    case F_TRACE_ID:
      return readTraceId(b, p, n, sink);
    case F_SPAN_ID: {
      if (b[p] !== QUOTE) throw FALLBACK;
      const end = scanString(b, p, n);
      if (end - p <= 2) throw FALLBACK; // an empty id: the span would be dropped
      spanId = stringOf(b, p, end, stringFlags);
      return end;
    }
    case F_NAME: {
      if (b[p] === 0x6e) return skipScalar(b, p, n, KIND_NULL);
      if (b[p] !== QUOTE) throw FALLBACK;
      const end = scanString(b, p, n);
      nameIndex = sink.strings.internToken(b, p, end, stringFlags);
      return end;
    }
    case F_REFS:
      return readReferences(b, p, n, sink);
    case F_START:
      return readMicros(b, p, n, false);
    case F_DURATION:
      return readMicros(b, p, n, true);
    case F_TAGS:
      return scanTags(b, p, n, sink.hay, sink.facts);
    case F_LOGS:
      return readLogs(b, p, n);
    case F_PROCESS_ID: {
      if (b[p] !== QUOTE) throw FALLBACK;
      const end = scanString(b, p, n);
      processIndex = sink.processIds.internToken(b, p, end, stringFlags);
      return end;
    }
    default:
      return skipValue(b, p, n);
  }
}

function readTraceId(b: Uint8Array, p: number, n: number, sink: SpanSink): number {
  const kind = valueKind(b[p] as number);
  if (kind === KIND_NULL) return skipScalar(b, p, n, kind);
  if (b[p] !== QUOTE) throw FALLBACK;
  const end = scanString(b, p, n);
  traceIdIndex = end - p <= 2 ? -1 : sink.strings.internToken(b, p, end, stringFlags);
  return end;
}

/** A time or duration in µs: a number in [0, 2^53) (`readEpochMicros`); null = no duration. */
function readMicros(b: Uint8Array, p: number, n: number, isDuration: boolean): number {
  const kind = valueKind(b[p] as number);
  if (isDuration && kind === KIND_NULL) return skipScalar(b, p, n, kind);
  if (kind !== KIND_NUMBER) throw FALLBACK;
  const end = scanNumber(b, p, n);
  let value = readSmallInteger(b, p, end);
  if (value < 0) value = Number(asciiString(b, p, end));
  if (!(value >= 0 && value <= Number.MAX_SAFE_INTEGER)) throw FALLBACK;
  if (isDuration) durationUs = value;
  else startUs = value;
  return end;
}

function emit(sink: SpanSink, rawChunk: number, from: number, to: number): void {
  const { facts, hay } = sink;
  sink.spanIds.push(spanId);
  sink.startUs.push(startUs);
  sink.durationUs.push(durationUs);
  sink.nameIndex.push(nameIndex);
  sink.traceIdIndex.push(traceIdIndex);
  sink.processIndex.push(processIndex);
  sink.kindCode.push(facts.kindCode);
  const isError = facts.statusCode === 'ERROR' || facts.isErrorTag;
  sink.statusCode.push(isError ? STATUS_ERROR : facts.statusCode === 'OK' ? STATUS_OK : 0);
  sink.flags.push(facts.hasLlmHint ? FLAG_LLM_HINT : 0);
  sink.rawChunk.push(rawChunk);
  sink.rawFrom.push(from);
  sink.rawTo.push(to);
  sink.hayChunk.push(hay.chunkIndex);
  sink.hayFrom.push(hay.segmentStart);
  sink.hayTo.push(hay.len);
  sink.refStart.push(sink.refType.length);
}
