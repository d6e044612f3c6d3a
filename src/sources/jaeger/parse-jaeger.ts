/**
 * Jaeger "UI JSON" (query service `/api/traces/{id}`, internal API v1) → Tracefall model.
 *
 * Accepted shapes, detected from the payload itself:
 * - the envelope `{data: [trace, ...], total, limit, offset, errors}`;
 * - a bare trace object `{traceID, spans, processes, warnings}` (unknown keys such as `_comment`
 *   are ignored);
 * - a bare array of spans, each with an inline `process` (the anonymizer's format).
 *
 * Pure and linear in the payload size. Throws `NotATraceError` only when the payload holds no
 * recognizable trace at all; a recognizable trace with bad parts never throws (see jaeger-span).
 */
import {
  asEpochMicros,
  traceIdKey,
  type ParsedTrace,
  type Problem,
  type Resource,
  type Span,
  type Trace,
} from '../../model/trace';
import { convertSpan, readStrings, type SpanContext } from './jaeger-span';
import { convertTags, isRecord, readEpochMicros } from './jaeger-values';
import { describeRaw, stringifySafely } from '../safe-json';

/** The payload is not a Jaeger trace in any accepted shape. */
export class NotATraceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotATraceError';
  }
}

const UNKNOWN_SERVICE = 'unknown_service';

/** The parts of the payload that make up the chosen trace, before conversion. */
interface RawTrace {
  readonly traceId: string;
  readonly spans: readonly unknown[];
  readonly processes: unknown;
  readonly warnings: readonly string[];
}

/**
 * Parses a Jaeger payload. With several traces (a search result or multi-get), the one whose id
 * matches `requestedTraceId` (ids compared padded and lowercased) is kept, else the first, and
 * a problem says how many were left out. Envelope `errors` become trace warnings plus one
 * 'partial-trace' problem.
 */
export function parseJaegerTrace(payload: unknown, requestedTraceId?: string): ParsedTrace {
  const problems: Problem[] = [];
  const raw = locateTrace(payload, requestedTraceId, problems);
  return { trace: convertTrace(raw, problems), problems };
}

function locateTrace(
  payload: unknown,
  requested: string | undefined,
  problems: Problem[],
): RawTrace {
  if (Array.isArray(payload)) return locateInSpanArray(payload, requested, problems);
  if (!isRecord(payload)) {
    throw new NotATraceError(
      `expected a Jaeger trace, got ${payload === null ? 'null' : typeof payload}`,
    );
  }
  if (Array.isArray(payload.spans)) return readTraceObject(payload, requested, problems);
  if ('data' in payload) return locateInEnvelope(payload, requested, problems);
  throw new NotATraceError(
    'expected a Jaeger trace: the JSON object has neither "data" nor "spans"',
  );
}

function readTraceObject(
  trace: Record<string, unknown>,
  requested: string | undefined,
  problems: Problem[],
): RawTrace {
  const spans = trace.spans as unknown[];
  if (trace.traceID !== undefined && trace.traceID !== null && typeof trace.traceID !== 'string') {
    problems.push({
      kind: 'invalid-value',
      message: `the trace's traceID ${describeRaw(trace.traceID)} is not a string; ignored`,
    });
  }
  return {
    traceId: firstTraceId(trace.traceID, spans, requested),
    spans,
    processes: trace.processes,
    warnings: readStrings(trace.warnings),
  };
}

/** The trace's own id, else its first span's, else the requested one. */
function firstTraceId(
  own: unknown,
  spans: readonly unknown[],
  requested: string | undefined,
): string {
  if (typeof own === 'string' && own) return own;
  for (const span of spans) {
    if (isRecord(span) && typeof span.traceID === 'string' && span.traceID) return span.traceID;
  }
  return requested ?? '';
}

function locateInEnvelope(
  envelope: Record<string, unknown>,
  requested: string | undefined,
  problems: Problem[],
): RawTrace {
  const errors = readEnvelopeErrors(envelope.errors);
  const data = Array.isArray(envelope.data) ? (envelope.data as unknown[]) : [];
  const traces = data.filter(
    (item): item is Record<string, unknown> => isRecord(item) && Array.isArray(item.spans),
  );
  if (traces.length === 0) {
    const why = errors.length ? `: ${errors.join('; ')}` : '';
    throw new NotATraceError(`the Jaeger response holds no trace${why}`);
  }
  const wantedKey = requested === undefined ? undefined : traceIdKey(requested);
  const chosen =
    (wantedKey === undefined
      ? undefined
      : traces.find((t) => typeof t.traceID === 'string' && traceIdKey(t.traceID) === wantedKey)) ??
    (traces[0] as Record<string, unknown>);
  const raw = readTraceObject(chosen, requested, problems);
  if (traces.length > 1) {
    problems.push({
      kind: 'other',
      message: `the response held ${traces.length} traces; only ${raw.traceId} is shown`,
    });
  }
  if (errors.length === 0) return raw;
  problems.push({
    kind: 'partial-trace',
    message: `the backend reported ${errors.length === 1 ? 'an error' : `${errors.length} errors`} with the trace: ${errors.join('; ')}`,
  });
  return { ...raw, warnings: [...raw.warnings, ...errors] };
}

/** Envelope `errors: [{code?, msg, traceID?}]` → one message each. */
function readEnvelopeErrors(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return (raw as unknown[]).map((error) => {
    if (!isRecord(error)) return stringifySafely(error);
    const msg = typeof error.msg === 'string' ? error.msg : stringifySafely(error);
    const code = typeof error.code === 'number' ? ` (${error.code})` : '';
    const trace = typeof error.traceID === 'string' ? ` [trace ${error.traceID}]` : '';
    return `${msg}${code}${trace}`;
  });
}

function looksLikeSpan(item: unknown): boolean {
  return isRecord(item) && ('spanID' in item || 'traceID' in item);
}

/**
 * A bare span array. Spans of other traces than the chosen one (requested, else the first
 * span's) are left out with one problem, as with an envelope of several traces.
 */
function locateInSpanArray(
  items: readonly unknown[],
  requested: string | undefined,
  problems: Problem[],
): RawTrace {
  if (!items.some(looksLikeSpan)) {
    throw new NotATraceError('expected Jaeger spans, but the JSON array holds none');
  }
  const ids = items.map((item) =>
    isRecord(item) && typeof item.traceID === 'string' && item.traceID
      ? traceIdKey(item.traceID)
      : '',
  );
  const wantedKey = requested === undefined ? undefined : traceIdKey(requested);
  const chosenKey =
    (wantedKey !== undefined && ids.includes(wantedKey) ? wantedKey : ids.find(Boolean)) ?? '';
  const spans = items.filter((_, i) => ids[i] === '' || ids[i] === chosenKey);
  const left = items.length - spans.length;
  if (left > 0) {
    const traceCount = new Set(ids.filter((id) => id !== '' && id !== chosenKey)).size;
    problems.push({
      kind: 'other',
      message: `${left} span${left === 1 ? '' : 's'} of ${traceCount} other trace${traceCount === 1 ? '' : 's'} not shown`,
    });
  }
  return {
    traceId: firstTraceId(undefined, spans, requested),
    spans,
    processes: undefined,
    warnings: [],
  };
}

function convertTrace(raw: RawTrace, problems: Problem[]): Trace {
  const resources = new ResourceTable(raw.processes, problems);
  const ctx: SpanContext = {
    traceId: raw.traceId,
    originUs: earliestStartUs(raw.spans),
    problems,
    resolveResource: (span, spanId) => resources.resolve(span, spanId),
  };
  const spans: Span[] = [];
  for (let i = 0; i < raw.spans.length; i++) {
    const span = convertSpan(raw.spans[i], i, ctx);
    if (span) spans.push(span);
  }
  return {
    traceId: raw.traceId,
    startEpochUs: asEpochMicros(ctx.originUs),
    spans,
    resources: resources.resources,
    warnings: raw.warnings,
  };
}

/** Earliest readable `startTime` (µs since epoch); 0 when no span has one. */
function earliestStartUs(spans: readonly unknown[]): number {
  let min = Infinity;
  for (const span of spans) {
    const us = isRecord(span) ? readEpochMicros(span.startTime) : undefined;
    if (us !== undefined && us < min) min = us;
  }
  return min === Infinity ? 0 : min;
}

/**
 * Jaeger processes → resources. Spans point at a process by `processID`, or (anonymizer) carry
 * it inline; identical inline processes share one resource. A span whose process cannot be
 * found gets a shared "unknown_service" resource and a problem.
 */
class ResourceTable {
  readonly resources: Resource[] = [];
  private readonly byProcessId = new Map<string, number>();
  private readonly byInline = new Map<string, number>();
  private unknownIndex = -1;

  constructor(
    processes: unknown,
    private readonly problems: Problem[],
  ) {
    if (!isRecord(processes)) return;
    for (const [processId, process] of Object.entries(processes)) {
      this.byProcessId.set(processId, this.add(process, `process ${processId}`));
    }
  }

  resolve(span: Record<string, unknown>, spanId: string): number {
    const processId = span.processID;
    if (typeof processId === 'string') {
      const index = this.byProcessId.get(processId);
      if (index !== undefined) return index;
    }
    if (isRecord(span.process)) return this.resolveInline(span.process, spanId);
    this.problems.push({
      kind: 'invalid-value',
      message:
        typeof processId === 'string'
          ? `process "${processId}" is not in the trace; service shown as ${UNKNOWN_SERVICE}`
          : `span has no process; service shown as ${UNKNOWN_SERVICE}`,
      spanId,
    });
    if (this.unknownIndex < 0) {
      this.unknownIndex = this.resources.push({ serviceName: UNKNOWN_SERVICE, attributes: [] }) - 1;
    }
    return this.unknownIndex;
  }

  private resolveInline(process: Record<string, unknown>, spanId: string): number {
    const key = `${stringifySafely(process.serviceName)}\u0000${stringifySafely(process.tags ?? null)}`;
    let index = this.byInline.get(key);
    if (index === undefined) {
      index = this.add(process, `process of span ${spanId}`);
      this.byInline.set(key, index);
    }
    return index;
  }

  private add(process: unknown, what: string): number {
    const record = isRecord(process) ? process : {};
    const name = record.serviceName;
    if (typeof name !== 'string' || name === '') {
      this.problems.push({
        kind: 'invalid-value',
        message: `${what} has no serviceName; shown as ${UNKNOWN_SERVICE}`,
      });
    }
    const serviceName = typeof name === 'string' && name ? name : UNKNOWN_SERVICE;
    const attributes = convertTags(record.tags, this.problems, undefined, `${what} tag`);
    return this.resources.push({ serviceName, attributes }) - 1;
  }
}
