/**
 * Recognizes a trace file from its CONTENT (names and extensions lie): OTLP/JSON (also JSON
 * Lines, one ExportTraceServiceRequest per line, as the collector's file exporter writes),
 * Jaeger API v3 (`{result}`), Tempo (`{batches}`, `{trace}`), Jaeger UI JSON (envelope, bare
 * trace, span array, list of traces) and Zipkin v2 (span array, single span, search result).
 */
import { isZipkinSpan } from '../zipkin/parse-zipkin';
import { isRecord } from '../otlp/otlp-values';
import { locateJsonError, type JsonErrorLocation } from './json-error';

export type TraceFileFormat = 'otlp' | 'otlp-jsonl' | 'jaeger-v3' | 'tempo' | 'jaeger' | 'zipkin';

export const FORMAT_LABELS: Readonly<Record<TraceFileFormat, string>> = {
  otlp: 'OTLP/JSON',
  'otlp-jsonl': 'OTLP/JSON Lines',
  'jaeger-v3': 'Jaeger API v3 (OTLP/JSON)',
  tempo: 'Grafana Tempo JSON',
  jaeger: 'Jaeger JSON',
  zipkin: 'Zipkin v2 JSON',
};

/** Why a file cannot be opened; `line`/`column` (1-based) point at malformed JSON. */
export class TraceFileError extends Error {
  readonly line?: number;
  readonly column?: number;

  constructor(message: string, where?: { line: number; column: number }) {
    super(message);
    this.name = 'TraceFileError';
    if (where) {
      this.line = where.line;
      this.column = where.column;
    }
  }
}

export interface DetectedFile {
  readonly format: TraceFileFormat;
  /** The parsed JSON; for JSON Lines, the array of line documents. */
  readonly payload: unknown;
}

const OTLP_FAMILY: ReadonlySet<string> = new Set<TraceFileFormat>(['otlp', 'jaeger-v3', 'tempo']);

/** Detection answers a format, or a sentence saying why the JSON is not a trace. */
export function isTraceFileFormat(value: string): value is TraceFileFormat {
  return Object.hasOwn(FORMAT_LABELS, value);
}

function hasSpanList(value: Record<string, unknown>): boolean {
  return Array.isArray(value.resourceSpans);
}

function isJaegerTraceObject(value: unknown): boolean {
  return isRecord(value) && Array.isArray(value.spans) && typeof value.traceID === 'string';
}

function isJaegerSpan(value: unknown): boolean {
  return isRecord(value) && typeof value.spanID === 'string';
}

function detectObject(value: Record<string, unknown>): TraceFileFormat | string {
  if (hasSpanList(value)) return 'otlp';
  if (isRecord(value.result) && hasSpanList(value.result)) return 'jaeger-v3';
  if (Array.isArray(value.batches)) return 'tempo';
  if (
    isRecord(value.trace) &&
    (hasSpanList(value.trace) || Object.keys(value.trace).length === 0)
  ) {
    return 'tempo';
  }
  if (Array.isArray(value.data) && (value.data as unknown[]).some(isJaegerTraceObject)) {
    return 'jaeger';
  }
  if (Array.isArray(value.spans) && (value.spans as unknown[]).some(isJaegerSpan)) return 'jaeger';
  if (isZipkinSpan(value)) return 'zipkin';
  if (Array.isArray(value.resourceLogs)) return 'the file holds OTLP logs, not traces';
  if ('traces' in value || 'summaries' in value) {
    return 'the file holds search results (trace ids only), not traces';
  }
  return 'the JSON is not a trace in any known format (OTLP, Jaeger, Tempo, Zipkin)';
}

/**
 * The format of a parsed JSON value, or a sentence saying why it is not a trace. A list is
 * looked into one level only (a list of documents): `[[[…]]]` 100,000 deep must not recurse.
 */
export function detectPayloadFormat(value: unknown, depth = 0): TraceFileFormat | string {
  if (isRecord(value)) return detectObject(value);
  if (!Array.isArray(value)) return 'the JSON is not an object or an array';
  if (value.length === 0) return 'the file holds an empty list';
  if (value.some(isZipkinSpan)) return 'zipkin';
  if (value.every(Array.isArray) && (value as unknown[][]).flat().some(isZipkinSpan))
    return 'zipkin';
  if (value.some(isJaegerSpan) || value.every(isJaegerTraceObject)) return 'jaeger';
  if (depth > 0) return 'the JSON list holds no spans or traces in a known format';
  const inner = value.map((item) => detectPayloadFormat(item, depth + 1));
  const first = inner[0] ?? '';
  if (isTraceFileFormat(first) && inner.every((f) => OTLP_FAMILY.has(f))) return first;
  return 'the JSON list holds no spans or traces in a known format';
}

function toError(location: JsonErrorLocation, prefix: string): TraceFileError {
  const where = `line ${location.line}, column ${location.column}`;
  return new TraceFileError(`${prefix} at ${where}: ${location.message}.`, location);
}

function parseJsonLines(lines: readonly { text: string; line: number }[]): unknown[] {
  return lines.map(({ text, line }) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      const location = locateJsonError(text) ?? {
        line: 1,
        column: 1,
        offset: 0,
        message: 'invalid JSON',
      };
      throw new TraceFileError(
        `Line ${line} of this JSON Lines file is not valid JSON at column ${location.column}: ${location.message}.`,
        { line, column: location.column },
      );
    }
  });
}

function detectJsonLines(docs: readonly unknown[]): DetectedFile {
  const formats = docs.map((doc) => detectPayloadFormat(doc));
  const first = formats[0] as string;
  if (formats.every((f) => OTLP_FAMILY.has(f))) {
    return { format: 'otlp-jsonl', payload: docs };
  }
  if (formats.every((f) => f === 'zipkin')) return { format: 'zipkin', payload: docs.flat() };
  if (formats.every((f) => f === 'jaeger') && docs.every(isJaegerSpan)) {
    return { format: 'jaeger', payload: docs };
  }
  const bad = formats.findIndex((f) => !isTraceFileFormat(f));
  if (bad >= 0) throw new TraceFileError(`Line ${bad + 1}: ${formats[bad] as string}.`);
  throw new TraceFileError(`The lines of this file mix formats (${first} and others).`);
}

/**
 * Parses and recognizes a trace file's text. Throws `TraceFileError` for an empty file,
 * malformed JSON (with line and column) or JSON that is not a trace.
 */
export function detectTraceFile(rawText: string): DetectedFile {
  const text = rawText.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new TraceFileError('The file is empty.');
  let payload: unknown;
  try {
    payload = JSON.parse(text) as unknown;
  } catch {
    const lines = text
      .split('\n')
      .map((line, index) => ({ text: line.trim(), line: index + 1 }))
      .filter((l) => l.text !== '');
    const firstIsJson = lines.length > 1 && locateJsonError(lines[0]?.text ?? '') === null;
    if (firstIsJson) return detectJsonLines(parseJsonLines(lines));
    const location = locateJsonError(text);
    if (location) throw toError(location, 'The file is not valid JSON');
    throw new TraceFileError('The file is not valid JSON.');
  }
  const format = detectPayloadFormat(payload);
  if (!isTraceFileFormat(format)) {
    throw new TraceFileError(`${format.charAt(0).toUpperCase()}${format.slice(1)}.`);
  }
  return { format, payload };
}
