/**
 * Trace search over the store, with Jaeger's semantics: every span condition (service,
 * operation, time window, duration, attributes, model, error) must hold on one and the same
 * span; matching traces come newest first (by their earliest span start).
 */
import type { Client, InValue } from '@libsql/client';
import { MAX_INDEXED_KEY_CHARS, MAX_INDEXED_VALUE_CHARS } from './records';
import { asBigInt, asNumber, asText, placeholders } from './sql-rows';

export interface SearchQuery {
  readonly serviceName?: string;
  readonly operationName?: string;
  readonly spanKind?: number;
  /** Bounds on span start, ns since the epoch, inclusive. */
  readonly startTimeMinNs?: bigint;
  readonly startTimeMaxNs?: bigint;
  /** Bounds on span duration in ns, inclusive. */
  readonly durationMinNs?: bigint;
  readonly durationMaxNs?: bigint;
  /** Span attributes that must all match exactly (`error=true` means status ERROR). */
  readonly attributes?: readonly (readonly [string, string])[];
  /** Tracefall extension: the span's model (requested, else served). */
  readonly model?: string;
  /** Tracefall extension: only spans with status ERROR. */
  readonly errorsOnly?: boolean;
  readonly limit: number;
}

export interface ServiceSummary {
  readonly name: string;
  readonly spanCount: number;
  readonly errorSpanCount: number;
}

/** Jaeger v3 `FindTraceSummaries` entry. */
export interface TraceSummary {
  readonly traceId: string;
  readonly rootServiceName: string;
  readonly rootOperationName: string;
  readonly minStartTimeUnixNano: string;
  readonly maxEndTimeUnixNano: string;
  readonly spanCount: number;
  readonly errorSpanCount: number;
  readonly services: ServiceSummary[];
}

function spanConditions(query: SearchQuery): { sql: string[]; args: InValue[] } {
  const sql: string[] = [];
  const args: InValue[] = [];
  const add = (condition: string, ...values: InValue[]) => {
    sql.push(condition);
    args.push(...values);
  };
  if (query.serviceName !== undefined) add('s.service = ?', query.serviceName);
  if (query.operationName !== undefined) add('s.name = ?', query.operationName);
  if (query.spanKind !== undefined) add('s.kind = ?', query.spanKind);
  if (query.startTimeMinNs !== undefined) add('s.start_ns >= ?', query.startTimeMinNs);
  if (query.startTimeMaxNs !== undefined) add('s.start_ns <= ?', query.startTimeMaxNs);
  if (query.durationMinNs !== undefined) add('s.duration_ns >= ?', query.durationMinNs);
  if (query.durationMaxNs !== undefined) add('s.duration_ns <= ?', query.durationMaxNs);
  if (query.model !== undefined) add('s.model = ?', query.model);
  if (query.errorsOnly) add('s.has_error = 1');
  for (const [key, value] of query.attributes ?? []) {
    if (key === 'error' && value === 'true') {
      add('s.has_error = 1');
      continue;
    }
    const { sql: condition, args: values } = attributeCondition(key, value);
    add(condition, ...values);
  }
  return { sql, args };
}

/**
 * `key = value` on a span: through the index for short strings, else (and for values that
 * read as numbers or booleans) by finding the attribute's exact JSON text in the stored span,
 * which is canonical (`{"key":…,"value":{"intValue":"500"}}`).
 */
function attributeCondition(key: string, value: string): { sql: string; args: InValue[] } {
  const parts: string[] = [];
  const args: InValue[] = [];
  const scan = (anyValue: object) => {
    parts.push('instr(s.span_json, ?) > 0');
    args.push(JSON.stringify({ key, value: anyValue }));
  };
  if (key.length <= MAX_INDEXED_KEY_CHARS && value.length <= MAX_INDEXED_VALUE_CHARS) {
    parts.push('s.id IN (SELECT a.span_row FROM span_attrs a WHERE a.key = ? AND a.value = ?)');
    args.push(key, value);
  } else {
    scan({ stringValue: value });
  }
  if (/^-?\d+$/.test(value)) scan({ intValue: value });
  if (value === 'true' || value === 'false') scan({ boolValue: value === 'true' });
  const number = Number(value);
  if (value.trim() !== '' && Number.isFinite(number)) scan({ doubleValue: number });
  return { sql: parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(' OR ')})`, args };
}

/** Ids of the matching traces, newest first, at most `query.limit`. */
export async function searchTraceIds(client: Client, query: SearchQuery): Promise<string[]> {
  const conditions = spanConditions(query);
  const statement =
    conditions.sql.length === 0
      ? {
          sql: 'SELECT trace_id FROM traces ORDER BY min_start_ns DESC, trace_id LIMIT ?',
          args: [query.limit],
        }
      : {
          sql: `SELECT t.trace_id FROM traces t
                WHERE t.trace_id IN (SELECT s.trace_id FROM spans s WHERE ${conditions.sql.join(' AND ')})
                ORDER BY t.min_start_ns DESC, t.trace_id LIMIT ?`,
          args: [...conditions.args, query.limit],
        };
  const result = await client.execute(statement);
  return result.rows.map((row) => asText(row[0]));
}

/** Summaries of the given traces, in the order given (unknown ids are skipped). */
export async function readSummaries(
  client: Client,
  traceIds: readonly string[],
): Promise<TraceSummary[]> {
  if (traceIds.length === 0) return [];
  const inList = placeholders(traceIds.length);
  const traces = await client.execute({
    sql: `SELECT trace_id, root_service, root_name, min_start_ns, max_end_ns, span_count, error_count
          FROM traces WHERE trace_id IN (${inList})`,
    args: [...traceIds],
  });
  const services = await client.execute({
    sql: `SELECT trace_id, service, span_count, error_count FROM trace_services
          WHERE trace_id IN (${inList}) ORDER BY span_count DESC, service`,
    args: [...traceIds],
  });
  const servicesByTrace = new Map<string, ServiceSummary[]>();
  for (const row of services.rows) {
    const id = asText(row[0]);
    const list = servicesByTrace.get(id) ?? [];
    list.push({
      name: asText(row[1]),
      spanCount: asNumber(row[2]),
      errorSpanCount: asNumber(row[3]),
    });
    servicesByTrace.set(id, list);
  }
  const byId = new Map<string, TraceSummary>();
  for (const row of traces.rows) {
    const traceId = asText(row[0]);
    byId.set(traceId, {
      traceId,
      rootServiceName: asText(row[1]),
      rootOperationName: asText(row[2]),
      minStartTimeUnixNano: asBigInt(row[3]).toString(),
      maxEndTimeUnixNano: asBigInt(row[4]).toString(),
      spanCount: asNumber(row[5]),
      errorSpanCount: asNumber(row[6]),
      services: servicesByTrace.get(traceId) ?? [],
    });
  }
  return traceIds.flatMap((id) => byId.get(id) ?? []);
}

export async function listServices(client: Client): Promise<string[]> {
  // Origins are few (one per resource + scope); each candidate is checked with one index seek.
  const result = await client.execute(
    `SELECT DISTINCT o.service FROM origins o
     WHERE EXISTS (SELECT 1 FROM spans s WHERE s.service = o.service) ORDER BY o.service`,
  );
  return result.rows.map((row) => asText(row[0]));
}

export interface Operation {
  readonly name: string;
  readonly spanKind: number;
}

export async function listOperations(
  client: Client,
  service: string,
  spanKind?: number,
): Promise<Operation[]> {
  const result = await client.execute({
    sql: `SELECT DISTINCT name, kind FROM spans WHERE service = ?
          ${spanKind === undefined ? '' : 'AND kind = ?'} ORDER BY name, kind`,
    args: spanKind === undefined ? [service] : [service, spanKind],
  });
  return result.rows.map((row) => ({ name: asText(row[0]), spanKind: asNumber(row[1]) }));
}
