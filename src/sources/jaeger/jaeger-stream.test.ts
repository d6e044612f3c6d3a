import { describe, expect, it } from 'vitest';
import { readFixtureText } from '../../../test/fixtures';
import { generateJaegerPayload } from '../../../test/generate-trace';
import { EMPTY_FILTER, matchSpans, type SpanFilter } from '../../model/search';
import { searchTextMatcher } from '../../model/search-text';
import { nameAt, recordAt, traceIdAt } from '../../model/span-table';
import { buildSpanTree, buildSpanTreeFromTable, type SpanTree } from '../../model/span-tree';
import { decodeSearchText, finishStreamedTrace } from './jaeger-fast-trace';
import { JaegerStreamScanner } from './jaeger-stream';
import { parseJaegerTrace } from './parse-jaeger';

/** Streams `text` through the scanner in chunks of `chunkBytes`. */
function scan(text: string, chunkBytes: number) {
  const bytes = new TextEncoder().encode(text);
  const scanner = new JaegerStreamScanner(chunkBytes > 1000 ? bytes.length : 0);
  for (let at = 0; at < bytes.length; at += chunkBytes) {
    scanner.push(bytes.subarray(at, at + chunkBytes));
  }
  return scanner.finish() ? finishStreamedTrace(scanner, undefined) : undefined;
}

const envelope = (trace: unknown) => ({
  data: [trace],
  total: 0,
  limit: 0,
  offset: 0,
  errors: null,
});
const fixture = (name: string) => JSON.parse(readFixtureText(`jaeger/${name}`)) as unknown;

const QUERIES: Partial<SpanFilter>[] = [
  { text: 'op-1' },
  { text: 'GET' },
  { text: 'http.method=post' },
  { text: 'error=true' },
  { text: '"prompt 1"' },
  { text: 'assistant' },
  { text: '200' },
  { text: '0.5' },
  { text: 'gpt' },
  { text: 'frontend' },
  { text: '0000000000000003' },
  { text: 'nothing-matches-this' },
  { errorsOnly: true, text: 'upstream' },
  { text: 'çé' },
];

/** Everything the streamed read produces equals what the exact path produces. */
function expectSameAsExact(json: unknown, streamed: NonNullable<ReturnType<typeof scan>>) {
  const exact = parseJaegerTrace(json);
  const a = buildSpanTree(exact.trace);
  const b = buildSpanTreeFromTable(streamed.table, streamed.refs);
  expect(streamed.problems).toEqual(exact.problems);
  expect(b.problems).toEqual(a.problems);
  const ta = a.trace;
  const tb = b.trace;
  expect([tb.traceId, tb.startEpochUs, tb.resources, tb.warnings]).toEqual([
    ta.traceId,
    ta.startEpochUs,
    ta.resources,
    ta.warnings,
  ]);
  for (const key of ['parent', 'preorder', 'childList', 'depth', 'followsFromEdge'] as const) {
    expect(Array.from(b[key]), key).toEqual(Array.from(a[key]));
  }
  expect(b.placeholders).toEqual(a.placeholders);
  for (const key of ['startNs', 'durationNs', 'kindCode', 'statusCode', 'flags'] as const) {
    expect(Array.from(tb[key]), key).toEqual(Array.from(ta[key]));
  }
  expect(Array.from(tb.resourceIndex)).toEqual(Array.from(ta.resourceIndex));
  expect(tb.spanIds).toEqual(ta.spanIds);
  for (let i = 0; i < ta.count; i++) {
    expect([nameAt(tb, i), traceIdAt(tb, i)]).toEqual([nameAt(ta, i), traceIdAt(ta, i)]);
    expect(recordAt(tb, i)).toEqual(recordAt(ta, i));
  }
  expectSameMatches(a, b, decodeSearchText(streamed.searchBytes));
}

function expectSameMatches(a: SpanTree, b: SpanTree, text: ReturnType<typeof decodeSearchText>) {
  const matcher = searchTextMatcher(b, text);
  for (const query of QUERIES) {
    const filter = { ...EMPTY_FILTER, ...query };
    const want = Array.from(matchSpans(a, filter));
    expect(Array.from(matchSpans(b, filter, undefined, matcher)), JSON.stringify(query)).toEqual(
      want,
    );
  }
}

describe('JaegerStreamScanner: same trace as the exact path', () => {
  const cases: [string, unknown][] = [
    ['generated 1,000 spans (issue 8 shape)', generateJaegerPayload(1000, 8)],
    ['generated 300 spans, another seed', generateJaegerPayload(300, 3)],
    ['genai 57 spans', envelope(fixture('trace-object_genai_57spans_10procs.json'))],
    ['follows-from + error', envelope(fixture('trace-object_11spans_follows-from_error.json'))],
    ['child outlives parent', envelope(fixture('trace-object_child-outlives-parent.json'))],
    [
      'span longer than parent',
      envelope(fixture('trace-object_8spans_span-longer-than-parent.json')),
    ],
    ['duplicate ids', fixture('api-traces-envelope_transform-out_dup-spanids_missing-parent.json')],
    ['follows-from envelope', fixture('api-traces-envelope_follows-from_issue115.json')],
  ];
  it.each(cases)('%s', (_, json) => {
    const text = JSON.stringify(json);
    const whole = scan(text, 1 << 20);
    expect(whole).toBeDefined();
    expectSameAsExact(json, whole!);
    // Small chunks restart a span from its start each time: quadratic, so only on small traces.
    const small = scan(text, text.length < 50_000 ? 1 : 997);
    expect(small?.table.spanIds).toEqual(whole?.table.spanIds);
    expectSameAsExact(json, scan(text, 4093)!);
  });

  it('keeps escapes, non-ASCII text and the value cut-off exact', () => {
    const json = generateJaegerPayload(40, 5) as { data: { spans: Record<string, unknown>[] }[] };
    const [span] = json.data[0]!.spans as [{ operationName: string; tags: unknown[] }];
    span.operationName = 'Çé "quoted" \\ tab\t';
    span.tags.push(
      { key: 'note', type: 'string', value: 'Grüße, ÇÉ "x" \u2028 done' },
      { key: 'Upper.Key', type: 'string', value: 'MiXeD' },
      { key: 'long', type: 'string', value: 'x'.repeat(2100) + 'TAIL' },
      { key: 'big', type: 'int64', value: Number('12345678901234567890') },
      { key: 'tiny', type: 'float64', value: 0.0000001 },
      { key: 'ratio', type: 'float64', value: 2.5 },
      { key: 'minus', type: 'int64', value: -0 },
    );
    const text = JSON.stringify(json).replace('"Upper.Key"', '"Upper\\u002eKey"');
    const streamed = scan(text, 13);
    expect(streamed).toBeDefined();
    expectSameAsExact(JSON.parse(text), streamed!);
  });
});

describe('JaegerStreamScanner: falls back to the exact path', () => {
  const base = () => generateJaegerPayload(5, 2) as { data: Record<string, unknown>[] };
  const firstSpan = (json: ReturnType<typeof base>) =>
    (json.data[0]!.spans as Record<string, unknown>[])[0]!;
  const variants: [string, (json: ReturnType<typeof base>) => unknown][] = [
    [
      'a tag whose value does not fit its type',
      (j) => {
        (firstSpan(j).tags as unknown[]).push({ key: 'n', type: 'int64', value: '12' });
        return j;
      },
    ],
    ['a start time as a string', (j) => ((firstSpan(j).startTime = '1770000000000000'), j)],
    [
      'an unknown reference type',
      (j) => {
        (j.data[0]!.spans as Record<string, unknown>[])[1]!.references = [
          { refType: 'SIBLING', traceID: 't', spanID: '1' },
        ];
        return j;
      },
    ],
    ['a span without an id', (j) => (delete firstSpan(j).spanID, j)],
    ['an inline process', (j) => ((firstSpan(j).process = { serviceName: 'x' }), j)],
    ['an unknown process id', (j) => ((firstSpan(j).processID = 'p99'), j)],
    ['two traces', (j) => ({ ...j, data: [j.data[0], j.data[0]] })],
    ['envelope errors', (j) => ({ ...j, errors: [{ msg: 'partial' }] })],
    ['a bare trace object', (j) => j.data[0]],
    ['a bare span array', (j) => j.data[0]!.spans],
    ['no trace at all', (j) => ({ ...j, data: [] })],
  ];
  it.each(variants)('%s', (_, mutate) => {
    expect(scan(JSON.stringify(mutate(base())), 64)).toBeUndefined();
  });

  it.each([
    ['trailing text', (t: string) => `${t} x`],
    ['a trailing comma', (t: string) => t.replace('"errors":null}', '"errors":null,}')],
    ['a truncated payload', (t: string) => t.slice(0, -40)],
    ['a repeated key', (t: string) => t.replace('"flags":1,', '"flags":1,"duration":3,')],
    ['a control character in a string', (t: string) => t.replace('op-1', 'op\u0001-1')],
  ])('%s', (_, mutate) => {
    expect(scan(mutate(JSON.stringify(base())), 64)).toBeUndefined();
  });
});
