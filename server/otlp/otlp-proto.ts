/**
 * OTLP protobuf ⇄ OTLP/JSON objects, through the protobufjs code that the OpenTelemetry JS
 * project generated from the official opentelemetry-proto definitions and shipped in
 * `@opentelemetry/otlp-transformer` (pinned to 0.214.0, the last release that ships it for
 * traces and logs; see docs/decisions/0004-local-store.md). Nothing here parses wire bytes by
 * hand: decode/encode are the generated functions; this file only maps their objects to the
 * spec OTLP/JSON shape (hex ids) that the rest of the receiver reads.
 */
import generatedRoot from '@opentelemetry/otlp-transformer/build/src/generated/root.js';
import protobuf from 'protobufjs/light.js';

/** The parts of a generated message class we use (protobufjs static-module API). */
interface GeneratedMessage {
  decode(reader: Uint8Array): object;
  encode(message: object): { finish(): Uint8Array };
  fromObject(object: object): object;
  toObject(message: object, options: protobuf.IConversionOptions): Record<string, unknown>;
}

interface GeneratedRoot {
  opentelemetry: {
    proto: {
      collector: {
        trace: {
          v1: Record<'ExportTraceServiceRequest' | 'ExportTraceServiceResponse', GeneratedMessage>;
        };
        logs: {
          v1: Record<'ExportLogsServiceRequest' | 'ExportLogsServiceResponse', GeneratedMessage>;
        };
      };
    };
  };
}

// The shipped .d.ts types the module as a bare protobufjs Root; the generated classes are there.
const collector = (generatedRoot as unknown as GeneratedRoot).opentelemetry.proto.collector;
const TraceRequest = collector.trace.v1.ExportTraceServiceRequest;
const TraceResponse = collector.trace.v1.ExportTraceServiceResponse;
const LogsRequest = collector.logs.v1.ExportLogsServiceRequest;
const LogsResponse = collector.logs.v1.ExportLogsServiceResponse;

/**
 * `google.rpc.Status` (google/rpc/status.proto, fields 1 and 2; `details` is never sent), the
 * body OTLP/HTTP prescribes for error responses. Built with protobufjs reflection from this
 * descriptor, so the library does the encoding.
 */
const Status = protobuf.Root.fromJSON({
  nested: {
    google: {
      nested: {
        rpc: {
          nested: {
            Status: {
              fields: { code: { type: 'int32', id: 1 }, message: { type: 'string', id: 2 } },
            },
          },
        },
      },
    },
  },
}).lookupType('google.rpc.Status');

/** Conversion to proto3 JSON: 64-bit ints as decimal strings, enums as numbers, bytes base64. */
const TO_JSON: protobuf.IConversionOptions = {
  longs: String,
  enums: Number,
  bytes: String,
  defaults: false,
  arrays: false,
  oneofs: false,
};

/** Thrown for bytes that are not a valid ExportTrace/LogsServiceRequest. */
export class ProtobufDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtobufDecodeError';
  }
}

function decodeWith(type: GeneratedMessage, bytes: Uint8Array): Record<string, unknown> {
  let message: object;
  try {
    message = type.decode(bytes);
  } catch (error) {
    throw new ProtobufDecodeError(`invalid protobuf: ${(error as Error).message}`);
  }
  return type.toObject(message, TO_JSON);
}

const base64ToHex = (value: unknown): unknown =>
  typeof value === 'string' ? Buffer.from(value, 'base64').toString('hex') : value;

function eachObject(list: unknown, visit: (item: Record<string, unknown>) => void): void {
  if (!Array.isArray(list)) return;
  for (const item of list) {
    if (typeof item === 'object' && item !== null) visit(item as Record<string, unknown>);
  }
}

/** Ids are `bytes` in protobuf (base64 after toObject) but hex in OTLP/JSON. */
function hexIds(record: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of keys) if (key in record) record[key] = base64ToHex(record[key]);
}

/** Decodes an ExportTraceServiceRequest to the OTLP/JSON object an exporter would have sent. */
export function decodeTraceRequest(bytes: Uint8Array): Record<string, unknown> {
  const request = decodeWith(TraceRequest, bytes);
  eachObject(request.resourceSpans, (resourceSpans) =>
    eachObject(resourceSpans.scopeSpans, (scopeSpans) =>
      eachObject(scopeSpans.spans, (span) => {
        hexIds(span, ['traceId', 'spanId', 'parentSpanId']);
        eachObject(span.links, (link) => hexIds(link, ['traceId', 'spanId']));
      }),
    ),
  );
  return request;
}

/** Decodes an ExportLogsServiceRequest to its OTLP/JSON object. */
export function decodeLogsRequest(bytes: Uint8Array): Record<string, unknown> {
  const request = decodeWith(LogsRequest, bytes);
  eachObject(request.resourceLogs, (resourceLogs) =>
    eachObject(resourceLogs.scopeLogs, (scopeLogs) =>
      eachObject(scopeLogs.logRecords, (record) => hexIds(record, ['traceId', 'spanId'])),
    ),
  );
  return request;
}

export interface PartialSuccess {
  readonly rejected: number;
  readonly errorMessage: string;
}

/** ExportTraceServiceResponse bytes: empty on full success. */
export function encodeTraceResponse(partial?: PartialSuccess): Uint8Array {
  const body = partial
    ? { partialSuccess: { rejectedSpans: partial.rejected, errorMessage: partial.errorMessage } }
    : {};
  return TraceResponse.encode(TraceResponse.fromObject(body)).finish();
}

/** ExportLogsServiceResponse bytes: empty on full success. */
export function encodeLogsResponse(partial?: PartialSuccess): Uint8Array {
  const body = partial
    ? {
        partialSuccess: {
          rejectedLogRecords: partial.rejected,
          errorMessage: partial.errorMessage,
        },
      }
    : {};
  return LogsResponse.encode(LogsResponse.fromObject(body)).finish();
}

/** `google.rpc.Status` bytes for an error response (`code` is a gRPC code, e.g. 3 = INVALID_ARGUMENT). */
export function encodeStatus(code: number, message: string): Uint8Array {
  return Status.encode(Status.fromObject({ code, message })).finish();
}

// ---- Encoding requests: used by tests, the benchmark and nothing on the request path. ----

const hexToBase64 = (value: unknown): unknown =>
  typeof value === 'string' ? Buffer.from(value, 'hex').toString('base64') : value;

function cloneWithIds(
  json: unknown,
  listKey: string,
  scopeKey: string,
  itemKey: string,
  idKeys: readonly string[],
): Record<string, unknown> {
  const copy = structuredClone(json) as Record<string, unknown>;
  eachObject(copy[listKey], (resource) =>
    eachObject(resource[scopeKey], (scope) =>
      eachObject(scope[itemKey], (item) => {
        hexIds2Base64(item, idKeys);
        eachObject(item.links, (link) => hexIds2Base64(link, ['traceId', 'spanId']));
      }),
    ),
  );
  return copy;
}

function hexIds2Base64(record: Record<string, unknown>, keys: readonly string[]): void {
  // protobufjs reads strings given for `bytes` fields as base64, so hex ids are converted first.
  for (const key of keys) if (key in record) record[key] = hexToBase64(record[key]);
}

/** Encodes an OTLP/JSON traces document (hex ids) as an ExportTraceServiceRequest. */
export function encodeTraceRequest(json: unknown): Uint8Array {
  const object = cloneWithIds(json, 'resourceSpans', 'scopeSpans', 'spans', [
    'traceId',
    'spanId',
    'parentSpanId',
  ]);
  return TraceRequest.encode(TraceRequest.fromObject(object)).finish();
}

/** Encodes an OTLP/JSON logs document (hex ids) as an ExportLogsServiceRequest. */
export function encodeLogsRequest(json: unknown): Uint8Array {
  const object = cloneWithIds(json, 'resourceLogs', 'scopeLogs', 'logRecords', [
    'traceId',
    'spanId',
  ]);
  return LogsRequest.encode(LogsRequest.fromObject(object)).finish();
}

/** Decodes response bytes (for tests and the benchmark). */
export function decodeTraceResponse(bytes: Uint8Array): Record<string, unknown> {
  return decodeWith(TraceResponse, bytes);
}

export function decodeLogsResponse(bytes: Uint8Array): Record<string, unknown> {
  return decodeWith(LogsResponse, bytes);
}

export function decodeStatus(bytes: Uint8Array): Record<string, unknown> {
  return Status.toObject(Status.decode(bytes), TO_JSON);
}
