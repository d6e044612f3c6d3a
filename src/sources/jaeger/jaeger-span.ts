/**
 * One Jaeger span (UI JSON model) → model `Span`. Never throws: a span without a usable id is
 * dropped and reported, every other defect is repaired and reported.
 *
 * Times: Jaeger sends µs since epoch. `startNs` is `(startTime − originUs) × 1000`, computed on
 * the µs difference so it stays an exact integer (absolute ns would exceed 2^53).
 */
import {
  asNanos,
  type Nanos,
  type Problem,
  type Span,
  type SpanEvent,
  type SpanReference,
} from '../../model/trace';
import {
  NO_ATTRIBUTES,
  convertTags,
  isRecord,
  kindFromTags,
  MAX_EPOCH_MICROS,
  readEpochMicros,
  readMicros,
  statusFromTags,
} from './jaeger-values';
import { describeRaw, stringifySafely } from '../safe-json';

const NO_EVENTS: readonly SpanEvent[] = Object.freeze([]);
const NO_REFERENCES: readonly SpanReference[] = Object.freeze([]);
const NO_WARNINGS: readonly string[] = Object.freeze([]);
const ALL_ZERO_RE = /^0+$/;

/** What a span needs from its trace while being converted. */
export interface SpanContext {
  /** Trace id for spans (and references) that carry none. */
  readonly traceId: string;
  /** Trace origin in µs since epoch: the earliest valid span start. */
  readonly originUs: number;
  readonly problems: Problem[];
  /** Index into the trace's resources for this raw span (reports unknown processes itself). */
  resolveResource(raw: Record<string, unknown>, spanId: string): number;
}

/** Offset of a µs timestamp from the origin, in integer ns. */
function offsetNs(us: number, originUs: number): Nanos {
  return asNanos(Math.round((us - originUs) * 1000));
}

/** Converts one raw span; `undefined` (with a 'dropped-span' problem) when it has no id. */
export function convertSpan(raw: unknown, index: number, ctx: SpanContext): Span | undefined {
  if (!isRecord(raw) || typeof raw.spanID !== 'string' || raw.spanID === '') {
    const name =
      isRecord(raw) && typeof raw.operationName === 'string' ? ` "${raw.operationName}"` : '';
    ctx.problems.push({
      kind: 'dropped-span',
      message: `span #${index + 1}${name} has no spanID; dropped`,
    });
    return undefined;
  }
  const spanId = raw.spanID;
  const traceId = typeof raw.traceID === 'string' && raw.traceID ? raw.traceID : ctx.traceId;
  for (const field of ['traceID', 'operationName'] as const) {
    const value = raw[field];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      reportWrongType(ctx.problems, spanId, field, value);
    }
  }
  const startNs = readStart(raw.startTime, spanId, ctx);
  const attributes = convertTags(raw.tags, ctx.problems, spanId, 'tag');
  const scopeName = attributes.find((a) => a.key === 'otel.scope.name');
  const scopeVersion = attributes.find((a) => a.key === 'otel.scope.version');
  return {
    spanId,
    sourceSpanId: spanId,
    traceId,
    name: typeof raw.operationName === 'string' ? raw.operationName : '',
    kind: kindFromTags(attributes),
    status: statusFromTags(attributes),
    startNs,
    durationNs: readDuration(raw, spanId, ctx.problems),
    resourceIndex: ctx.resolveResource(raw, spanId),
    ...(scopeName?.value.type === 'string' && {
      scope: {
        name: scopeName.value.value,
        ...(scopeVersion?.value.type === 'string' && { version: scopeVersion.value.value }),
      },
    }),
    attributes,
    events: convertLogs(raw.logs, startNs, spanId, ctx),
    references: convertReferences(raw, traceId, spanId, ctx.problems),
    warnings: readStrings(raw.warnings),
  };
}

/** A start that cannot be read is placed at the trace origin, and reported. */
function readStart(value: unknown, spanId: string, ctx: SpanContext): Nanos {
  const us = readEpochMicros(value);
  if (us !== undefined) return offsetNs(us, ctx.originUs);
  ctx.problems.push({
    kind: 'invalid-value',
    message: `startTime ${value === undefined ? 'is missing' : `${describeRaw(value)} is not a time between 1970 and 2255`}; span placed at the trace start`,
    spanId,
  });
  return asNanos(0);
}

/**
 * 0 is a legitimate instant span. A missing duration means the span never ended (the tree
 * builder reports that as 'no-end'); a negative or unreadable one is also replaced by `null`, and
 * reported here as an invalid value.
 */
function readDuration(
  raw: Record<string, unknown>,
  spanId: string,
  problems: Problem[],
): Nanos | null {
  if (raw.duration === undefined || raw.duration === null) return null;
  const us = readMicros(raw.duration);
  // A duration past 2^53 µs would be Infinity or inexact once in ns.
  if (us !== undefined && us >= 0 && us <= MAX_EPOCH_MICROS) return asNanos(Math.round(us * 1000));
  problems.push({
    kind: 'invalid-value',
    message: `duration ${describeRaw(raw.duration)} is not a valid duration; span shown as unfinished`,
    spanId,
  });
  return null;
}

/** Logs → events. Name: the `event` field when present, else "log"; all fields stay attributes. */
function convertLogs(
  raw: unknown,
  startNs: Nanos,
  spanId: string,
  ctx: SpanContext,
): readonly SpanEvent[] {
  if (!Array.isArray(raw)) {
    if (raw !== undefined && raw !== null) reportWrongType(ctx.problems, spanId, 'logs', raw);
    return NO_EVENTS;
  }
  if (raw.length === 0) return NO_EVENTS;
  const events: SpanEvent[] = [];
  for (const log of raw as unknown[]) {
    if (!isRecord(log)) {
      ctx.problems.push({
        kind: 'invalid-value',
        message: 'log entry is not an object; dropped',
        spanId,
      });
      continue;
    }
    const attributes = convertTags(log.fields, ctx.problems, spanId, 'log field');
    const us = readEpochMicros(log.timestamp);
    if (us === undefined) {
      ctx.problems.push({
        kind: 'invalid-value',
        message: 'log timestamp is missing or not a time; placed at the span start',
        spanId,
      });
    }
    const event = attributes.find((a) => a.key === 'event');
    events.push({
      name: event?.value.type === 'string' && event.value.value ? event.value.value : 'log',
      timeNs: us === undefined ? startNs : offsetNs(us, ctx.originUs),
      attributes: attributes.length ? attributes : NO_ATTRIBUTES,
    });
  }
  return events;
}

const REF_TYPES: Readonly<Record<string, SpanReference['type']>> = {
  CHILD_OF: 'child_of',
  FOLLOWS_FROM: 'follows_from',
};

/**
 * `references[]` → SpanReference; the deprecated `parentSpanID` becomes a child_of only when
 * there are no references (an all-zero id means "no parent", as old clients wrote it).
 */
function convertReferences(
  raw: Record<string, unknown>,
  traceId: string,
  spanId: string,
  problems: Problem[],
): readonly SpanReference[] {
  const refs: SpanReference[] = [];
  if (Array.isArray(raw.references)) {
    for (const ref of raw.references as unknown[]) {
      const converted = convertReference(ref, traceId, spanId, problems);
      if (converted) refs.push(converted);
    }
  } else if (raw.references !== undefined && raw.references !== null) {
    reportWrongType(problems, spanId, 'references', raw.references);
  }
  const parent = raw.parentSpanID;
  if (refs.length === 0 && typeof parent === 'string' && parent && !ALL_ZERO_RE.test(parent)) {
    refs.push({ type: 'child_of', traceId, spanId: parent, attributes: NO_ATTRIBUTES });
  }
  return refs.length ? refs : NO_REFERENCES;
}

function convertReference(
  ref: unknown,
  traceId: string,
  spanId: string,
  problems: Problem[],
): SpanReference | undefined {
  if (!isRecord(ref) || typeof ref.spanID !== 'string' || ref.spanID === '') {
    problems.push({
      kind: 'invalid-value',
      message: 'reference without a spanID; dropped',
      spanId,
    });
    return undefined;
  }
  const refType = typeof ref.refType === 'string' ? ref.refType.toUpperCase() : '';
  const type = REF_TYPES[refType];
  if (!type) {
    problems.push({
      kind: 'invalid-value',
      message: `reference type ${describeRaw(ref.refType)} is unknown; kept as a link`,
      spanId,
    });
  }
  return {
    type: type ?? 'link',
    traceId: typeof ref.traceID === 'string' && ref.traceID ? ref.traceID : traceId,
    spanId: ref.spanID,
    attributes: NO_ATTRIBUTES,
  };
}

/** A list of messages; non-strings are stringified rather than lost. */
export function readStrings(raw: unknown): readonly string[] {
  if (!Array.isArray(raw) || raw.length === 0) return NO_WARNINGS;
  return (raw as unknown[]).map((item) =>
    typeof item === 'string' ? item : stringifySafely(item),
  );
}

/** A field holding a value of the wrong JSON type: reported, and read as absent. */
function reportWrongType(problems: Problem[], spanId: string, field: string, value: unknown): void {
  problems.push({
    kind: 'invalid-value',
    message: `${field} ${describeRaw(value)} is not a ${field === 'logs' || field === 'references' ? 'list' : 'string'}; ignored`,
    spanId,
  });
}
