/**
 * Statements that store one batch in one transaction: the new spans, their indexed
 * attributes, their origins, and the per-trace and per-service summary upserts. Spans of one
 * trace may arrive in any number of batches, in any order, from any service: each summary
 * column is merged (min/max/sum), and the root is the earliest parentless span seen so far
 * (until one arrives, the earliest span stands in, marked `has_root = 0`).
 */
import type { InStatement, InValue } from '@libsql/client';
import type { LogBatch, Origin, SpanRecord } from './records';
import { STATUS_CODE_ERROR } from './records';
import { multiRowInsert } from './sql-rows';

interface TraceDelta {
  traceId: string;
  root: SpanRecord;
  hasRoot: boolean;
  minStart: bigint;
  maxEnd: bigint;
  spanCount: number;
  errorCount: number;
  services: Map<string, { spanCount: number; errorCount: number }>;
}

const isError = (span: SpanRecord) => span.statusCode === STATUS_CODE_ERROR;

/** Is `span` a better root than the current candidate? Parentless first, then earliest. */
function isBetterRoot(span: SpanRecord, delta: TraceDelta): boolean {
  const parentless = span.parentSpanId === null;
  if (parentless !== delta.hasRoot) return parentless;
  return span.startNs < delta.root.startNs;
}

function summarize(spans: readonly SpanRecord[]): TraceDelta[] {
  const byTrace = new Map<string, TraceDelta>();
  for (const span of spans) {
    let delta = byTrace.get(span.traceId);
    if (!delta) {
      delta = {
        traceId: span.traceId,
        root: span,
        hasRoot: span.parentSpanId === null,
        minStart: span.startNs,
        maxEnd: span.endNs,
        spanCount: 0,
        errorCount: 0,
        services: new Map(),
      };
      byTrace.set(span.traceId, delta);
    } else if (isBetterRoot(span, delta)) {
      delta.root = span;
      delta.hasRoot = span.parentSpanId === null;
    }
    if (span.startNs < delta.minStart) delta.minStart = span.startNs;
    if (span.endNs > delta.maxEnd) delta.maxEnd = span.endNs;
    const error = isError(span) ? 1 : 0;
    delta.spanCount++;
    delta.errorCount += error;
    const service = delta.services.get(span.service) ?? { spanCount: 0, errorCount: 0 };
    service.spanCount++;
    service.errorCount += error;
    delta.services.set(span.service, service);
  }
  return [...byTrace.values()];
}

const BETTER_ROOT =
  '(excluded.has_root > traces.has_root OR (excluded.has_root = traces.has_root AND excluded.root_start_ns < traces.root_start_ns))';
const TRACE_UPSERT_TAIL = `ON CONFLICT (trace_id) DO UPDATE SET
  root_service = CASE WHEN ${BETTER_ROOT} THEN excluded.root_service ELSE traces.root_service END,
  root_name = CASE WHEN ${BETTER_ROOT} THEN excluded.root_name ELSE traces.root_name END,
  root_start_ns = CASE WHEN ${BETTER_ROOT} THEN excluded.root_start_ns ELSE traces.root_start_ns END,
  has_root = max(traces.has_root, excluded.has_root),
  min_start_ns = min(traces.min_start_ns, excluded.min_start_ns),
  max_end_ns = max(traces.max_end_ns, excluded.max_end_ns),
  span_count = traces.span_count + excluded.span_count,
  error_count = traces.error_count + excluded.error_count,
  last_received_ms = excluded.last_received_ms`;

export function originStatements(origins: readonly Origin[], nowMs: number): InStatement[] {
  return multiRowInsert(
    'INSERT INTO origins (digest, service, resource_json, scope_json, last_used_ms)',
    5,
    origins.map((o) => [o.digest, o.service, o.resourceJson, o.scopeJson, nowMs]),
    'ON CONFLICT (digest) DO UPDATE SET last_used_ms = excluded.last_used_ms',
  );
}

/**
 * Statements for spans that are not stored yet (the caller removed duplicates). `firstRowId`
 * is the `spans.id` of the first span, the others follow; the attribute index points at it.
 */
export function spanStatements(
  spans: readonly SpanRecord[],
  firstRowId: number,
  nowMs: number,
): InStatement[] {
  const spanRows: InValue[][] = spans.map((s, i) => [
    firstRowId + i,
    s.traceId,
    s.spanId,
    s.parentSpanId,
    s.service,
    s.name,
    s.kind,
    s.startNs,
    s.endNs,
    s.endNs - s.startNs,
    s.statusCode,
    s.model,
    isError(s) ? 1 : 0,
    s.origin,
    s.json,
  ]);
  const attrRows: InValue[][] = [];
  spans.forEach((s, i) => {
    for (const [key, value] of s.attributes) attrRows.push([key, value, firstRowId + i]);
  });
  const deltas = summarize(spans);
  const traceRows: InValue[][] = deltas.map((d) => [
    d.traceId,
    d.root.service,
    d.root.name,
    d.root.startNs,
    d.hasRoot ? 1 : 0,
    d.minStart,
    d.maxEnd,
    d.spanCount,
    d.errorCount,
    nowMs,
    nowMs,
  ]);
  const serviceRows: InValue[][] = deltas.flatMap((d) =>
    [...d.services].map(([service, c]) => [d.traceId, service, c.spanCount, c.errorCount]),
  );
  return [
    ...multiRowInsert(
      `INSERT INTO spans (id, trace_id, span_id, parent_span_id, service, name, kind, start_ns,
         end_ns, duration_ns, status_code, model, has_error, origin, span_json)`,
      15,
      spanRows,
      'ON CONFLICT (trace_id, span_id) DO NOTHING',
    ),
    ...multiRowInsert('INSERT OR IGNORE INTO span_attrs (key, value, span_row)', 3, attrRows),
    ...multiRowInsert(
      `INSERT INTO traces (trace_id, root_service, root_name, root_start_ns, has_root,
         min_start_ns, max_end_ns, span_count, error_count, first_received_ms, last_received_ms)`,
      11,
      traceRows,
      TRACE_UPSERT_TAIL,
    ),
    ...multiRowInsert(
      'INSERT INTO trace_services (trace_id, service, span_count, error_count)',
      4,
      serviceRows,
      `ON CONFLICT (trace_id, service) DO UPDATE SET
         span_count = trace_services.span_count + excluded.span_count,
         error_count = trace_services.error_count + excluded.error_count`,
    ),
  ];
}

export function logStatements(batch: LogBatch, nowMs: number): InStatement[] {
  return [
    ...originStatements(batch.origins, nowMs),
    ...multiRowInsert(
      `INSERT INTO logs (trace_id, span_id, time_ns, event_name, origin, record_json, received_ms)`,
      7,
      batch.logs.map((l) => [l.traceId, l.spanId, l.timeNs, l.eventName, l.origin, l.json, nowMs]),
    ),
  ];
}
