/**
 * "Wrong types in every field": a small valid trace in each format with one field at a time
 * replaced by a value of another JSON type. A wrong type in a field that carries data must be
 * reported (a problem) or refuse the payload (the adapter's own error); it must never crash.
 */
import { baseDocument, toJsonText } from './encode';
import type { HostileCase, HostileExpectation, HostileFormat } from './types';

type Path = readonly (string | number)[];

const OTLP_SPAN = ['resourceSpans', 0, 'scopeSpans', 0, 'spans'] as const;
const TEMPO_SPAN = ['batches', 0, 'scopeSpans', 0, 'spans'] as const;
const JAEGER_SPAN = ['data', 0, 'spans'] as const;

function otlpPaths(root: string, spans: Path): Path[] {
  return [
    [root],
    [root, 0],
    [root, 0, 'resource'],
    [root, 0, 'resource', 'attributes'],
    [root, 0, 'resource', 'attributes', 0],
    [root, 0, 'resource', 'attributes', 0, 'key'],
    [root, 0, 'resource', 'attributes', 0, 'value'],
    [root, 0, 'resource', 'attributes', 0, 'value', 'stringValue'],
    [root, 0, 'scopeSpans'],
    [root, 0, 'scopeSpans', 0],
    [root, 0, 'scopeSpans', 0, 'scope'],
    [root, 0, 'scopeSpans', 0, 'scope', 'name'],
    spans,
    [...spans, 1],
    ...['traceId', 'spanId', 'parentSpanId', 'name', 'kind', 'startTimeUnixNano'].map((field) => [
      ...spans,
      1,
      field,
    ]),
    [...spans, 1, 'endTimeUnixNano'],
    [...spans, 0, 'attributes'],
    [...spans, 0, 'attributes', 0],
    [...spans, 0, 'attributes', 0, 'key'],
    [...spans, 0, 'attributes', 0, 'value'],
    [...spans, 1, 'events'],
    [...spans, 1, 'events', 0],
    [...spans, 1, 'events', 0, 'name'],
    [...spans, 1, 'events', 0, 'timeUnixNano'],
    [...spans, 1, 'status'],
    [...spans, 1, 'status', 'code'],
  ];
}

const PATHS: Readonly<Record<Exclude<HostileFormat, 'jsonl'>, readonly Path[]>> = {
  otlp: otlpPaths('resourceSpans', OTLP_SPAN),
  tempo: otlpPaths('batches', TEMPO_SPAN),
  jaeger: [
    ['data'],
    ['data', 0],
    ['data', 0, 'traceID'],
    [...JAEGER_SPAN],
    [...JAEGER_SPAN, 1],
    ...['traceID', 'spanID', 'operationName', 'startTime', 'duration', 'processID'].map(
      (field): Path => [...JAEGER_SPAN, 1, field],
    ),
    [...JAEGER_SPAN, 1, 'references'],
    [...JAEGER_SPAN, 1, 'references', 0],
    [...JAEGER_SPAN, 1, 'references', 0, 'spanID'],
    [...JAEGER_SPAN, 1, 'references', 0, 'refType'],
    [...JAEGER_SPAN, 0, 'tags'],
    [...JAEGER_SPAN, 0, 'tags', 0],
    [...JAEGER_SPAN, 0, 'tags', 0, 'key'],
    [...JAEGER_SPAN, 0, 'tags', 0, 'value'],
    [...JAEGER_SPAN, 1, 'logs'],
    [...JAEGER_SPAN, 1, 'logs', 0],
    [...JAEGER_SPAN, 1, 'logs', 0, 'timestamp'],
    [...JAEGER_SPAN, 1, 'logs', 0, 'fields'],
    ['data', 0, 'processes'],
    ['data', 0, 'processes', 'p1'],
    ['data', 0, 'processes', 'p1', 'serviceName'],
  ],
  zipkin: [
    [1],
    ...['traceId', 'id', 'parentId', 'name', 'kind', 'timestamp', 'duration'].map((field): Path => [
      1,
      field,
    ]),
    [0, 'localEndpoint'],
    [0, 'localEndpoint', 'serviceName'],
    [0, 'tags'],
    [0, 'tags', 'http.method'],
    [1, 'annotations'],
    [1, 'annotations', 0],
    [1, 'annotations', 0, 'timestamp'],
  ],
};

/** A value of each JSON type; every path gets each one that differs from what it holds. */
const WRONG_VALUES: readonly (readonly [string, unknown])[] = [
  ['null', null],
  ['number', 7],
  ['string', 'x'],
  ['boolean', true],
  ['object', { '': 1 }],
  ['array', [1]],
];

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function replaceAt(doc: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(doc);
  let node = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path.at(-1) as string | number] = value;
  return copy;
}

function valueAt(doc: unknown, path: Path): unknown {
  let node = doc as Record<string | number, unknown> | undefined;
  for (const step of path) node = node?.[step] as Record<string | number, unknown> | undefined;
  return node;
}

/** `format:type:field` (field = last path step) where that JSON type is legal too. */
const ALSO_LEGAL = new Set([
  // OTLP/JSON allows int64/fixed64 as JSON numbers as well as strings.
  ...['otlp', 'tempo'].flatMap((format) =>
    ['startTimeUnixNano', 'endTimeUnixNano', 'timeUnixNano'].map((f) => `${format}:number:${f}`),
  ),
  // A Jaeger tag declared "string" holding a number or bool is read losslessly as its text.
  'jaeger:number:value',
  'jaeger:boolean:value',
]);

/**
 * `null` in place of a field is how JSON says "absent", which is legal for optional fields and
 * a refusal for required ones: either is fine, a crash is not. Every other wrong type must be
 * reported or refused, except where the format allows that type too.
 */
function expectationFor(format: string, typeName: string, path: Path): HostileExpectation {
  if (typeName === 'null') return 'survives';
  if (ALSO_LEGAL.has(`${format}:${typeName}:${String(path.at(-1))}`)) return 'accepted';
  return 'problems-or-rejected';
}

/** One case per (format, field, wrong type). */
export function wrongTypeCases(traceIdFor: (name: string) => string): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const [format, paths] of Object.entries(PATHS) as [
    Exclude<HostileFormat, 'jsonl'>,
    readonly Path[],
  ][]) {
    for (const path of paths) {
      for (const [typeName, value] of WRONG_VALUES) {
        const name = `${format}: ${typeName} in ${path.join('.')}`;
        const traceId = traceIdFor(name);
        const base = baseDocument(format, traceId);
        if (valueAt(base, path) === undefined) {
          throw new Error(`corpus: ${format} base document has no ${path.join('.')}`);
        }
        if (jsonType(valueAt(base, path)) === jsonType(value)) continue;
        cases.push({
          name,
          format,
          traceId,
          expect: expectationFor(format, typeName, path),
          isLarge: false,
          payload: () => toJsonText(replaceAt(baseDocument(format, traceId), path, value)),
        });
      }
    }
  }
  return cases;
}
