/**
 * Reads one OTLP span (ids already checked) into a `PendingSpan`: times stay absolute until
 * the trace's origin is known. Bad fields are reported to the trace's sink, never thrown.
 */
import type { SpanReference } from '../../model/trace';
import { readDroppedCounts, readLinks, readSpanKind, readStatus } from './otlp-span-fields';
import { compareEpochNanos, readEpochNanos, type EpochNanos } from './otlp-time';
import type { PendingEvent, PendingSpan } from './otlp-trace-builder';
import { isNullId, readId } from './otlp-ids';
import {
  ProblemSink,
  convertAttributes,
  describeValue,
  isRecord,
  readArray,
  readOptionalString,
  type ValueContext,
} from './otlp-values';

/** A time field; a bad value is reported, and so is a missing one when `placement` is given. */
function readTime(
  raw: unknown,
  what: string,
  ctx: ValueContext,
  placement?: string,
): EpochNanos | null {
  const time = readEpochNanos(raw);
  if (typeof time !== 'string') return time;
  const note = placement ? `; ${placement}` : '';
  if (time === 'invalid') {
    ctx.sink.add('invalid-value', `${what} ${describeValue(raw)} is not a time${note}`, ctx.spanId);
  } else if (placement) {
    ctx.sink.add('invalid-value', `${what} is missing${note}`, ctx.spanId);
  }
  return null;
}

function readEvents(raw: unknown, ctx: ValueContext): PendingEvent[] {
  const events: PendingEvent[] = [];
  for (const event of readArray(raw, 'events', ctx)) {
    if (!isRecord(event)) {
      ctx.sink.add('invalid-value', `event ${describeValue(event)} is not an object`, ctx.spanId);
      continue;
    }
    const name = readOptionalString(event.name, 'event name', ctx) ?? '';
    const time = readTime(event.timeUnixNano, `event "${name}" time`, ctx, 'shown at span start');
    events.push({
      name,
      time,
      attributes: convertAttributes(event.attributes, 'event attribute', ctx),
    });
  }
  return events;
}

function readSpanTimes(raw: Record<string, unknown>, ctx: ValueContext) {
  const start = readTime(raw.startTimeUnixNano, 'start time', ctx, 'shown at trace start');
  let end = readTime(raw.endTimeUnixNano, 'end time', ctx);
  if (start && end && compareEpochNanos(end, start) < 0) {
    ctx.sink.add('invalid-value', 'span ends before it starts; treated as unfinished', ctx.spanId);
    end = null;
  }
  return { start, end };
}

function readReferences(raw: Record<string, unknown>, traceId: string, ctx: ValueContext) {
  const references: SpanReference[] = [];
  const parentSpanId = readId(raw.parentSpanId, 'parentSpanId', ctx);
  if (!isNullId(parentSpanId)) {
    references.push({ type: 'child_of', traceId, spanId: parentSpanId, attributes: [] });
  }
  for (const link of readLinks(raw.links, traceId, ctx)) references.push(link);
  return references;
}

/** Where a span sits in its trace: its resource slot and scope. */
export interface SpanPlace {
  readonly resourceIndex: number;
  readonly scope: PendingSpan['scope'];
}

/** Reads the fields of a span whose trace and span ids are already known to be usable. */
export function readSpan(
  raw: Record<string, unknown>,
  traceId: string,
  spanId: string,
  place: SpanPlace,
  sink: ProblemSink,
): PendingSpan {
  const ctx: ValueContext = { sink, spanId };
  return {
    spanId,
    traceId,
    name: readOptionalString(raw.name, 'span name', ctx) ?? '',
    kind: readSpanKind(raw.kind, ctx),
    status: readStatus(raw.status, ctx),
    ...readSpanTimes(raw, ctx),
    ...place,
    attributes: convertAttributes(raw.attributes, 'attribute', ctx),
    events: readEvents(raw.events, ctx),
    references: readReferences(raw, traceId, ctx),
    warnings: readDroppedCounts(raw),
  };
}
