import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, loadFixture, readFixtureText } from '../../../test/fixtures';
import { LLM_LOG_FIXTURES, OTLP_HEX_FIXTURES } from '../../../test/hex-fixtures';
import { tempoV1Body, tempoV2Body } from '../../../test/tempo-encoding';
import { parseJaegerTrace } from '../jaeger/parse-jaeger';
import { parseOtlpTraces } from '../otlp/parse-otlp';
import { parseZipkinTraces } from '../zipkin/parse-zipkin';
import { parseTraceFile, TraceFileError } from './parse-trace-file';

const files = (dir: string) =>
  readdirSync(fixturePath(dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `${dir}/${f}`);

function fileError(text: string): TraceFileError {
  try {
    parseTraceFile(text);
  } catch (error) {
    if (error instanceof TraceFileError) return error;
    throw error;
  }
  throw new Error('expected a TraceFileError');
}

const JAEGER_TRACES = files('jaeger').filter(
  (f) => !f.includes('dependencies') && !f.includes('transform-request'),
);

describe('parseTraceFile on every recorded fixture', () => {
  it.each(JAEGER_TRACES)('%s → Jaeger JSON', (file) => {
    const result = parseTraceFile(readFixtureText(file));
    expect(result.format).toBe('jaeger');
    expect(result.traces).toEqual([parseJaegerTrace(loadFixture(file))]);
  });

  it.each(OTLP_HEX_FIXTURES)('%s → OTLP family', (file) => {
    const result = parseTraceFile(readFixtureText(file));
    expect(result.format).toBe(file.includes('snapshot') ? 'jaeger-v3' : 'otlp');
    expect(result.traces).toEqual(parseOtlpTraces(loadFixture(file)));
  });

  it('the OTLP input of /api/transform → OTLP', () => {
    const result = parseTraceFile(readFixtureText('jaeger/api-transform-request_otlp-in.json'));
    expect([result.format, result.traces.length]).toEqual(['otlp', 1]);
  });

  it.each([...files('tempo')])('%s → Tempo', (file) => {
    const result = parseTraceFile(readFixtureText(file));
    expect(result.format).toBe('tempo');
    expect(result.traces).toEqual(parseOtlpTraces(loadFixture(file)));
  });

  it.each(files('zipkin'))('%s → Zipkin', (file) => {
    const result = parseTraceFile(readFixtureText(file));
    expect(result.format).toBe('zipkin');
    expect(result.traces).toEqual(parseZipkinTraces(loadFixture(file)));
  });

  it.each(OTLP_HEX_FIXTURES.slice(0, 6))('%s re-encoded as Tempo v1 and v2 → Tempo', (file) => {
    const doc = loadFixture(file);
    for (const body of [tempoV1Body(doc), tempoV1Body(doc, true), tempoV2Body(doc, 'partial')]) {
      const result = parseTraceFile(JSON.stringify(body));
      expect(result.format).toBe('tempo');
      expect(result.traces.map((t) => t.trace.spans.length)).toEqual(
        parseOtlpTraces(doc).map((t) => t.trace.spans.length),
      );
    }
  });

  const refused: (readonly [string, RegExp])[] = [
    ['jaeger/api-dependencies-data_small.json', /no spans or traces/],
    ['jaeger-v3/snapshot_FindTraceSummaries.json', /search results/],
    ['jaeger-v3/snapshot_GetServices.json', /not a trace/],
    ['jaeger-v3/query_service.openapi.json', /not a trace/],
    ...LLM_LOG_FIXTURES.map((f) => [f, /OTLP logs, not traces/] as const),
  ];
  it.each(refused)('%s is refused with a reason', (file, reason) => {
    expect(fileError(readFixtureText(file)).message).toMatch(reason);
  });
});

describe('several traces in one file', () => {
  it('reads OTLP JSON Lines (one ExportTraceServiceRequest per line, as the file exporter writes)', () => {
    const picked = OTLP_HEX_FIXTURES.filter((f) => f.startsWith('llm/')).slice(0, 3);
    const lines = picked.map((f) => JSON.stringify(loadFixture(f))).join('\n');
    const result = parseTraceFile(`${lines}\n`);
    expect(result.format).toBe('otlp-jsonl');
    expect(result.traces.map((t) => t.trace.traceId)).toEqual(
      picked.flatMap((f) => parseOtlpTraces(loadFixture(f)).map((t) => t.trace.traceId)),
    );
  });

  it('reads Zipkin span objects one per line, and Jaeger search envelopes', () => {
    const spans = loadFixture('zipkin/zipkin-v2_skew.json') as unknown[];
    const jsonl = parseTraceFile(spans.map((s) => JSON.stringify(s)).join('\n'));
    expect([jsonl.format, jsonl.traces[0]?.trace.spans.length]).toEqual(['zipkin', 4]);
    const envelope = {
      data: [
        loadFixture('jaeger/trace-object_child-outlives-parent.json'),
        loadFixture('jaeger/trace-object_11spans_follows-from_error.json'),
      ],
    };
    const search = parseTraceFile(JSON.stringify(envelope));
    expect(search.traces.map((t) => t.trace.traceId)).toEqual(['006c3cf93508f205', 'trace-123']);
  });

  it('splits a Jaeger span array holding two traces', () => {
    const a = loadFixture('jaeger/span-array_inline-process_anonymizer.json') as object[];
    const other = a.map((span) => ({ ...span, traceID: 'ffff' }));
    const result = parseTraceFile(JSON.stringify([...a, ...other]));
    expect(result.traces.map((t) => t.trace.traceId)).toEqual([
      (a[0] as { traceID: string }).traceID,
      'ffff',
    ]);
  });
});

describe('malformed files', () => {
  it('points at the line and column of a JSON syntax error', () => {
    const error = fileError('{\n  "resourceSpans": [\n    {"resource": {},}\n  ]\n}');
    expect([error.line, error.column]).toEqual([3, 21]);
    expect(error.message).toBe(
      'The file is not valid JSON at line 3, column 21: expected a double-quoted property name, found "}".',
    );
  });

  it('points at the bad line of a JSON Lines file', () => {
    const good = JSON.stringify(loadFixture('otlp/otlp-proto-examples_trace.json'));
    const error = fileError(`${good}\n${good}\n{"resourceSpans": [}\n`);
    expect([error.line, error.column]).toEqual([3, 20]);
    expect(error.message).toMatch(/^Line 3 of this JSON Lines file is not valid JSON/);
  });

  it.each([
    ['', 'The file is empty.'],
    ['  \n', 'The file is empty.'],
    [
      '{"resourceSpans": [',
      'The file is not valid JSON at line 1, column 20: the JSON ends too early (unfinished value).',
    ],
    ['[]', 'The file holds an empty list.'],
    ['42', 'The JSON is not an object or an array.'],
    ['{"resourceSpans": []}', 'The file is OTLP/JSON but holds no spans.'],
  ])('%j → %s', (text, message) => {
    expect(fileError(text).message).toBe(message);
  });

  it('accepts a byte-order mark', () => {
    expect(
      parseTraceFile(`\uFEFF${readFixtureText('otlp/otlp-proto-examples_trace.json')}`).format,
    ).toBe('otlp');
  });
});
