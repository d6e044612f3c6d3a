/**
 * Reads a Jaeger `/api/traces/{id}` response while it downloads: chunks go in as they arrive,
 * spans come out as columns (scan-span.ts), so by the time the last byte is in only the tail is
 * left to read. The bytes are kept (in chunks, never one huge copy) so a span's full record can
 * be decoded when someone opens it.
 *
 * The fast path takes the envelope Jaeger's query service writes, `{data: [one trace], …,
 * errors: null}`, with spans `convertSpan` would take without repairing anything. Everything
 * else (several traces, errors, odd values, invalid JSON) switches to the exact path: the bytes
 * are only collected, then parsed with JSON.parse and `parseJaegerTrace` at the end.
 *
 * Envelope states, each step checkpointed so running out of bytes restarts only that step:
 *
 * ```
 *   { "data": [ { "traceID": …, "spans": [ span, span, … ], "processes": {…} } ], "errors": null }
 *   TOP        DATA TRACE                 SPANS                                 TRACE DATA TOP END
 * ```
 */
import { ByteChunks } from './byte-chunks';
import {
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  FALLBACK,
  INCOMPLETE,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  expect,
  scanString,
  skipValue,
  skipWs,
  stringFlags,
} from './json-bytes';
import { asciiBytes, bytesEqual, stringOf } from './json-text';
import { scanSpan } from './scan-span';
import { SpanSink } from './span-sink';

const S_START = 0;
const S_TOP = 1;
const S_TOP_NEXT = 2;
const S_TRACE = 3;
const S_TRACE_NEXT = 4;
const S_SPANS = 5;
const S_SPANS_NEXT = 6;
const S_DATA_NEXT = 7;
const S_END = 8;

const K_DATA = asciiBytes('data');
const K_ERRORS = asciiBytes('errors');
const K_SPANS = asciiBytes('spans');
const K_TRACE_ID = asciiBytes('traceID');
const K_PROCESSES = asciiBytes('processes');
const K_WARNINGS = asciiBytes('warnings');

/** Largest raw chunk; bigger payloads are kept in several. */
const MAX_RAW_CHUNK = 256 * 1024 * 1024;
const MAX_SEARCH_CHUNK = 64 * 1024 * 1024;

/** What the envelope around the spans said (read as it streams past). */
export interface EnvelopeParts {
  traceId: string | undefined;
  /** Parsed `processes` and `warnings` of the trace object, when present. */
  processes: unknown;
  warnings: unknown;
}

export class JaegerStreamScanner {
  readonly raw: ByteChunks;
  readonly sink: SpanSink;
  readonly envelope: EnvelopeParts = {
    traceId: undefined,
    processes: undefined,
    warnings: undefined,
  };
  private state = S_START;
  private hasData = false;
  private hasSpans = false;
  /** Set once the payload needs the exact path; from then on bytes are only collected. */
  isFallback = false;
  private fallbackChunks: Uint8Array[] = [];

  /** `expectedBytes`: Content-Length when known, to size the first chunk. */
  constructor(expectedBytes = 0) {
    this.raw = new ByteChunks(Math.min(expectedBytes + 1 || 1 << 20, MAX_RAW_CHUNK), MAX_RAW_CHUNK);
    const searchGuess = Math.min(Math.max(expectedBytes, 1 << 16), MAX_SEARCH_CHUNK);
    this.sink = new SpanSink(new ByteChunks(searchGuess, MAX_SEARCH_CHUNK));
  }

  push(chunk: Uint8Array): void {
    if (this.isFallback) {
      this.fallbackChunks.push(chunk.slice());
      return;
    }
    this.raw.reserve(chunk.length);
    this.raw.pushBytes(chunk, 0, chunk.length);
    this.run();
  }

  /** All bytes received, in order (for the exact path). */
  allBytes(): Uint8Array[] {
    return [...this.raw.finish(), ...this.fallbackChunks];
  }

  /** Call after the last chunk; false when the exact path is needed. */
  finish(): boolean {
    if (this.isFallback) return false;
    if (this.state !== S_END) return this.fail();
    const { buf, len, segmentStart } = this.raw;
    for (let p = segmentStart; p < len; p++) {
      const c = buf[p];
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return this.fail();
    }
    return this.hasData && this.hasSpans;
  }

  private fail(): false {
    this.isFallback = true;
    return false;
  }

  private run(): void {
    const raw = this.raw;
    const hay = this.sink.hay;
    for (;;) {
      const refCount = this.sink.refType.length;
      hay.beginSegment();
      try {
        const next = this.step(raw.buf, raw.segmentStart, raw.len);
        if (next < 0) return;
        raw.segmentStart = next;
      } catch (error) {
        if (error === INCOMPLETE) {
          // Only a span writes search text and references; drop what it wrote, retry it later.
          this.sink.rollBack(refCount);
          hay.len = hay.segmentStart;
          return;
        }
        if (error !== FALLBACK) throw error;
        this.isFallback = true;
        return;
      }
    }
  }

  /**
   * One checkpointed step from `p`; returns where the next one starts, -1 when done. A step
   * changes no state before it has read everything it needs: running out of bytes restarts it.
   */
  private step(b: Uint8Array, p: number, n: number): number {
    switch (this.state) {
      case S_START: {
        const end = expect(b, p, n, OPEN_BRACE);
        this.state = S_TOP;
        return end;
      }
      case S_TOP:
      case S_TRACE:
      case S_TOP_NEXT:
      case S_TRACE_NEXT: {
        p = skipWs(b, p, n);
        if (b[p] === CLOSE_BRACE) return this.closeObject(p);
        if (this.state === S_TOP_NEXT || this.state === S_TRACE_NEXT) {
          if (b[p] !== COMMA) throw FALLBACK;
          p = skipWs(b, p + 1, n);
        }
        return this.keyValue(b, p, n);
      }
      case S_SPANS:
      case S_SPANS_NEXT: {
        p = skipWs(b, p, n);
        if (b[p] === CLOSE_BRACKET) {
          this.state = S_TRACE_NEXT;
          return p + 1;
        }
        if (this.state === S_SPANS_NEXT) {
          if (b[p] !== COMMA) throw FALLBACK;
          p = skipWs(b, p + 1, n);
        }
        const end = scanSpan(b, p, n, this.sink, this.raw.chunkIndex);
        this.state = S_SPANS_NEXT;
        return end;
      }
      case S_DATA_NEXT: {
        p = skipWs(b, p, n);
        if (b[p] !== CLOSE_BRACKET) throw FALLBACK; // a second trace: the exact path chooses
        this.state = S_TOP_NEXT;
        return p + 1;
      }
      default:
        return -1;
    }
  }

  private closeObject(p: number): number {
    const isTop = this.state === S_TOP || this.state === S_TOP_NEXT;
    this.state = isTop ? S_END : S_DATA_NEXT;
    return p + 1;
  }

  private keyValue(b: Uint8Array, p: number, n: number): number {
    if (b[p] !== QUOTE) throw FALLBACK;
    const from = p + 1;
    p = scanString(b, p, n);
    if (stringFlags !== 0) throw FALLBACK;
    const to = p - 1;
    p = skipWs(b, expect(b, p, n, COLON), n);
    const isTop = this.state === S_TOP || this.state === S_TOP_NEXT;
    return isTop ? this.topValue(b, p, n, from, to) : this.traceValue(b, p, n, from, to);
  }

  private topValue(b: Uint8Array, p: number, n: number, from: number, to: number): number {
    if (bytesEqual(b, from, to, K_DATA)) {
      if (this.hasData) throw FALLBACK;
      p = skipWs(b, expect(b, p, n, OPEN_BRACKET), n);
      if (b[p] !== OPEN_BRACE) throw FALLBACK; // no trace, or not an object: the exact path says so
      this.hasData = true;
      this.state = S_TRACE;
      return p + 1;
    }
    if (bytesEqual(b, from, to, K_SPANS)) throw FALLBACK; // a bare trace object
    const end = skipValue(b, p, n);
    if (bytesEqual(b, from, to, K_ERRORS) && hasErrors(b, p, end)) throw FALLBACK;
    this.state = S_TOP_NEXT;
    return end;
  }

  private traceValue(b: Uint8Array, p: number, n: number, from: number, to: number): number {
    if (bytesEqual(b, from, to, K_SPANS)) {
      if (this.hasSpans) throw FALLBACK;
      const end = expect(b, p, n, OPEN_BRACKET);
      this.hasSpans = true;
      this.state = S_SPANS;
      return end;
    }
    const end = skipValue(b, p, n);
    if (bytesEqual(b, from, to, K_TRACE_ID)) {
      if (b[p] !== QUOTE) throw FALLBACK;
      scanString(b, p, n);
      this.envelope.traceId = stringOf(b, p, end, stringFlags);
    } else if (bytesEqual(b, from, to, K_PROCESSES)) {
      this.envelope.processes = JSON.parse(decodeJson(b, p, end));
    } else if (bytesEqual(b, from, to, K_WARNINGS)) {
      this.envelope.warnings = JSON.parse(decodeJson(b, p, end));
    }
    this.state = S_TRACE_NEXT;
    return end;
  }
}

const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

function decodeJson(b: Uint8Array, from: number, to: number): string {
  return UTF8.decode(b.subarray(from, to));
}

/** `errors` that are anything but `null` or an empty list (the envelope reports a problem). */
function hasErrors(b: Uint8Array, from: number, to: number): boolean {
  const value: unknown = JSON.parse(decodeJson(b, from, to));
  return !(value === null || (Array.isArray(value) && value.length === 0));
}
