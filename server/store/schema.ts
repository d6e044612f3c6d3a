/**
 * The local store's SQLite schema (see docs/decisions/0004-local-store.md).
 *
 *   origins         resource + scope JSON, once per distinct pair (spans and logs point here)
 *   spans           one row per span: indexed columns + the span's OTLP/JSON
 *   span_attrs      short string span attributes (key, value → spans.id), for attribute search
 *   traces          per-trace summary kept up to date on every write (root, times, counts)
 *   trace_services  per-trace, per-service span and error counts
 *   logs            trace-bound OTLP log records (GenAI content events)
 *   meta            key/value flags (demo loaded, …)
 *
 * Times are ns since the epoch in INTEGER columns (signed 64-bit; fits until 2262).
 */

/** Bumped on every schema change; a store with another version is refused (no migrations yet). */
export const SCHEMA_VERSION = 2;

/** Must run before the first table exists: auto_vacuum cannot be switched on later without VACUUM. */
export const PRE_SCHEMA_PRAGMAS = ['PRAGMA auto_vacuum = INCREMENTAL'];

/**
 * Per-connection settings. WAL + synchronous=NORMAL: a committed transaction survives a killed
 * process (the WAL is written before COMMIT returns); only an OS crash or power loss can
 * lose the last commits.
 */
export const CONNECTION_PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA synchronous = NORMAL',
  'PRAGMA busy_timeout = 5000',
  'PRAGMA foreign_keys = OFF',
];

export const SCHEMA_STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS origins (
     digest TEXT PRIMARY KEY,
     service TEXT NOT NULL,
     resource_json TEXT NOT NULL,
     scope_json TEXT NOT NULL,
     last_used_ms INTEGER NOT NULL
   ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS spans (
     id INTEGER PRIMARY KEY,
     trace_id TEXT NOT NULL,
     span_id TEXT NOT NULL,
     parent_span_id TEXT,
     service TEXT NOT NULL,
     name TEXT NOT NULL,
     kind INTEGER NOT NULL,
     start_ns INTEGER NOT NULL,
     end_ns INTEGER NOT NULL,
     duration_ns INTEGER NOT NULL,
     status_code INTEGER NOT NULL,
     model TEXT,
     has_error INTEGER NOT NULL,
     origin TEXT NOT NULL,
     span_json TEXT NOT NULL,
     UNIQUE (trace_id, span_id)
   )`,
  `CREATE INDEX IF NOT EXISTS spans_service_name_kind ON spans (service, name, kind)`,
  `CREATE INDEX IF NOT EXISTS spans_start ON spans (start_ns)`,
  `CREATE INDEX IF NOT EXISTS spans_duration ON spans (duration_ns)`,
  `CREATE INDEX IF NOT EXISTS spans_model ON spans (model) WHERE model IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS spans_errors ON spans (trace_id) WHERE has_error = 1`,
  `CREATE TABLE IF NOT EXISTS span_attrs (
     key TEXT NOT NULL,
     value TEXT NOT NULL,
     span_row INTEGER NOT NULL,
     PRIMARY KEY (key, value, span_row)
   ) WITHOUT ROWID`,
  `CREATE INDEX IF NOT EXISTS span_attrs_span ON span_attrs (span_row)`,
  `CREATE TABLE IF NOT EXISTS traces (
     trace_id TEXT PRIMARY KEY,
     root_service TEXT NOT NULL,
     root_name TEXT NOT NULL,
     root_start_ns INTEGER NOT NULL,
     has_root INTEGER NOT NULL,
     min_start_ns INTEGER NOT NULL,
     max_end_ns INTEGER NOT NULL,
     span_count INTEGER NOT NULL,
     error_count INTEGER NOT NULL,
     first_received_ms INTEGER NOT NULL,
     last_received_ms INTEGER NOT NULL
   ) WITHOUT ROWID`,
  `CREATE INDEX IF NOT EXISTS traces_start ON traces (min_start_ns)`,
  `CREATE INDEX IF NOT EXISTS traces_received ON traces (last_received_ms)`,
  `CREATE TABLE IF NOT EXISTS trace_services (
     trace_id TEXT NOT NULL,
     service TEXT NOT NULL,
     span_count INTEGER NOT NULL,
     error_count INTEGER NOT NULL,
     PRIMARY KEY (trace_id, service)
   ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS logs (
     id INTEGER PRIMARY KEY,
     trace_id TEXT NOT NULL,
     span_id TEXT,
     time_ns INTEGER,
     event_name TEXT,
     origin TEXT NOT NULL,
     record_json TEXT NOT NULL,
     received_ms INTEGER NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS logs_trace ON logs (trace_id)`,
  `CREATE INDEX IF NOT EXISTS logs_received ON logs (received_ms)`,
];
