/**
 * What the receiver hands the store: spans and log records already checked and turned into
 * spec OTLP/JSON (lowercase hex ids, integer enums, ns times as decimal strings), plus the
 * columns the store indexes. Resource and scope are kept once per distinct pair ("origin").
 */

/**
 * A resource + scope pair, stored once and referenced by `digest`. The JSON texts are the
 * OTLP `ResourceSpans`/`ResourceLogs` without its scope list (`{"resource":…,"schemaUrl":…}`)
 * and the `ScopeSpans`/`ScopeLogs` without its items (`{"scope":…,"schemaUrl":…}`), so a
 * stored trace is rebuilt in the grouping it arrived in.
 */
export interface Origin {
  readonly digest: string;
  readonly service: string;
  readonly resourceJson: string;
  readonly scopeJson: string;
}

export interface SpanRecord {
  /** 32 lowercase hex digits. */
  readonly traceId: string;
  /** 16 lowercase hex digits. */
  readonly spanId: string;
  /** `null` for a root span (absent, empty or all-zero parent id). */
  readonly parentSpanId: string | null;
  readonly service: string;
  readonly name: string;
  /** OTLP SpanKind number (0 unspecified … 5 consumer). */
  readonly kind: number;
  /** ns since the epoch. */
  readonly startNs: bigint;
  /** ns since the epoch; equals `startNs` when the span has no valid end. */
  readonly endNs: bigint;
  /** OTLP StatusCode number (0 unset, 1 ok, 2 error). */
  readonly statusCode: number;
  /** Requested (else served) model of an LLM span, from the common conventions' attributes. */
  readonly model: string | null;
  readonly origin: string;
  /** The span as spec OTLP/JSON text. */
  readonly json: string;
  /** Indexed attribute pairs: short string values only (see MAX_INDEXED_VALUE_CHARS). */
  readonly attributes: readonly (readonly [string, string])[];
}

export interface LogRecordRow {
  readonly traceId: string;
  readonly spanId: string | null;
  /** ns since the epoch (the record's time, else its observed time), if any. */
  readonly timeNs: bigint | null;
  readonly eventName: string | null;
  readonly origin: string;
  /** The log record as spec OTLP/JSON text. */
  readonly json: string;
}

export interface SpanBatch {
  readonly origins: readonly Origin[];
  readonly spans: readonly SpanRecord[];
}

export interface LogBatch {
  readonly origins: readonly Origin[];
  readonly logs: readonly LogRecordRow[];
}

export const STATUS_CODE_ERROR = 2;

/**
 * Only short string attributes go into the attribute index (ids, names, routes, models);
 * longer ones (prompts, documents) and other types are found by scanning the span JSON.
 */
export const MAX_INDEXED_VALUE_CHARS = 128;
export const MAX_INDEXED_KEY_CHARS = 128;
