import { describe, expect, it } from 'vitest';
import { loadFixture, readFixtureText } from '../../../test/fixtures';
import { tempoV2Body } from '../../../test/tempo-encoding';
import { detectPayloadFormat, detectTraceFile } from './detect-format';
import { lineColumn, locateJsonError } from './json-error';

describe('detectTraceFile', () => {
  it.each([
    ['otlp/otlp-proto-examples_trace.json', 'otlp'],
    ['jaeger-v3/snapshot_GetTrace.json', 'jaeger-v3'],
    ['tempo/tempo-v1-batches_handwritten.json', 'tempo'],
    ['jaeger/api-traces-envelope_follows-from_issue115.json', 'jaeger'],
    ['jaeger/trace-object_child-outlives-parent.json', 'jaeger'],
    ['jaeger/span-array_inline-process_anonymizer.json', 'jaeger'],
    ['zipkin/zipkin-v2_skew.json', 'zipkin'],
    ['zipkin/zipkin-v2_single-span-object_client.json', 'zipkin'],
  ])('%s is %s, from its content', (file, format) => {
    expect(detectTraceFile(readFixtureText(file)).format).toBe(format);
  });

  it('recognizes Tempo v2, Zipkin search results and lists of OTLP documents', () => {
    const otlp = loadFixture('otlp/otlp-proto-examples_trace.json');
    expect(detectPayloadFormat(tempoV2Body(otlp))).toBe('tempo');
    expect(detectPayloadFormat({ trace: {}, status: 'PARTIAL' })).toBe('tempo');
    expect(detectPayloadFormat([loadFixture('zipkin/zipkin-v2_skew.json')])).toBe('zipkin');
    expect(detectPayloadFormat([otlp, otlp])).toBe('otlp');
    expect(detectPayloadFormat([{ result: otlp }])).toBe('jaeger-v3');
  });

  it('reads JSON Lines only when the whole text is not one JSON document', () => {
    const line = JSON.stringify(loadFixture('otlp/otlp-proto-examples_trace.json'));
    const detected = detectTraceFile(`${line}\r\n\r\n${line}`);
    expect(detected.format).toBe('otlp-jsonl');
    expect(detected.payload).toHaveLength(2);
    expect(() => detectTraceFile(`${line}\n{"a":1}`)).toThrow(/Line 2: the JSON is not a trace/);
  });
});

describe('locateJsonError', () => {
  it.each([
    ['{"a": 1}', null],
    ['[1, 2, {"b": [true, false, null, -1.5e3, "x\\n"]}]', null],
    ['{"a": 1,}', [1, 9, 'expected a double-quoted property name, found "}"']],
    ['{"a" 1}', [1, 6, 'expected ":" after a property name, found "1"']],
    ['[1 2]', [1, 4, 'expected "," or "]", found "2"']],
    ['{"a": tru}', [1, 7, 'expected a value, found "t"']],
    ['{"a": "x\ny"}', [1, 7, 'invalid or unterminated string']],
    ['{}\n]', [2, 1, 'unexpected "]" after the end of the JSON value']],
    ['\n\n  [', [3, 4, 'the JSON ends too early (unfinished value)']],
  ])('%j', (text, expected) => {
    const location = locateJsonError(text);
    expect(location && [location.line, location.column, location.message]).toEqual(expected);
    if (expected === null) expect(() => JSON.parse(text) as unknown).not.toThrow();
    else expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('survives deep nesting without recursion', () => {
    expect(locateJsonError('['.repeat(200_000))?.message).toMatch(/ends too early/);
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
