/**
 * Writes a neutral span list (test/hostile/types.ts) as each wire format: OTLP/JSON, Tempo's
 * encoding of it, Jaeger UI JSON, Zipkin v2 and OTLP JSON Lines. Hostile values are written as
 * they would arrive on the wire: a NaN time is the text "NaN", not `null`; `__proto__` keys are
 * real own keys of the JSON (objects built with a null prototype so assignment cannot eat them);
 * values nested 10,000 deep are spliced in as text, because JSON.stringify itself overflows.
 */
import type { HostileFormat, NeutralSpan, NeutralValue } from './types';

type Json = Record<string, unknown>;

const DEFAULT_SERVICE = 'hostile-service';
const DEFAULT_START_US = 1_700_000_000_000_000;
const DEFAULT_DURATION_US = 1_000;
const DEEP_MARKER = /"@@deep:(otlp|json):(\d+)@@"/g;

function bag(): Json {
  return Object.create(null) as Json;
}

function times(span: NeutralSpan): { start: number; end: number } {
  const start = span.startUs ?? DEFAULT_START_US;
  return { start, end: start + (span.durationUs ?? DEFAULT_DURATION_US) };
}

/** µs → OTLP ns text; non-finite values are written as their names ("NaN"), as a broken client would. */
function nanosText(us: number): string {
  if (!Number.isFinite(us)) return String(us);
  return (BigInt(Math.round(us)) * 1000n).toString();
}

/** JSON numbers cannot be NaN: such times travel as strings. */
function micros(us: number): number | string {
  return Number.isFinite(us) ? us : String(us);
}

function deepMarker(kind: 'otlp' | 'json', depth: number): string {
  return `@@deep:${kind}:${depth}@@`;
}

/** AnyValue nested `depth` levels, alternating arrayValue and kvlistValue. */
function deepOtlpText(depth: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    if (i % 2 === 0) {
      open += '{"arrayValue":{"values":[';
      close = ']}}' + close;
    } else {
      open += '{"kvlistValue":{"values":[{"key":"k","value":';
      close = '}]}}' + close;
    }
  }
  return `${open}{"stringValue":"bottom"}${close}`;
}

function deepJsonText(depth: number): string {
  return `${'['.repeat(depth)}"bottom"${']'.repeat(depth)}`;
}

/** JSON text with the deep-value markers replaced by the nested values they stand for. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value).replace(DEEP_MARKER, (_, kind: string, depth: string) =>
    kind === 'otlp' ? deepOtlpText(Number(depth)) : deepJsonText(Number(depth)),
  );
}

function otlpValue(value: NeutralValue, tempo: boolean): Json {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? { intValue: tempo ? String(value) : value }
      : { doubleValue: value };
  }
  return deepMarker('otlp', value.deep) as unknown as Json;
}

function otlpId(id: string | undefined, tempo: boolean): string | undefined {
  if (id === undefined || !tempo || !/^(?:[0-9a-f]{2})+$/.test(id)) return id;
  return Buffer.from(id, 'hex').toString('base64');
}

function otlpSpan(
  span: NeutralSpan,
  traceId: string,
  format: 'otlp' | 'tempo',
  extraOf: HostileFormat,
): Json {
  const tempo = format === 'tempo';
  const { start, end } = times(span);
  const out: Json = bag();
  out.traceId = otlpId(span.traceId ?? traceId, tempo);
  if (span.id !== undefined) out.spanId = otlpId(span.id, tempo);
  if (span.parent !== undefined) out.parentSpanId = otlpId(span.parent, tempo);
  out.name = span.name ?? 'op';
  out.kind = tempo ? 'SPAN_KIND_INTERNAL' : 1;
  out.startTimeUnixNano = nanosText(start);
  out.endTimeUnixNano = nanosText(end);
  out.attributes = (span.attributes ?? []).map(([key, value]) => ({
    key,
    value: otlpValue(value, tempo),
  }));
  if (span.eventName !== undefined) {
    out.events = [{ name: span.eventName, timeUnixNano: nanosText(start), attributes: [] }];
  }
  out.status = { code: tempo ? 'STATUS_CODE_UNSET' : 0 };
  return Object.assign(out, span.extra?.[extraOf]);
}

/** One ResourceSpans per service, in order of first appearance. */
function otlpDocument(
  spans: readonly NeutralSpan[],
  traceId: string,
  format: 'otlp' | 'tempo',
  extraOf: HostileFormat = format,
) {
  const byService = new Map<string, Json[]>();
  for (const span of spans) {
    const service = span.service ?? DEFAULT_SERVICE;
    const list = byService.get(service) ?? [];
    list.push(otlpSpan(span, traceId, format, extraOf));
    byService.set(service, list);
  }
  const resources = [...byService].map(([service, list]) => ({
    resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
    scopeSpans: [{ scope: { name: 'hostile', version: '1' }, spans: list }],
  }));
  return format === 'tempo' ? { batches: resources } : { resourceSpans: resources };
}

function jaegerTag(key: string, value: NeutralValue): Json {
  if (typeof value === 'string') return { key, type: 'string', value };
  if (typeof value === 'boolean') return { key, type: 'bool', value };
  if (typeof value === 'number') {
    return { key, type: Number.isInteger(value) ? 'int64' : 'float64', value };
  }
  return { key, type: 'string', value: deepMarker('json', value.deep) };
}

function jaegerDocument(spans: readonly NeutralSpan[], traceId: string) {
  const processes = bag();
  const processIds = new Map<string, string>();
  const out = spans.map((span) => {
    const service = span.service ?? DEFAULT_SERVICE;
    let processId = processIds.get(service);
    if (processId === undefined) {
      processId = `p${processIds.size + 1}`;
      processIds.set(service, processId);
      processes[processId] = { serviceName: service, tags: [] };
    }
    const { start, end } = times(span);
    const raw: Json = bag();
    raw.traceID = span.traceId ?? traceId;
    if (span.id !== undefined) raw.spanID = span.id;
    raw.operationName = span.name ?? 'op';
    raw.references =
      span.parent === undefined
        ? []
        : [{ refType: 'CHILD_OF', traceID: span.traceId ?? traceId, spanID: span.parent }];
    raw.startTime = micros(start);
    raw.duration = micros(end - start);
    raw.tags = (span.attributes ?? []).map(([key, value]) => jaegerTag(key, value));
    raw.logs =
      span.eventName === undefined
        ? []
        : [
            {
              timestamp: micros(start),
              fields: [{ key: 'event', type: 'string', value: span.eventName }],
            },
          ];
    raw.processID = processId;
    raw.warnings = null;
    return Object.assign(raw, span.extra?.jaeger);
  });
  const trace = { traceID: traceId, spans: out, processes, warnings: null };
  return { data: [trace], total: 0, limit: 0, offset: 0, errors: null };
}

function zipkinDocument(spans: readonly NeutralSpan[], traceId: string) {
  return spans.map((span) => {
    const { start, end } = times(span);
    const raw: Json = bag();
    raw.traceId = span.traceId ?? traceId;
    if (span.id !== undefined) raw.id = span.id;
    if (span.parent !== undefined) raw.parentId = span.parent;
    raw.name = span.name ?? 'op';
    raw.timestamp = micros(start);
    raw.duration = micros(end - start);
    raw.localEndpoint = { serviceName: span.service ?? DEFAULT_SERVICE };
    const tags = bag();
    for (const [key, value] of span.attributes ?? []) {
      tags[key] = typeof value === 'object' ? deepMarker('json', value.deep) : String(value);
    }
    raw.tags = tags;
    if (span.eventName !== undefined) {
      raw.annotations = [{ timestamp: micros(start), value: span.eventName }];
    }
    return Object.assign(raw, span.extra?.zipkin);
  });
}

/** The spans as the text a backend, an exporter or a file would hold, in `format`. */
export function encodeSpans(
  format: HostileFormat,
  spans: readonly NeutralSpan[],
  traceId: string,
): string {
  switch (format) {
    case 'otlp':
    case 'tempo':
      return toJsonText(otlpDocument(spans, traceId, format));
    case 'jaeger':
      return toJsonText(jaegerDocument(spans, traceId));
    case 'zipkin':
      return toJsonText(zipkinDocument(spans, traceId));
    case 'jsonl':
      // The collector's file exporter: one ExportTraceServiceRequest per line.
      return spans
        .map((span) => toJsonText(otlpDocument([span], traceId, 'otlp', 'jsonl')))
        .join('\n');
  }
}

/** A small valid trace (root, child, grandchild with an event), for field-by-field mutation. */
export function baseDocument(format: Exclude<HostileFormat, 'jsonl'>, traceId: string): unknown {
  const text = encodeSpans(
    format,
    [
      { id: '00000000000000a1', name: 'root', attributes: [['http.method', 'GET']] },
      {
        id: '00000000000000a2',
        parent: '00000000000000a1',
        name: 'child',
        eventName: 'retry',
        extra: { zipkin: { kind: 'CLIENT' } },
      },
      { id: '00000000000000a3', parent: '00000000000000a2', name: 'leaf', startUs: 1.7e15 + 10 },
    ],
    traceId,
  );
  return JSON.parse(text) as unknown;
}
