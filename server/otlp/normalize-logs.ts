/**
 * ExportLogsServiceRequest → log rows. Tracefall keeps log records for what they add to a
 * trace (the GenAI instrumentations put prompts and completions in log events that point at
 * their span), so a record without a trace id is rejected (partial success), not stored.
 */
import type { LogBatch, LogRecordRow, Origin } from '../store/records';
import {
  buildOrigin,
  copyAttributes,
  copyCount,
  copyString,
  isObject,
  listField,
  normalizeAnyValue,
  objectItem,
  readId,
  readNanos,
  stringAttribute,
  type JsonObject,
} from './otlp-fields';
import { RejectionTally } from './rejections';

export interface NormalizedLogs {
  readonly batch: LogBatch;
  readonly rejected: number;
  readonly errorMessage: string;
}

function normalizeRecord(raw: unknown, origin: Origin): LogRecordRow | string {
  if (!isObject(raw)) return 'log record is not an object';
  const traceId = readId(raw.traceId, 32);
  if (traceId === undefined) return 'log record with an invalid traceId';
  if (traceId === null) return 'log record without a traceId (only trace-bound records are kept)';
  const spanId = readId(raw.spanId, 16);
  if (spanId === undefined) return 'log record with an invalid spanId';
  const time = readNanos(raw.timeUnixNano);
  const observed = readNanos(raw.observedTimeUnixNano);
  if (time === undefined || observed === undefined) return 'log record with an invalid time';

  const record: JsonObject = {};
  if (time) record.timeUnixNano = time.toString();
  if (observed) record.observedTimeUnixNano = observed.toString();
  if (typeof raw.severityNumber === 'number') record.severityNumber = raw.severityNumber;
  copyString(raw, record, 'severityText');
  if (isObject(raw.body)) record.body = normalizeAnyValue(raw.body);
  copyAttributes(raw, record);
  copyCount(raw, record, 'droppedAttributesCount');
  copyCount(raw, record, 'flags');
  record.traceId = traceId;
  if (spanId) record.spanId = spanId;
  copyString(raw, record, 'eventName');

  const eventName =
    (typeof record.eventName === 'string' ? record.eventName : undefined) ??
    stringAttribute(record.attributes, 'event.name') ??
    null;
  return {
    traceId,
    spanId,
    timeNs: time ?? observed,
    eventName,
    origin: origin.digest,
    json: JSON.stringify(record),
  };
}

/** Throws MalformedRequestError for a request that is not a logs export request. */
export function normalizeLogsRequest(request: unknown): NormalizedLogs {
  const root = objectItem(request, 'the request body');
  const origins = new Map<string, Origin>();
  const logs: LogRecordRow[] = [];
  const tally = new RejectionTally('log records');
  listField(root, 'resourceLogs', 'request').forEach((entry, r) => {
    const resourceEntry = objectItem(entry, `resourceLogs[${r}]`);
    listField(resourceEntry, 'scopeLogs', `resourceLogs[${r}]`).forEach((scopeItem, s) => {
      const where = `resourceLogs[${r}].scopeLogs[${s}]`;
      const scopeEntry = objectItem(scopeItem, where);
      const origin = buildOrigin(resourceEntry, scopeEntry);
      for (const raw of listField(scopeEntry, 'logRecords', where)) {
        const row = normalizeRecord(raw, origin);
        if (typeof row === 'string') tally.add(row);
        else {
          origins.set(origin.digest, origin);
          logs.push(row);
        }
      }
    });
  });
  return {
    batch: { origins: [...origins.values()], logs },
    rejected: tally.count,
    errorMessage: tally.message(),
  };
}
