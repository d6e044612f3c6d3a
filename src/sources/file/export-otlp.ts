/**
 * Any opened trace → OTLP/JSON (spec encoding: hex ids, integer enums, ns decimal strings), so
 * it can be downloaded and opened again here or in any OTLP tool.
 *
 * Mapping of what OTLP cannot say directly:
 * - the first same-trace `child_of` reference becomes `parentSpanId` (a span with only
 *   `follows_from` references takes the first of those, so the tree survives); every other
 *   reference becomes a link, with `opentracing.ref_type` as Jaeger's OTLP translator writes it;
 * - ids are written as the backend sent them (`sourceSpanId`), so renamed duplicates and
 *   Zipkin's shared halves reappear as the duplicates they were;
 * - trace-level warnings are not kept.
 */
import {
  type Attribute,
  type AttributeValue,
  type Span,
  type SpanKind,
  type SpanReference,
  type Trace,
} from '../../model/trace';

const KIND_NUMBERS: Readonly<Record<SpanKind, number>> = {
  unspecified: 0,
  internal: 1,
  server: 2,
  client: 3,
  producer: 4,
  consumer: 5,
};
const STATUS_NUMBERS = { unset: 0, ok: 1, error: 2 } as const;

type Json = Record<string, unknown>;

export function anyValueToOtlp(value: AttributeValue): Json {
  switch (value.type) {
    case 'string':
      return { stringValue: value.value };
    case 'bool':
      return { boolValue: value.value };
    case 'int':
      return { intValue: value.value };
    case 'float':
      return { doubleValue: Number.isFinite(value.value) ? value.value : String(value.value) };
    case 'binary':
      return { bytesValue: value.value };
    case 'array':
      return { arrayValue: { values: value.value.map(anyValueToOtlp) } };
    case 'map':
      return { kvlistValue: { values: attributesToOtlp(value.value) } };
    case 'empty':
      return {};
  }
}

function attributesToOtlp(attributes: readonly Attribute[]): Json[] {
  return attributes.map(({ key, value }) => ({ key, value: anyValueToOtlp(value) }));
}

/** ns since the epoch of an offset, as an exact decimal string. */
function epochNanos(trace: Trace, offsetNs: number): string {
  return (BigInt(Math.round(trace.startEpochUs)) * 1000n + BigInt(Math.round(offsetNs))).toString();
}

function parentAndLinks(span: Span): { parent?: SpanReference; links: SpanReference[] } {
  const sameTrace = (r: SpanReference) => r.traceId.toLowerCase() === span.traceId.toLowerCase();
  const parent =
    span.references.find((r) => r.type === 'child_of' && sameTrace(r)) ??
    span.references.find((r) => r.type === 'follows_from' && sameTrace(r));
  return { parent, links: span.references.filter((r) => r !== parent) };
}

function linkToOtlp(ref: SpanReference): Json {
  const refType: Attribute[] =
    ref.type === 'link'
      ? []
      : [{ key: 'opentracing.ref_type', value: { type: 'string', value: ref.type } }];
  return {
    traceId: ref.traceId,
    spanId: ref.spanId,
    attributes: attributesToOtlp([...ref.attributes, ...refType]),
  };
}

function spanToOtlp(trace: Trace, span: Span, idOf: (spanId: string) => string): Json {
  const { parent, links } = parentAndLinks(span);
  const out: Json = {
    traceId: span.traceId,
    spanId: span.sourceSpanId,
    ...(parent ? { parentSpanId: idOf(parent.spanId) } : {}),
    name: span.name,
    kind: KIND_NUMBERS[span.kind],
    startTimeUnixNano: epochNanos(trace, span.startNs),
    ...(span.durationNs === null
      ? {}
      : { endTimeUnixNano: epochNanos(trace, span.startNs + span.durationNs) }),
    attributes: attributesToOtlp(span.attributes),
    events: span.events.map((event) => ({
      timeUnixNano: epochNanos(trace, event.timeNs),
      name: event.name,
      attributes: attributesToOtlp(event.attributes),
    })),
    links: links.map(linkToOtlp),
    status: {
      code: STATUS_NUMBERS[span.status.code],
      ...(span.status.message ? { message: span.status.message } : {}),
    },
  };
  return out;
}

function resourceAttributes(trace: Trace, index: number): Json[] {
  const resource = trace.resources[index];
  if (!resource) return [];
  const attributes = attributesToOtlp(resource.attributes);
  const hasName = resource.attributes.some((a) => a.key === 'service.name');
  return hasName
    ? attributes
    : [{ key: 'service.name', value: { stringValue: resource.serviceName } }, ...attributes];
}

/**
 * The trace as an OTLP/JSON `TracesData` document: one `resourceSpans` per resource, one
 * `scopeSpans` per instrumentation scope, spans in their original order within each.
 */
export function traceToOtlpJson(trace: Trace): { resourceSpans: Json[] } {
  // References name spans by model id; the document uses the ids the backend sent.
  const sourceIds = new Map(trace.spans.map((s) => [s.spanId, s.sourceSpanId]));
  const idOf = (spanId: string) => sourceIds.get(spanId) ?? spanId;
  const byResource = new Map<number, Map<string, Span[]>>();
  for (const span of trace.spans) {
    let scopes = byResource.get(span.resourceIndex);
    if (!scopes) byResource.set(span.resourceIndex, (scopes = new Map()));
    const scopeKey = JSON.stringify([span.scope?.name ?? '', span.scope?.version ?? '']);
    const list = scopes.get(scopeKey);
    if (list) list.push(span);
    else scopes.set(scopeKey, [span]);
  }
  const resourceSpans = [...byResource].map(([index, scopes]) => ({
    resource: { attributes: resourceAttributes(trace, index) },
    scopeSpans: [...scopes.values()].map((spans) => {
      const scope = spans[0]?.scope;
      return {
        scope: scope
          ? { name: scope.name, ...(scope.version ? { version: scope.version } : {}) }
          : {},
        spans: spans.map((span) => spanToOtlp(trace, span, idOf)),
      };
    }),
  }));
  return { resourceSpans };
}
