/**
 * OTLP/JSON logs (`{resourceLogs}`) → flat log records. The OTel GenAI instrumentations put
 * prompt and completion content in log records that point at their span through
 * `traceId`/`spanId`; this reader keeps exactly what is needed to attach them later.
 * Same leniency as the trace reader: ids in hex or base64, bad values get safe defaults.
 */
import type { Attribute, AttributeValue, InstrumentationScope, Resource } from '../../model/trace';
import { isNullId, readId } from './otlp-ids';
import { NotOtlpError, unwrapOtlpPayload, type UnwrapOptions } from './otlp-payload';
import { readResource, readScope } from './otlp-span-fields';
import { formatEpochNanos, readEpochNanos } from './otlp-time';
import {
  ProblemSink,
  convertAnyValue,
  convertAttributes,
  isRecord,
  readArray,
  readOptionalString,
  type ValueContext,
} from './otlp-values';

export { NotOtlpError };

/** One OTLP log record, flattened with its resource and scope. */
export interface OtlpLogRecord {
  /** Lowercase hex; undefined when the record is not tied to a trace. */
  readonly traceId?: string;
  /** Lowercase hex; undefined when the record is not tied to a span. */
  readonly spanId?: string;
  /** ns since the epoch as exact decimal text (see `offsetFromEpochUs`); undefined if unset. */
  readonly timeUnixNano?: string;
  readonly observedTimeUnixNano?: string;
  readonly severityText?: string;
  readonly severityNumber?: number;
  /** The `eventName` field, or else the `event.name` attribute (older GenAI instrumentations). */
  readonly eventName?: string;
  readonly body: AttributeValue;
  readonly attributes: readonly Attribute[];
  readonly resource: Resource;
  readonly scope?: InstrumentationScope;
}

const LOG_PAYLOAD: UnwrapOptions = { listKeys: ['resourceLogs'], allowTempoWrapper: false };

function readTimeText(raw: unknown): string | undefined {
  const time = readEpochNanos(raw);
  return typeof time === 'string' ? undefined : formatEpochNanos(time);
}

function readEventName(record: Record<string, unknown>, attributes: readonly Attribute[]) {
  if (typeof record.eventName === 'string' && record.eventName !== '') return record.eventName;
  const attribute = attributes.find((a) => a.key === 'event.name')?.value;
  return attribute?.type === 'string' ? attribute.value : undefined;
}

function readOptionalId(raw: unknown, what: string, ctx: ValueContext): string | undefined {
  const id = readId(raw, what, ctx);
  return isNullId(id) ? undefined : id;
}

function readLogRecord(
  record: Record<string, unknown>,
  resource: Resource,
  scope: InstrumentationScope | undefined,
  ctx: ValueContext,
): OtlpLogRecord {
  const attributes = convertAttributes(record.attributes, 'log attribute', ctx);
  return {
    traceId: readOptionalId(record.traceId, 'log traceId', ctx),
    spanId: readOptionalId(record.spanId, 'log spanId', ctx),
    timeUnixNano: readTimeText(record.timeUnixNano),
    observedTimeUnixNano: readTimeText(record.observedTimeUnixNano),
    severityText: readOptionalString(record.severityText, 'severityText', ctx),
    severityNumber: typeof record.severityNumber === 'number' ? record.severityNumber : undefined,
    eventName: readEventName(record, attributes),
    body: convertAnyValue(record.body, 'log body', ctx),
    attributes,
    resource,
    scope,
  };
}

function readResourceLogs(raw: unknown, out: OtlpLogRecord[], ctx: ValueContext): void {
  if (!isRecord(raw)) return;
  const resource = readResource(raw.resource, ctx);
  const scopeLists = [
    ...readArray(raw.scopeLogs, 'scopeLogs', ctx),
    ...readArray(raw.instrumentationLibraryLogs, 'instrumentationLibraryLogs', ctx),
  ];
  for (const scopeLogs of scopeLists) {
    if (!isRecord(scopeLogs)) continue;
    const scope = readScope(scopeLogs.scope ?? scopeLogs.instrumentationLibrary, ctx);
    // Before OTLP 0.19 the record list was called `logs`.
    const records = readArray(scopeLogs.logRecords ?? scopeLogs.logs, 'logRecords', ctx);
    for (const record of records) {
      if (isRecord(record)) out.push(readLogRecord(record, resource, scope, ctx));
    }
  }
}

/**
 * Every log record of an OTLP/JSON logs payload (`{resourceLogs}`, or a list of such
 * documents), in payload order. Records that are not objects are skipped; bad fields get
 * safe defaults. Throws `NotOtlpError` when the payload has no `resourceLogs` at all.
 */
export function parseOtlpLogs(payload: unknown): OtlpLogRecord[] {
  // Problems are not returned (the records are attached to spans later); the sink is capped.
  const ctx: ValueContext = { sink: new ProblemSink() };
  const { resources } = unwrapOtlpPayload(payload, LOG_PAYLOAD, ctx.sink);
  const out: OtlpLogRecord[] = [];
  for (const resourceLogs of resources) readResourceLogs(resourceLogs, out, ctx);
  return out;
}
