/**
 * Reading traces and log records back as OTLP/JSON text. The stored JSON is spliced, not
 * re-serialized: a 10,000-span trace is one query and one string join.
 */
import type { Client } from '@libsql/client';
import { asText, placeholders } from './sql-rows';

interface StoredItem {
  readonly json: string;
  readonly origin: string;
}

interface OriginTexts {
  readonly resourceJson: string;
  readonly scopeJson: string;
}

const EMPTY_ORIGIN: OriginTexts = { resourceJson: '{"resource":{}}', scopeJson: '{"scope":{}}' };

/** `{"a":1}` + ("list", "[…]") → `{"a":1,"list":[…]}`. */
function withField(objectJson: string, key: string, valueJson: string): string {
  const field = `${JSON.stringify(key)}:${valueJson}`;
  return objectJson === '{}' ? `{${field}}` : `${objectJson.slice(0, -1)},${field}}`;
}

async function loadOrigins(client: Client, digests: Iterable<string>) {
  const list = [...new Set(digests)];
  const origins = new Map<string, OriginTexts>();
  if (list.length === 0) return origins;
  const result = await client.execute({
    sql: `SELECT digest, resource_json, scope_json FROM origins WHERE digest IN (${placeholders(list.length)})`,
    args: list,
  });
  for (const row of result.rows) {
    origins.set(asText(row[0]), { resourceJson: asText(row[1]), scopeJson: asText(row[2]) });
  }
  return origins;
}

/**
 * Items grouped as OTLP nests them: resource → scope → items, each level in order of first
 * appearance. `scopeKey`/`itemKey`: `scopeSpans`/`spans` or `scopeLogs`/`logRecords`.
 */
function groupAsOtlp(
  items: readonly StoredItem[],
  origins: ReadonlyMap<string, OriginTexts>,
  scopeKey: string,
  itemKey: string,
): string[] {
  const byResource = new Map<string, Map<string, string[]>>();
  for (const item of items) {
    const origin = origins.get(item.origin) ?? EMPTY_ORIGIN;
    let scopes = byResource.get(origin.resourceJson);
    if (!scopes) byResource.set(origin.resourceJson, (scopes = new Map()));
    let list = scopes.get(origin.scopeJson);
    if (!list) scopes.set(origin.scopeJson, (list = []));
    list.push(item.json);
  }
  return [...byResource].map(([resourceJson, scopes]) => {
    const scopeList = [...scopes].map(([scopeJson, list]) =>
      withField(scopeJson, itemKey, `[${list.join(',')}]`),
    );
    return withField(resourceJson, scopeKey, `[${scopeList.join(',')}]`);
  });
}

/**
 * The `resourceSpans` entries (JSON texts) of the given traces, trace by trace in the order
 * given, spans by start time. Traces with no spans contribute nothing.
 */
export async function readResourceSpans(
  client: Client,
  traceIds: readonly string[],
): Promise<string[]> {
  if (traceIds.length === 0) return [];
  const result = await client.execute({
    sql: `SELECT trace_id, span_json, origin FROM spans
          WHERE trace_id IN (${placeholders(traceIds.length)})
          ORDER BY trace_id, start_ns, span_id`,
    args: [...traceIds],
  });
  const byTrace = new Map<string, StoredItem[]>(traceIds.map((id) => [id, []]));
  for (const row of result.rows) {
    byTrace.get(asText(row[0]))?.push({ json: asText(row[1]), origin: asText(row[2]) });
  }
  const origins = await loadOrigins(
    client,
    result.rows.map((row) => asText(row[2])),
  );
  return [...byTrace.values()].flatMap((items) =>
    groupAsOtlp(items, origins, 'scopeSpans', 'spans'),
  );
}

/** The `resourceLogs` entries (JSON texts) of one trace's log records, by time. */
export async function readResourceLogs(client: Client, traceId: string): Promise<string[]> {
  const result = await client.execute({
    sql: `SELECT record_json, origin FROM logs WHERE trace_id = ?
          ORDER BY coalesce(time_ns, 0), id`,
    args: [traceId],
  });
  const items = result.rows.map((row) => ({ json: asText(row[0]), origin: asText(row[1]) }));
  const origins = await loadOrigins(
    client,
    items.map((item) => item.origin),
  );
  return groupAsOtlp(items, origins, 'scopeLogs', 'logRecords');
}

/** Whether a trace has any stored span. */
export async function hasTrace(client: Client, traceId: string): Promise<boolean> {
  const result = await client.execute({
    sql: 'SELECT 1 FROM traces WHERE trace_id = ?',
    args: [traceId],
  });
  return result.rows.length > 0;
}
