/**
 * OTLP/JSON traces → Tracefall model, for every encoding seen in the wild: spec OTLP/JSON
 * (hex ids, integer enums), Jaeger API v3 (`{result}`, also as a list of chunks), Tempo v1
 * (`{batches}`) and v2 (`{trace, status, message}`) with base64 ids and enum names, and
 * pre-1.0 `instrumentationLibrarySpans`. Linear in the payload size; never throws for a
 * payload it recognizes (bad parts become problems), and throws `NotOtlpError` otherwise.
 */
import {
  asEpochMicros,
  traceIdKey,
  type ParsedTrace,
  type Problem,
  type Resource,
} from '../../model/trace';
import { NotOtlpError, unwrapOtlpPayload, type UnwrapOptions } from './otlp-payload';
import { readResource, readScope } from './otlp-span-fields';
import { readSpan, type SpanPlace } from './otlp-span';
import { TraceBuilder } from './otlp-trace-builder';
import { decodeOtlpId, isNullId, readId } from './otlp-ids';
import { ProblemSink, describeValue, isRecord, readArray, type ValueContext } from './otlp-values';

export { NotOtlpError };

const TRACE_PAYLOAD: UnwrapOptions = {
  listKeys: ['resourceSpans', 'batches'],
  allowTempoWrapper: true,
};

interface ReadState {
  readonly shared: ProblemSink;
  /** Keyed by `traceIdKey`, so 16- and 32-digit forms of one id meet. */
  readonly builders: Map<string, TraceBuilder>;
}

function builderFor(traceId: string, state: ReadState): TraceBuilder {
  const key = traceIdKey(traceId);
  let builder = state.builders.get(key);
  if (!builder) {
    builder = new TraceBuilder(traceId);
    state.builders.set(key, builder);
  }
  return builder;
}

/** Reads one span into its trace; spans without a traceId or spanId are dropped and reported. */
function addSpan(
  raw: unknown,
  place: (builder: TraceBuilder) => SpanPlace,
  state: ReadState,
): void {
  const { shared } = state;
  if (!isRecord(raw)) {
    shared.add('dropped-span', `span ${describeValue(raw)} is not an object; dropped`);
    return;
  }
  const traceId = readId(raw.traceId, 'traceId', { sink: shared });
  if (isNullId(traceId)) {
    shared.add('dropped-span', `span ${describeValue(raw.spanId)} has no traceId; dropped`);
    return;
  }
  const builder = builderFor(traceId, state);
  const spanId = readId(raw.spanId, 'spanId', { sink: builder.sink });
  if (spanId === '') {
    builder.sink.add('dropped-span', `span "${describeValue(raw.name)}" has no spanId; dropped`);
    return;
  }
  if (isNullId(spanId)) {
    builder.sink.add(
      'invalid-value',
      'spanId is all zeros, which W3C and OTLP call invalid',
      spanId,
    );
  }
  builder.addSpan(readSpan(raw, traceId, spanId, place(builder), builder.sink));
}

function readResourceSpans(raw: unknown, payloadIndex: number, state: ReadState): void {
  const ctx: ValueContext = { sink: state.shared };
  if (!isRecord(raw)) {
    ctx.sink.add('invalid-value', `resourceSpans[${payloadIndex}] is not an object`);
    return;
  }
  let resource: Resource | undefined;
  const readOnce = (): Resource => (resource ??= readResource(raw.resource, ctx));
  const scopeLists = [
    ...readArray(raw.scopeSpans, 'scopeSpans', ctx),
    ...readArray(raw.instrumentationLibrarySpans, 'instrumentationLibrarySpans', ctx),
  ];
  for (const scopeSpans of scopeLists) {
    if (!isRecord(scopeSpans)) {
      ctx.sink.add('invalid-value', `scopeSpans ${describeValue(scopeSpans)} is not an object`);
      continue;
    }
    const scope = readScope(scopeSpans.scope ?? scopeSpans.instrumentationLibrary, ctx);
    const place = (builder: TraceBuilder): SpanPlace => ({
      resourceIndex: builder.resourceIndex(payloadIndex, readOnce),
      scope,
    });
    for (const span of readArray(scopeSpans.spans, 'spans', ctx)) addSpan(span, place, state);
  }
}

interface ParsedPayload {
  readonly traces: ParsedTrace[];
  readonly shared: readonly Problem[];
  readonly warnings: readonly string[];
}

function parsePayload(payload: unknown): ParsedPayload {
  const state: ReadState = { shared: new ProblemSink(), builders: new Map() };
  const { resources, warnings } = unwrapOtlpPayload(payload, TRACE_PAYLOAD, state.shared);
  resources.forEach((raw, index) => readResourceSpans(raw, index, state));
  const shared = state.shared.list();
  const traces = [...state.builders.values()].map((b) => b.finish(shared, warnings));
  return { traces, shared, warnings };
}

/**
 * Every trace in an OTLP/JSON payload, one per traceId, in order of first appearance.
 * Problems about the payload as a whole (a partial Tempo result, spans with no traceId) are
 * repeated in each trace. Throws `NotOtlpError` only for payloads with no OTLP structure.
 */
export function parseOtlpTraces(payload: unknown): ParsedTrace[] {
  return parsePayload(payload).traces;
}

function pickTrace(traces: readonly ParsedTrace[], requestedKey: string | undefined) {
  const match = traces.find((t) => traceIdKey(t.trace.traceId) === requestedKey);
  if (match) return match;
  let biggest = traces[0] as ParsedTrace;
  for (const t of traces) if (t.trace.spans.length > biggest.trace.spans.length) biggest = t;
  return biggest;
}

function choiceProblems(
  traces: readonly ParsedTrace[],
  chosen: ParsedTrace,
  requested?: string,
): Problem[] {
  const problems: Problem[] = [];
  const chosenId = chosen.trace.traceId;
  if (requested !== undefined && traceIdKey(chosenId) !== traceIdKey(requested)) {
    problems.push({
      kind: 'other',
      message: `trace ${requested} is not in the payload; showing ${chosenId}`,
    });
  }
  const others = traces.filter((t) => t !== chosen).map((t) => t.trace.traceId);
  if (others.length > 0) {
    const listed = others.slice(0, 5).join(', ') + (others.length > 5 ? ', ...' : '');
    problems.push({
      kind: 'other',
      message: `the payload also holds ${others.length} other trace(s), not shown: ${listed}`,
    });
  }
  return problems;
}

/**
 * One trace from an OTLP/JSON payload: the one with `requestedTraceId` (hex or base64, any
 * case) if present, else the one with the most spans; the others are noted as problems. A
 * payload with no spans gives an empty trace (id `requestedTraceId ?? ''`) and a problem.
 */
export function parseOtlpTrace(payload: unknown, requestedTraceId?: string): ParsedTrace {
  const { traces, shared, warnings } = parsePayload(payload);
  const requested =
    requestedTraceId === undefined
      ? undefined
      : (decodeOtlpId(requestedTraceId) ?? requestedTraceId);
  if (traces.length === 0) {
    const trace = {
      traceId: requested ?? '',
      startEpochUs: asEpochMicros(0),
      spans: [],
      resources: [],
      warnings,
    };
    return {
      trace,
      problems: [...shared, { kind: 'other', message: 'the payload holds no spans' }],
    };
  }
  const chosen = pickTrace(traces, requested === undefined ? undefined : traceIdKey(requested));
  return {
    trace: chosen.trace,
    problems: [...chosen.problems, ...choiceProblems(traces, chosen, requested)],
  };
}
