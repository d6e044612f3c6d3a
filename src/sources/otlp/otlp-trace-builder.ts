/**
 * Collects the spans of one trace while a payload is read, then turns absolute times into
 * offsets once the earliest start (the origin) is known.
 */
import {
  ZERO_NS,
  type Attribute,
  type InstrumentationScope,
  type ParsedTrace,
  type Problem,
  type Resource,
  type Span,
  type SpanEvent,
  type SpanKind,
  type SpanReference,
  type SpanStatus,
} from '../../model/trace';
import {
  compareEpochNanos,
  diffNanos,
  originOf,
  toEpochMicros,
  type EpochNanos,
} from './otlp-time';
import { ProblemSink } from './otlp-values';

export interface PendingEvent {
  readonly name: string;
  /** Null when the event had no usable time; it is then placed at its span's start. */
  readonly time: EpochNanos | null;
  readonly attributes: readonly Attribute[];
}

/** A span as read, with absolute times. `start` null: no usable start (placed at the origin). */
export interface PendingSpan {
  readonly spanId: string;
  readonly traceId: string;
  readonly name: string;
  readonly kind: SpanKind;
  readonly status: SpanStatus;
  readonly start: EpochNanos | null;
  /** Null when the span never ended (end missing, zero, invalid or before start). */
  readonly end: EpochNanos | null;
  readonly resourceIndex: number;
  readonly scope: InstrumentationScope | undefined;
  readonly attributes: readonly Attribute[];
  readonly events: readonly PendingEvent[];
  readonly references: readonly SpanReference[];
  readonly warnings: readonly string[];
}

const EPOCH: EpochNanos = { sec: 0, nsec: 0 };

function finishSpan(span: PendingSpan, origin: EpochNanos): Span {
  const startNs = span.start ? diffNanos(origin, span.start) : ZERO_NS;
  const durationNs = span.start && span.end ? diffNanos(span.start, span.end) : null;
  const events = span.events.map((event): SpanEvent => ({
    name: event.name,
    timeNs: event.time ? diffNanos(origin, event.time) : startNs,
    attributes: event.attributes,
  }));
  const { spanId, traceId, name, kind, status, resourceIndex, scope } = span;
  return {
    spanId,
    sourceSpanId: spanId,
    traceId,
    name,
    kind,
    status,
    startNs,
    durationNs,
    resourceIndex,
    ...(scope ? { scope } : {}),
    attributes: span.attributes,
    events,
    references: span.references,
    warnings: span.warnings,
  };
}

/** One trace being assembled. `sink` takes the problems that belong to this trace only. */
export class TraceBuilder {
  readonly sink = new ProblemSink();
  private readonly spans: PendingSpan[] = [];
  private readonly resources: Resource[] = [];
  /** Payload resource index → index in this trace's `resources`. */
  private readonly resourceSlots = new Map<number, number>();
  private earliest: EpochNanos | null = null;

  constructor(readonly traceId: string) {}

  /** This trace's index for payload resource `payloadIndex`, adding it on first use. */
  resourceIndex(payloadIndex: number, read: () => Resource): number {
    let slot = this.resourceSlots.get(payloadIndex);
    if (slot === undefined) {
      slot = this.resources.push(read()) - 1;
      this.resourceSlots.set(payloadIndex, slot);
    }
    return slot;
  }

  addSpan(span: PendingSpan): void {
    this.spans.push(span);
    if (span.start && (!this.earliest || compareEpochNanos(span.start, this.earliest) < 0)) {
      this.earliest = span.start;
    }
  }

  /**
   * The finished trace. Its origin (`startEpochUs`) is the earliest span start truncated to
   * the µs, so every start offset is exact and ≥ 0; with no usable start it is the epoch.
   */
  finish(shared: readonly Problem[], warnings: readonly string[]): ParsedTrace {
    const origin = this.earliest ? originOf(this.earliest) : EPOCH;
    const trace = {
      traceId: this.traceId,
      startEpochUs: toEpochMicros(origin),
      spans: this.spans.map((span) => finishSpan(span, origin)),
      resources: this.resources,
      warnings: [...warnings],
    };
    return { trace, problems: [...shared, ...this.sink.list()] };
  }
}
