/** Shapes shared by the hostile-input corpus (test/hostile/corpus.ts) and its builders. */

/** Wire formats the corpus speaks. `tempo` is OTLP as Tempo prints it (base64 ids, enum names). */
export type HostileFormat = 'otlp' | 'tempo' | 'jaeger' | 'zipkin' | 'jsonl';

/**
 * What a case must end in:
 * - `problems`: one or more traces, and at least one problem counted;
 * - `rejected`: the adapter's own typed error (NotOtlpError, NotATraceError, TraceFileError…);
 * - `problems-or-rejected`: either of those (a wrong type whose outcome depends on the field);
 * - `accepted`: traces (problems may be zero): strange but valid content, kept as sent;
 * - `survives`: traces or a typed error, problems optional (`null` where a field may be absent).
 */
export type HostileExpectation =
  'problems' | 'rejected' | 'problems-or-rejected' | 'accepted' | 'survives';

export interface HostileCase {
  /** Says what the case shows, e.g. `jaeger: parent cycle a → b → c → a`. */
  readonly name: string;
  readonly format: HostileFormat;
  /** The trace the case is about (what a source would be asked for). */
  readonly traceId: string;
  readonly expect: HostileExpectation;
  /** Tens of thousands of spans or megabytes of text: built only when a test asks. */
  readonly isLarge: boolean;
  /**
   * The body as sent. JSON formats give JSON text (`JSON.parse` it for an adapter); cases about
   * bytes (invalid UTF-8) give bytes, which a browser would decode with U+FFFD replacements.
   */
  payload(): string | Uint8Array;
  /** Something the parsed trace must still hold (content must survive, not just "no crash"). */
  readonly keeps?: { readonly attributeKey?: string; readonly spanName?: string };
}

/** A span described once and written out in every format by test/hostile/encode.ts. */
export interface NeutralSpan {
  /** Absent: the span has no id at all. */
  readonly id?: string;
  /** Overrides the case's trace id ('' = no trace id). */
  readonly traceId?: string;
  readonly parent?: string;
  readonly name?: string;
  readonly service?: string;
  /** µs since the epoch; may be negative, NaN or far beyond 2^63 ns on purpose. */
  readonly startUs?: number;
  readonly durationUs?: number;
  readonly attributes?: readonly (readonly [string, NeutralValue])[];
  readonly eventName?: string;
  /** Raw fields merged into the encoded span object of one format (unknown enum values…). */
  readonly extra?: Partial<Record<HostileFormat, Record<string, unknown>>>;
}

/** `{ deep }`: a value nested that many levels (arrays/kvlists, or JSON text in a tag). */
export type NeutralValue = string | number | boolean | { readonly deep: number };

export interface NeutralScenario {
  /** What it shows, without the format: `parent cycle a → b → c → a`. */
  readonly name: string;
  readonly expect: HostileExpectation | Partial<Record<HostileFormat, HostileExpectation>>;
  readonly isLarge?: boolean;
  readonly keeps?: HostileCase['keeps'];
  spans(): readonly NeutralSpan[];
}
