/**
 * A dropped, picked or pasted trace file → the traces it holds, each with its problems. Runs in
 * the browser; the format is recognized from the content (detect-format.ts) and every format
 * lands in the same model through its adapter's parser.
 */
import { traceIdKey, type ParsedTrace } from '../../model/trace';
import { isRecord } from '../otlp/otlp-values';
import { NotOtlpError, parseOtlpTraces } from '../otlp/parse-otlp';
import { NotATraceError, parseJaegerTrace } from '../jaeger/parse-jaeger';
import { NotZipkinError, parseZipkinTraces } from '../zipkin/parse-zipkin';
import {
  detectTraceFile,
  FORMAT_LABELS,
  TraceFileError,
  type TraceFileFormat,
} from './detect-format';

export { TraceFileError };

export interface TraceFile {
  readonly format: TraceFileFormat;
  readonly formatLabel: string;
  /** In order of appearance; never empty. */
  readonly traces: readonly ParsedTrace[];
}

/** Jaeger spans of a bare span array, one group per trace id, in order of appearance. */
function groupJaegerSpans(spans: readonly unknown[]): unknown[][] {
  const groups = new Map<string, unknown[]>();
  for (const span of spans) {
    const id = isRecord(span) && typeof span.traceID === 'string' ? traceIdKey(span.traceID) : '';
    const group = groups.get(id);
    if (group) group.push(span);
    else groups.set(id, [span]);
  }
  return [...groups.values()];
}

function parseJaegerFile(payload: unknown): ParsedTrace[] {
  if (Array.isArray(payload)) {
    if (payload.every((t) => isRecord(t) && Array.isArray(t.spans))) {
      return payload.map((trace) => parseJaegerTrace(trace));
    }
    return groupJaegerSpans(payload).map((spans) => parseJaegerTrace(spans));
  }
  if (isRecord(payload) && Array.isArray(payload.data)) {
    const traces = (payload.data as unknown[]).filter((t) => isRecord(t) && Array.isArray(t.spans));
    // One trace at a time keeps the envelope's `errors` with it as warnings.
    if (traces.length === 1) return [parseJaegerTrace(payload)];
    return traces.map((trace) => parseJaegerTrace(trace));
  }
  return [parseJaegerTrace(payload)];
}

function parseDetected(format: TraceFileFormat, payload: unknown): ParsedTrace[] {
  switch (format) {
    case 'otlp':
    case 'otlp-jsonl':
    case 'jaeger-v3':
    case 'tempo':
      return parseOtlpTraces(payload);
    case 'jaeger':
      return parseJaegerFile(payload);
    case 'zipkin':
      return parseZipkinTraces(payload);
  }
}

/**
 * Parses a trace file. Throws `TraceFileError` with a message for the user (and line and
 * column for malformed JSON) when the text is not a trace file or holds no spans.
 */
export function parseTraceFile(text: string): TraceFile {
  const { format, payload } = detectTraceFile(text);
  let traces: ParsedTrace[];
  try {
    traces = parseDetected(format, payload);
  } catch (error) {
    if (
      error instanceof NotOtlpError ||
      error instanceof NotATraceError ||
      error instanceof NotZipkinError
    ) {
      throw new TraceFileError(
        `The file looks like ${FORMAT_LABELS[format]} but ${error.message}.`,
      );
    }
    throw error;
  }
  const withSpans = traces.filter((t) => t.trace.spans.length > 0);
  if (withSpans.length === 0) {
    throw new TraceFileError(`The file is ${FORMAT_LABELS[format]} but holds no spans.`);
  }
  return { format, formatLabel: FORMAT_LABELS[format], traces: withSpans };
}
