/**
 * Zipkin v2 JSON → Tracefall model. Accepts a span array (`/api/v2/trace/{id}`), a single span
 * object, and an array of span arrays (`/api/v2/traces` search results); spans are grouped
 * into traces by `traceId`. Times are µs; the raw times are kept (no clock-skew correction).
 *
 * Shared span ids: the CLIENT and SERVER halves of one RPC carry the same `id`, the server half
 * with `shared: true`. Records are keyed by (id, shared): the server half is renamed
 * `<id>~server` (`~server2`… when one send has several receivers; `sourceSpanId` keeps the id)
 * and hangs under the client half, and children that name the shared id as parent hang under
 * the (first) server half, as Jaeger's span-id deduper does, unless they run in the client's
 * service. Both records stay spans, so a span count
 * counts both.
 *
 *   client  74280ae0c10d8062 (servicea) ─▶ server 74280ae0c10d8062~server (serviceb) ─▶ async
 */
import {
  asEpochMicros,
  microsToNanos,
  traceIdKey,
  ZERO_NS,
  type ParsedTrace,
  type Problem,
  type Resource,
  type Span,
  type SpanReference,
} from '../../model/trace';
import { isRecord } from '../otlp/otlp-values';
import { readZipkinRecord, type ZipkinRecord } from './zipkin-span';

export class NotZipkinError extends Error {
  constructor(message = 'The payload is not Zipkin v2 JSON') {
    super(message);
    this.name = 'NotZipkinError';
  }
}

export const SERVER_HALF_SUFFIX = '~server';

/** A Zipkin v2 span object: `traceId` and `id` strings, and no Jaeger/OTLP span keys. */
export function isZipkinSpan(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.traceId === 'string' &&
    typeof value.id === 'string' &&
    !('spanId' in value) &&
    !('spanID' in value)
  );
}

/** The raw span list of a payload, or a NotZipkinError. */
function collectRaw(payload: unknown): unknown[] {
  if (isZipkinSpan(payload)) return [payload];
  if (!Array.isArray(payload)) throw new NotZipkinError('expected a Zipkin span array');
  const items = payload.every(Array.isArray) ? (payload as unknown[][]).flat() : payload;
  if (!items.some(isZipkinSpan)) {
    throw new NotZipkinError('expected Zipkin spans (objects with traceId and id)');
  }
  return items;
}

/** Every trace in a Zipkin payload, in order of first appearance. */
export function parseZipkinTraces(payload: unknown): ParsedTrace[] {
  const shared: Problem[] = [];
  const groups = new Map<string, ZipkinRecord[]>();
  for (const raw of collectRaw(payload)) {
    const record = readZipkinRecord(raw, shared);
    if (!record) continue;
    const key = traceIdKey(record.traceId);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return [...groups.values()].map((records) => buildTrace(records, shared));
}

/**
 * One trace: the one with `requestedTraceId` if present, else the one with the most spans;
 * the others are noted as a problem.
 */
export function parseZipkinTrace(payload: unknown, requestedTraceId?: string): ParsedTrace {
  const traces = parseZipkinTraces(payload);
  const wanted = requestedTraceId === undefined ? undefined : traceIdKey(requestedTraceId);
  let chosen = traces.find((t) => traceIdKey(t.trace.traceId) === wanted);
  if (!chosen) {
    for (const t of traces) {
      if (!chosen || t.trace.spans.length > chosen.trace.spans.length) chosen = t;
    }
  }
  if (!chosen) throw new NotZipkinError('the payload holds no usable Zipkin span');
  const others = traces.length - 1;
  if (others === 0) return chosen;
  const note: Problem = {
    kind: 'other',
    message: `the payload also holds ${others} other trace(s), not shown`,
  };
  return { trace: chosen.trace, problems: [...chosen.problems, note] };
}

function startOf(record: ZipkinRecord): number | null {
  if (record.timestampUs !== null) return record.timestampUs;
  let min: number | null = null;
  for (const a of record.annotations) {
    if (a.timestampUs !== null && (min === null || a.timestampUs < min)) min = a.timestampUs;
  }
  return min;
}

interface SharedPair {
  readonly client: ZipkinRecord;
  /** Usually one; a fan-out (one send, several receivers) has several. */
  readonly servers: readonly ZipkinRecord[];
}

/** Ids whose records include both a client half and server halves (shared, or kind SERVER). */
function findSharedPairs(records: readonly ZipkinRecord[]): Map<string, SharedPair> {
  const byId = new Map<string, ZipkinRecord[]>();
  for (const r of records) {
    const group = byId.get(r.id);
    if (group) group.push(r);
    else byId.set(r.id, [r]);
  }
  const pairs = new Map<string, SharedPair>();
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    const client = group.find((r) => !r.shared && r.kind !== 'server');
    const servers = group.filter((r) => r !== client && (r.shared || r.kind === 'server'));
    if (client && servers.length > 0) pairs.set(id, { client, servers });
  }
  return pairs;
}

/** `<id>~server`, then `<id>~server2`, … for the server halves of a pair; undefined otherwise. */
function serverHalfId(record: ZipkinRecord, pairs: ReadonlyMap<string, SharedPair>) {
  const index = pairs.get(record.id)?.servers.indexOf(record) ?? -1;
  if (index < 0) return undefined;
  return `${record.id}${SERVER_HALF_SUFFIX}${index === 0 ? '' : index + 1}`;
}

function parentReference(
  record: ZipkinRecord,
  pairs: ReadonlyMap<string, SharedPair>,
): string | undefined {
  if (serverHalfId(record, pairs) !== undefined) return record.id; // under its client half
  const parentId = record.parentId;
  if (parentId === undefined) return undefined;
  const parentPair = pairs.get(parentId);
  if (!parentPair) return parentId;
  const service = record.endpoint.serviceName;
  const isClientSide =
    service === parentPair.client.endpoint.serviceName &&
    !parentPair.servers.some((server) => server.endpoint.serviceName === service);
  return isClientSide ? parentId : `${parentId}${SERVER_HALF_SUFFIX}`;
}

function buildTrace(records: readonly ZipkinRecord[], shared: readonly Problem[]): ParsedTrace {
  const problems: Problem[] = [...shared];
  const traceId = (records[0] as ZipkinRecord).traceId;
  let originUs = Infinity;
  for (const r of records) originUs = Math.min(originUs, startOf(r) ?? Infinity);
  if (originUs === Infinity) originUs = 0;
  const offset = (us: number | null) => (us === null ? ZERO_NS : microsToNanos(us - originUs));

  const pairs = findSharedPairs(records);
  const resources: Resource[] = [];
  const resourceByKey = new Map<string, number>();
  const spans = records.map((record): Span => {
    const { endpoint } = record;
    let resourceIndex = resourceByKey.get(endpoint.key);
    if (resourceIndex === undefined) {
      resourceIndex =
        resources.push({ serviceName: endpoint.serviceName, attributes: endpoint.attributes }) - 1;
      resourceByKey.set(endpoint.key, resourceIndex);
    }
    const spanId = serverHalfId(record, pairs) ?? record.id;
    const start = startOf(record);
    if (start === null) {
      problems.push({
        kind: 'invalid-value',
        message: 'span has no timestamp; placed at the trace start',
        spanId,
      });
    }
    const parent = parentReference(record, pairs);
    const references: SpanReference[] =
      parent === undefined ? [] : [{ type: 'child_of', traceId, spanId: parent, attributes: [] }];
    const startNs = offset(start);
    return {
      spanId,
      sourceSpanId: record.id,
      traceId,
      name: record.name,
      kind: record.kind,
      status: record.status,
      startNs,
      durationNs: record.durationUs === null ? null : microsToNanos(record.durationUs),
      resourceIndex,
      attributes: record.attributes,
      events: record.annotations.map((a) => ({
        name: a.value,
        timeNs: a.timestampUs === null ? startNs : offset(a.timestampUs),
        attributes: [],
      })),
      references,
      warnings: [],
    };
  });
  const trace = { traceId, startEpochUs: asEpochMicros(originUs), spans, resources, warnings: [] };
  return { trace, problems };
}
