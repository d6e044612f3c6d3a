/**
 * Hostile bodies at the text and byte level: truncated or empty JSON, JSON that is not a trace,
 * 100,000-level nesting, invalid UTF-8, duplicate and prototype-polluting keys.
 */
import { baseDocument, encodeSpans, toJsonText } from './encode';
import type { HostileCase, HostileExpectation, HostileFormat } from './types';

type JsonFormat = Exclude<HostileFormat, 'jsonl'>;
const JSON_FORMATS: readonly JsonFormat[] = ['otlp', 'tempo', 'jaeger', 'zipkin'];
const ROOT = '00000000000000a1';

/** The text with `marker` (a name in it) replaced by raw bytes. */
function withBytes(text: string, marker: string, bytes: readonly number[]): Uint8Array {
  const source = Buffer.from(text, 'utf8');
  const at = source.indexOf(marker);
  return Buffer.concat([
    source.subarray(0, at),
    Buffer.from(bytes),
    source.subarray(at + Buffer.byteLength(marker)),
  ]);
}

/** Overlong, truncated and surrogate-encoding sequences: none is valid UTF-8. */
const INVALID_UTF8 = [0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0xc0, 0xaf];

export function rawTextCases(traceIdFor: (name: string) => string): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (
    name: string,
    format: HostileFormat,
    expect: HostileExpectation,
    build: (traceId: string) => string | Uint8Array,
  ) => {
    const traceId = traceIdFor(name);
    cases.push({ name, format, traceId, expect, isLarge: false, payload: () => build(traceId) });
  };
  const otlp = (traceId: string) => encodeSpans('otlp', [{ id: ROOT, name: 'root' }], traceId);

  for (const format of JSON_FORMATS) {
    add(`${format}: truncated JSON`, format, 'rejected', (traceId) => {
      const text = toJsonText(baseDocument(format, traceId));
      return text.slice(0, Math.floor(text.length * 0.6));
    });
    add(`${format}: invalid UTF-8 bytes in a span name`, format, 'accepted', (traceId) =>
      withBytes(encodeSpans(format, [{ id: ROOT, name: 'MARK' }], traceId), 'MARK', INVALID_UTF8),
    );
  }
  add('otlp: empty body', 'otlp', 'rejected', () => '');
  add('otlp: only whitespace and a byte-order mark', 'otlp', 'rejected', () => '\uFEFF \n\t');
  add('otlp: JSON null', 'otlp', 'rejected', () => 'null');
  add('otlp: a bare number', 'otlp', 'rejected', () => '42');
  add('otlp: a bare string', 'otlp', 'rejected', () => '"resourceSpans"');
  add('otlp: an empty list', 'otlp', 'rejected', () => '[]');
  add('otlp: a list of nulls', 'otlp', 'rejected', () => '[null,null]');
  add('otlp: an empty object', 'otlp', 'rejected', () => '{}');
  add(
    'otlp: arrays nested 100,000 levels',
    'otlp',
    'rejected',
    () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  );
  add(
    'otlp: objects nested 100,000 levels',
    'otlp',
    'rejected',
    () => `${'{"resourceSpans":'.repeat(100_000)}[]${'}'.repeat(100_000)}`,
  );
  add('otlp: resourceSpans nested in __proto__', 'otlp', 'rejected', (traceId) =>
    otlp(traceId).replace(/^\{/, '{"__proto__":{').replace(/\}$/, '}}'),
  );
  add('otlp: constructor.prototype and __proto__ keys beside the spans', 'otlp', 'accepted', (id) =>
    otlp(id).replace(
      /^\{/,
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
    ),
  );
  add('otlp: duplicate key, the last one a list', 'otlp', 'accepted', (traceId) =>
    otlp(traceId).replace(/^\{/, '{"resourceSpans":5,'),
  );
  add('otlp: a NUL character in a span name', 'otlp', 'accepted', (traceId) =>
    otlp(traceId).replace('"root"', '"ro\\u0000ot"'),
  );
  add('otlp: a start time of 1e999999 (Infinity once parsed)', 'otlp', 'problems', (traceId) =>
    otlp(traceId).replace(/"startTimeUnixNano":"\d+"/, '"startTimeUnixNano":1e999999'),
  );
  const deepArray = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
  const withValue = (traceId: string, valueJson: string) =>
    otlp(traceId).replace('"attributes":[]', `"attributes":[{"key":"k","value":${valueJson}}]`);
  add('otlp: stringValue holding an array nested 10,000 levels', 'otlp', 'problems', (id) =>
    withValue(id, `{"stringValue":${deepArray}}`),
  );
  add('otlp: an unknown AnyValue field nested 10,000 levels', 'otlp', 'survives', (id) =>
    withValue(id, `{"fancyValue":${deepArray}}`),
  );
  add('otlp: resource entityRefs nested 10,000 levels', 'otlp', 'survives', (traceId) =>
    otlp(traceId).replace('"resource":{', `"resource":{"entityRefs":${deepArray},`),
  );
  add('otlp: scope attributes nested 10,000 levels', 'otlp', 'survives', (traceId) =>
    otlp(traceId).replace(
      '"scope":{',
      `"scope":{"attributes":[{"key":"k","value":{"arrayValue":{"values":${deepArray}}}}],`,
    ),
  );
  add('tempo: a PARTIAL v2 answer with an empty trace', 'tempo', 'problems-or-rejected', () =>
    JSON.stringify({ trace: {}, status: 'PARTIAL', message: '<b>too big</b>' }),
  );
  add('jaeger: an envelope with only errors', 'jaeger', 'rejected', () =>
    JSON.stringify({ data: [], errors: [{ code: 500, msg: '<img src=x onerror=alert(1)>' }] }),
  );
  add('zipkin: a list of empty lists', 'zipkin', 'rejected', () => '[[],[],[]]');
  add('jsonl: one line is not JSON', 'jsonl', 'rejected', (traceId) =>
    [otlp(traceId), '{"resourceSpans": [', otlp(traceId)].join('\n'),
  );
  add('jsonl: lines mixing OTLP and Zipkin', 'jsonl', 'rejected', (traceId) =>
    [otlp(traceId), JSON.stringify({ traceId: 'a1', id: 'b2', name: 'zipkin' })].join('\n'),
  );
  return cases;
}
