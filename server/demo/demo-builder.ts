/**
 * Turns a compact scenario description (spans with offsets in ms, attributes as plain values)
 * into the OTLP/JSON export requests an SDK would send: new random ids, timestamps placed so
 * the trace ends at `endMs`, one request per service (as separate exporters would send).
 */
import { randomBytes } from 'node:crypto';

/** Attribute values: integers become intValue, other numbers doubleValue, objects kvlistValue. */
export type DemoValue =
  string | number | boolean | readonly DemoValue[] | { readonly [key: string]: DemoValue };
export type DemoAttributes = Readonly<Record<string, DemoValue>>;

export type DemoKind = 'internal' | 'server' | 'client';
const KIND_NUMBER: Record<DemoKind, number> = { internal: 1, server: 2, client: 3 };

export interface DemoSpan {
  /** Local name, used as `parent` by children and as `span` by log records. */
  readonly ref: string;
  readonly parent?: string;
  /** Key into `DemoScenario.services`; the first service when absent. */
  readonly service?: string;
  readonly scope: string;
  readonly name: string;
  readonly kind: DemoKind;
  /** Start, ms after the trace start. */
  readonly atMs: number;
  readonly durationMs: number;
  readonly attributes?: DemoAttributes;
  readonly error?: string;
  /** Status OK (some instrumentations set it on success); UNSET otherwise. */
  readonly ok?: boolean;
  readonly events?: readonly { name: string; atMs: number; attributes: DemoAttributes }[];
}

export interface DemoLog {
  readonly span: string;
  readonly atMs: number;
  /** `event.name`, e.g. `gen_ai.user.message`. */
  readonly event: string;
  readonly body: DemoValue;
  readonly attributes?: DemoAttributes;
}

export interface DemoScenario {
  /** Resource attributes by service key. */
  readonly services: Readonly<Record<string, DemoAttributes>>;
  readonly scopes: Readonly<Record<string, { name: string; version: string }>>;
  readonly spans: readonly DemoSpan[];
  readonly logs?: readonly DemoLog[];
}

export interface BuiltScenario {
  readonly traceId: string;
  /** One `{resourceSpans}` request per service. */
  readonly traceRequests: readonly object[];
  /** `{resourceLogs}` request, if the scenario has log records. */
  readonly logsRequest?: object;
}

export function anyValue(value: DemoValue): object {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') {
    return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  }
  if (Array.isArray(value)) return { arrayValue: { values: value.map(anyValue) } };
  return { kvlistValue: { values: keyValues(value as DemoAttributes) } };
}

export function keyValues(attributes: DemoAttributes = {}): object[] {
  return Object.entries(attributes).map(([key, value]) => ({ key, value: anyValue(value) }));
}

const hexId = (bytes: number) => randomBytes(bytes).toString('hex');
/** The W3C sampled flag plus "parent is-remote known" (what the JS SDK sends). */
const SPAN_FLAGS = 257;

/** Builds the export requests of one scenario ending at `endMs` (ms since the epoch). */
export function buildScenario(scenario: DemoScenario, endMs: number): BuiltScenario {
  const traceId = hexId(16);
  const ids = new Map(scenario.spans.map((span) => [span.ref, hexId(8)]));
  const traceMs = Math.max(...scenario.spans.map((s) => s.atMs + s.durationMs));
  const startMs = endMs - traceMs;
  const nanos = (offsetMs: number) =>
    (BigInt(Math.round(startMs * 1000)) * 1000n + BigInt(Math.round(offsetMs * 1e6))).toString();
  const serviceKeys = Object.keys(scenario.services);
  const firstService = serviceKeys[0] ?? 'app';

  const spanJson = (span: DemoSpan) => ({
    traceId,
    spanId: ids.get(span.ref),
    ...(span.parent ? { parentSpanId: ids.get(span.parent) } : {}),
    flags: SPAN_FLAGS,
    name: span.name,
    kind: KIND_NUMBER[span.kind],
    startTimeUnixNano: nanos(span.atMs),
    endTimeUnixNano: nanos(span.atMs + span.durationMs),
    attributes: keyValues(span.attributes),
    events: (span.events ?? []).map((event) => ({
      timeUnixNano: nanos(event.atMs),
      name: event.name,
      attributes: keyValues(event.attributes),
    })),
    status: span.error ? { code: 2, message: span.error } : { code: span.ok ? 1 : 0 },
  });

  const traceRequests = serviceKeys.map((service) => {
    const spans = scenario.spans.filter((s) => (s.service ?? firstService) === service);
    const scopeNames = [...new Set(spans.map((s) => s.scope))];
    return {
      resourceSpans: [
        {
          resource: { attributes: keyValues(scenario.services[service]) },
          scopeSpans: scopeNames.map((scope) => ({
            scope: scenario.scopes[scope],
            spans: spans.filter((s) => s.scope === scope).map(spanJson),
          })),
        },
      ],
    };
  });

  const logs = scenario.logs ?? [];
  const logsRequest =
    logs.length === 0
      ? undefined
      : { resourceLogs: buildLogs(scenario, logs, { traceId, ids, nanos, firstService }) };
  return { traceId, traceRequests, logsRequest };
}

interface LogContext {
  traceId: string;
  ids: ReadonlyMap<string, string>;
  nanos: (offsetMs: number) => string;
  firstService: string;
}

/** Log records grouped by their span's service and scope, as the logs SDK exports them. */
function buildLogs(scenario: DemoScenario, logs: readonly DemoLog[], ctx: LogContext) {
  const spanByRef = new Map(scenario.spans.map((s) => [s.ref, s]));
  const groups = new Map<string, { service: string; scope: string; records: object[] }>();
  for (const log of logs) {
    const span = spanByRef.get(log.span);
    const service = span?.service ?? ctx.firstService;
    const scope = span?.scope ?? '';
    const key = `${service}\u0000${scope}`;
    const group = groups.get(key) ?? { service, scope, records: [] };
    group.records.push({
      timeUnixNano: ctx.nanos(log.atMs),
      observedTimeUnixNano: ctx.nanos(log.atMs + 1),
      severityNumber: 9,
      body: anyValue(log.body),
      attributes: keyValues({ 'event.name': log.event, ...log.attributes }),
      flags: 1,
      traceId: ctx.traceId,
      spanId: ctx.ids.get(log.span),
    });
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => ({
    resource: { attributes: keyValues(scenario.services[group.service]) },
    scopeLogs: [{ scope: scenario.scopes[group.scope], logRecords: group.records }],
  }));
}
