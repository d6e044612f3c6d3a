/**
 * ExportTraceServiceRequest (OTLP/JSON object, from JSON or decoded protobuf) → the rows the
 * store keeps. A request whose structure is wrong is refused whole (MalformedRequestError →
 * 400); a span that cannot be stored (bad ids or times) is rejected alone and counted for the
 * partial-success answer.
 */
import type { Origin, SpanBatch, SpanRecord } from '../store/records';
import {
  MAX_INDEXED_KEY_CHARS,
  MAX_INDEXED_VALUE_CHARS,
  STATUS_CODE_ERROR,
} from '../store/records';
import {
  MalformedRequestError,
  SPAN_KIND_NAMES,
  STATUS_CODE_NAMES,
  buildOrigin,
  copyAttributes,
  copyCount,
  copyString,
  isObject,
  listField,
  objectItem,
  readEnum,
  readId,
  readNanos,
  type JsonObject,
} from './otlp-fields';
import { RejectionTally } from './rejections';

export interface NormalizedTraces {
  readonly batch: SpanBatch;
  readonly rejected: number;
  /** Why spans were rejected ('' when none were). */
  readonly errorMessage: string;
}

/**
 * Attributes naming the model, by convention, most specific first: OTel GenAI, Vercel AI SDK,
 * Langfuse, OpenInference, OpenLLMetry legacy, then the served-model keys.
 */
const MODEL_KEYS = [
  'gen_ai.request.model',
  'ai.model.id',
  'langfuse.observation.model.name',
  'llm.model_name',
  'embedding.model_name',
  'llm.request.model_name',
  'gen_ai.response.model',
  'ai.response.model',
  'llm.response.model_name',
];
const MODEL_PRIORITY = new Map(MODEL_KEYS.map((key, index) => [key, index]));

interface AttributeFacts {
  readonly indexed: [string, string][];
  readonly model: string | null;
}

function readAttributeFacts(attributes: unknown): AttributeFacts {
  const indexed: [string, string][] = [];
  if (!Array.isArray(attributes)) return { indexed, model: null };
  const seen = new Set<string>();
  let model: string | null = null;
  let modelRank = Infinity;
  for (const item of attributes as JsonObject[]) {
    const key = item.key as string;
    const text = isObject(item.value) ? item.value.stringValue : undefined;
    if (typeof text !== 'string' || seen.has(key)) continue;
    seen.add(key);
    const rank = MODEL_PRIORITY.get(key);
    if (rank !== undefined && rank < modelRank && text !== '') {
      model = text;
      modelRank = rank;
    }
    if (key.length <= MAX_INDEXED_KEY_CHARS && text.length <= MAX_INDEXED_VALUE_CHARS) {
      indexed.push([key, text]);
    }
  }
  return { indexed, model };
}

function normalizeEvents(raw: unknown): JsonObject[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const events: JsonObject[] = [];
  for (const item of raw) {
    if (!isObject(item)) continue;
    const event: JsonObject = {};
    const time = readNanos(item.timeUnixNano);
    if (time) event.timeUnixNano = time.toString();
    event.name = typeof item.name === 'string' ? item.name : '';
    copyAttributes(item, event);
    copyCount(item, event, 'droppedAttributesCount');
    events.push(event);
  }
  return events.length > 0 ? events : undefined;
}

function normalizeLinks(raw: unknown): JsonObject[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const links: JsonObject[] = [];
  for (const item of raw) {
    if (!isObject(item)) continue;
    const traceId = readId(item.traceId, 32);
    const spanId = readId(item.spanId, 16);
    if (!traceId || !spanId) continue; // a link must point somewhere
    const link: JsonObject = { traceId, spanId };
    copyString(item, link, 'traceState');
    copyAttributes(item, link);
    copyCount(item, link, 'droppedAttributesCount');
    copyCount(item, link, 'flags');
    links.push(link);
  }
  return links.length > 0 ? links : undefined;
}

function normalizeStatus(raw: unknown): { code: number; json: JsonObject | undefined } {
  if (!isObject(raw)) return { code: 0, json: undefined };
  const code = readEnum(raw.code, STATUS_CODE_NAMES, 0);
  const json: JsonObject = {};
  copyString(raw, json, 'message');
  if (code !== 0) json.code = code;
  return { code, json };
}

/** The fields a stored span cannot do without. */
interface SpanCore {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly name: string;
  readonly start: bigint;
  readonly end: bigint | null;
}

/** Reads the required fields, or says why the span cannot be stored. */
function readSpanCore(raw: JsonObject): SpanCore | string {
  const traceId = readId(raw.traceId, 32);
  if (!traceId) return 'span without a valid traceId';
  const spanId = readId(raw.spanId, 16);
  if (!spanId) return 'span without a valid spanId';
  const parentSpanId = readId(raw.parentSpanId, 16);
  if (parentSpanId === undefined) return 'span with an invalid parentSpanId';
  const start = readNanos(raw.startTimeUnixNano);
  if (!start) return 'span without a valid startTimeUnixNano';
  const end = readNanos(raw.endTimeUnixNano);
  if (end === undefined) return 'span with an invalid endTimeUnixNano';
  if (raw.name !== undefined && raw.name !== null && typeof raw.name !== 'string') {
    return 'span with a non-string name';
  }
  const name = typeof raw.name === 'string' ? raw.name : '';
  return { traceId, spanId, parentSpanId, name, start, end };
}

/** The span in spec OTLP/JSON, fields in proto order (as pdata's JSON marshaller writes them). */
function spanJson(raw: JsonObject, core: SpanCore, kind: number, status: JsonObject | undefined) {
  const span: JsonObject = { traceId: core.traceId, spanId: core.spanId };
  copyString(raw, span, 'traceState');
  if (core.parentSpanId) span.parentSpanId = core.parentSpanId;
  copyCount(raw, span, 'flags');
  span.name = core.name;
  span.kind = kind;
  span.startTimeUnixNano = core.start.toString();
  if (core.end) span.endTimeUnixNano = core.end.toString();
  copyAttributes(raw, span);
  copyCount(raw, span, 'droppedAttributesCount');
  const events = normalizeEvents(raw.events);
  if (events) span.events = events;
  copyCount(raw, span, 'droppedEventsCount');
  const links = normalizeLinks(raw.links);
  if (links) span.links = links;
  copyCount(raw, span, 'droppedLinksCount');
  if (status && Object.keys(status).length > 0) span.status = status;
  return span;
}

/**
 * The stored text. Values are depth-bounded on the way in, so this should never fail; if some
 * shape still defeats JSON.stringify, the span is rejected alone instead of failing the batch.
 */
function stringifyStored(span: JsonObject): string | undefined {
  try {
    return JSON.stringify(span);
  } catch {
    return undefined;
  }
}

/** One span → its record, or the reason it cannot be stored. */
function normalizeSpan(raw: unknown, origin: Origin): SpanRecord | string {
  if (!isObject(raw)) return 'span is not an object';
  const core = readSpanCore(raw);
  if (typeof core === 'string') return core;
  const kind = readEnum(raw.kind, SPAN_KIND_NAMES, 0);
  const status = normalizeStatus(raw.status);
  const span = spanJson(raw, core, kind, status.json);
  const json = stringifyStored(span);
  if (json === undefined) return 'span that cannot be stored as JSON';
  const facts = readAttributeFacts(span.attributes);
  return {
    traceId: core.traceId,
    spanId: core.spanId,
    parentSpanId: core.parentSpanId,
    service: origin.service,
    name: core.name,
    kind,
    startNs: core.start,
    endNs: core.end && core.end > core.start ? core.end : core.start,
    statusCode: status.code,
    model: facts.model,
    origin: origin.digest,
    json,
    attributes: facts.indexed,
  };
}

/** Throws MalformedRequestError for a request that is not an export request. */
export function normalizeTraceRequest(request: unknown): NormalizedTraces {
  const root = objectItem(request, 'the request body');
  const origins = new Map<string, Origin>();
  const spans: SpanRecord[] = [];
  const tally = new RejectionTally('spans');
  listField(root, 'resourceSpans', 'request').forEach((entry, r) => {
    const resourceEntry = objectItem(entry, `resourceSpans[${r}]`);
    const scopeLists = [
      ...listField(resourceEntry, 'scopeSpans', `resourceSpans[${r}]`),
      ...listField(resourceEntry, 'instrumentationLibrarySpans', `resourceSpans[${r}]`),
    ];
    scopeLists.forEach((scopeItem, s) => {
      const where = `resourceSpans[${r}].scopeSpans[${s}]`;
      const scopeEntry = objectItem(scopeItem, where);
      const origin = buildOrigin(resourceEntry, scopeEntry);
      for (const raw of listField(scopeEntry, 'spans', where)) {
        const record = normalizeSpan(raw, origin);
        if (typeof record === 'string') tally.add(record);
        else {
          origins.set(origin.digest, origin);
          spans.push(record);
        }
      }
    });
  });
  return {
    batch: { origins: [...origins.values()], spans },
    rejected: tally.count,
    errorMessage: tally.message(),
  };
}

export function isErrorSpan(span: SpanRecord): boolean {
  return span.statusCode === STATUS_CODE_ERROR;
}

export { MalformedRequestError };
