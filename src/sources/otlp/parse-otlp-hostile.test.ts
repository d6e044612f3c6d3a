import { describe, expect, it } from 'vitest';
import type { AttributeValue, ParsedTrace, Span } from '../../model/trace';
import { MAX_VALUE_DEPTH } from './otlp-values';
import { NotOtlpError, parseOtlpTraces } from './parse-otlp';

const TRACE = '0102030405060708090a0b0c0d0e0f10';

/** A one-resource, one-scope payload around the given raw spans. */
function payloadOf(...spans: unknown[]) {
  return { resourceSpans: [{ scopeSpans: [{ spans }] }] };
}

function span(fields: Record<string, unknown> = {}) {
  return {
    traceId: TRACE,
    spanId: '0000000000000001',
    name: 'op',
    startTimeUnixNano: '1700000000000000000',
    endTimeUnixNano: '1700000000000001000',
    ...fields,
  };
}

function parseOne(...spans: unknown[]): ParsedTrace {
  const traces = parseOtlpTraces(payloadOf(...spans));
  expect(traces).toHaveLength(1);
  return traces[0] as ParsedTrace;
}

function onlySpan(parsed: ParsedTrace): Span {
  expect(parsed.trace.spans).toHaveLength(1);
  return parsed.trace.spans[0] as Span;
}

function attributeValue(value: unknown): AttributeValue | undefined {
  const parsed = parseOne(span({ attributes: [{ key: 'k', value }] }));
  return onlySpan(parsed).attributes[0]?.value;
}

describe('times', () => {
  it('keeps 1 ns differences that Number() on the full ns value would lose', () => {
    const s = onlySpan(
      parseOne(
        span({ startTimeUnixNano: '1700000000000000001', endTimeUnixNano: '1700000000000000002' }),
      ),
    );
    expect(s.durationNs).toBe(1);
    const other = span({ spanId: '0000000000000002', startTimeUnixNano: '1700000000000000999' });
    const parsed = parseOne(span({ startTimeUnixNano: '1700000000000000001' }), other);
    expect(parsed.trace.startEpochUs).toBe(1700000000000000);
    expect(parsed.trace.spans.map((x) => x.startNs)).toEqual([1, 999]);
  });

  it('accepts ns as JSON numbers', () => {
    const s = onlySpan(
      parseOne(span({ startTimeUnixNano: 1_000_000, endTimeUnixNano: 3_500_000 })),
    );
    expect(s.durationNs).toBe(2_500_000);
  });

  it.each([
    ['missing', undefined, 0],
    ['zero', '0', 0],
    ['before the start', '1699999999999999999', 1],
    ['not a number', 'soon', 1],
  ])('an end that is %s gives durationNs null', (_label, end, problemCount) => {
    const parsed = parseOne(span({ endTimeUnixNano: end }));
    expect(onlySpan(parsed).durationNs).toBeNull();
    expect(parsed.problems.filter((p) => p.kind === 'invalid-value')).toHaveLength(problemCount);
  });

  it('a span with no start is placed at the origin and reported', () => {
    const parsed = parseOne(span(), span({ spanId: '0000000000000002', startTimeUnixNano: -5 }));
    expect(parsed.trace.spans.map((s) => [s.startNs, s.durationNs])).toEqual([
      [0, 1000],
      [0, null],
    ]);
    expect(parsed.problems).toEqual([
      expect.objectContaining({ kind: 'invalid-value', spanId: '0000000000000002' }),
    ]);
  });
});

describe('ids and enums', () => {
  it('drops spans without a spanId or traceId and reports them', () => {
    const parsed = parseOne(
      span(),
      span({ spanId: '' }),
      span({ spanId: 7 }),
      span({ traceId: undefined }),
    );
    expect(parsed.trace.spans).toHaveLength(1);
    expect(parsed.problems.filter((p) => p.kind === 'dropped-span')).toHaveLength(3);
  });

  it('reads enum names and numeric strings; unknown values become defaults with a problem', () => {
    const kinds = [2, 'SPAN_KIND_CONSUMER', 'producer', '3', 'SPAN_KIND_BOGUS', 9, true];
    const spans = kinds.map((kind, i) => span({ spanId: `000000000000000${i + 1}`, kind }));
    const parsed = parseOne(...spans);
    expect(parsed.trace.spans.map((s) => s.kind)).toEqual([
      'server',
      'consumer',
      'producer',
      'client',
      'unspecified',
      'unspecified',
      'unspecified',
    ]);
    expect(parsed.problems.map((p) => p.kind)).toEqual(Array(3).fill('invalid-value'));
    const statuses = ['STATUS_CODE_ERROR', 1, 'STATUS_CODE_NOPE'].map((code, i) =>
      span({ spanId: `000000000000000${i + 1}`, status: { code, message: 'm' } }),
    );
    const withStatus = parseOne(...statuses);
    expect(withStatus.trace.spans.map((s) => s.status)).toEqual([
      { code: 'error', message: 'm' },
      { code: 'ok', message: 'm' },
      { code: 'unset', message: 'm' },
    ]);
  });

  it('treats an all-zero parentSpanId as root and keeps undecodable ids as sent', () => {
    const parsed = parseOne(
      span({ parentSpanId: 'AAAAAAAAAAA=' }),
      span({ spanId: 'span-2', parentSpanId: 'not base64!' }),
    );
    expect(parsed.trace.spans.map((s) => [s.spanId, s.references.map((r) => r.spanId)])).toEqual([
      ['0000000000000001', []],
      ['span-2', ['not base64!']],
    ]);
    expect(parsed.problems.map((p) => p.kind)).toEqual(['invalid-value', 'invalid-value']);
  });
});

describe('attribute values', () => {
  it.each([
    [{ intValue: '9007199254740993' }, { type: 'int', value: '9007199254740993' }],
    [{ intValue: 42 }, { type: 'int', value: '42' }],
    [{ intValue: '-0012' }, { type: 'int', value: '-12' }],
    [{ doubleValue: 'NaN' }, { type: 'float', value: Number.NaN }],
    [{ doubleValue: 'Infinity' }, { type: 'float', value: Number.POSITIVE_INFINITY }],
    [{ doubleValue: '-Infinity' }, { type: 'float', value: Number.NEGATIVE_INFINITY }],
    [{ doubleValue: '2.5' }, { type: 'float', value: 2.5 }],
    [{ bytesValue: 'AAAwOQ==' }, { type: 'binary', value: 'AAAwOQ==' }],
    [{}, { type: 'empty' }],
    [undefined, { type: 'empty' }],
    [{ arrayValue: {} }, { type: 'array', value: [] }],
    [
      { kvlistValue: { values: [{ key: 'a', value: { boolValue: false } }] } },
      { type: 'map', value: [{ key: 'a', value: { type: 'bool', value: false } }] },
    ],
  ])('%j → %j', (raw, expected) => {
    expect(attributeValue(raw)).toEqual(expected);
  });

  it.each([
    [{ intValue: '1.5' }, '1.5'],
    [{ boolValue: 'yes' }, 'yes'],
    [{ stringValue: 12 }, '12'],
    [{ doubleValue: 'lots' }, 'lots'],
  ])('a wrongly typed %j keeps its text as a string, with a problem', (raw, text) => {
    const parsed = parseOne(span({ attributes: [{ key: 'k', value: raw }] }));
    expect(onlySpan(parsed).attributes[0]?.value).toEqual({ type: 'string', value: text });
    expect(parsed.problems).toEqual([expect.objectContaining({ kind: 'invalid-value' })]);
  });

  it('bounds nesting depth without recursion trouble, even 20,000 levels deep', () => {
    let value: unknown = { stringValue: 'bottom' };
    for (let i = 0; i < 20_000; i++) value = { arrayValue: { values: [value] } };
    const parsed = parseOne(span({ attributes: [{ key: 'deep', value }] }));
    let depth = 0;
    let node = onlySpan(parsed).attributes[0]?.value;
    while (node?.type === 'array') {
      node = node.value[0];
      depth++;
    }
    expect(depth).toBe(MAX_VALUE_DEPTH);
    expect(node).toEqual({ type: 'empty' });
    expect(parsed.problems).toEqual([expect.objectContaining({ kind: 'invalid-value' })]);
  });

  it('skips attributes without a string key and reads a non-array list as empty', () => {
    const parsed = parseOne(span({ attributes: [{ key: 1 }, null, { key: 'ok' }], events: 'x' }));
    expect(onlySpan(parsed).attributes).toEqual([{ key: 'ok', value: { type: 'empty' } }]);
    expect(parsed.problems).toHaveLength(3);
  });
});

describe('payload recognition', () => {
  it.each([
    [{}],
    [null],
    [5],
    ['text'],
    [[]],
    [[1, { resourceSpan: [] }]],
    [{ error: { httpCode: 404, message: 'No traces found' } }],
    [{ result: { result: { result: { resourceSpans: [] } } } }],
  ])('throws NotOtlpError for %j', (payload) => {
    expect(() => parseOtlpTraces(payload)).toThrow(NotOtlpError);
  });

  it.each([
    { resourceSpans: [] },
    { batches: null },
    { trace: {} },
    { result: { resourceSpans: 'x' } },
  ])('returns no traces for the empty but recognizable %j', (payload) => {
    expect(parseOtlpTraces(payload)).toEqual([]);
  });

  it('caps the problem list for hostile payloads', () => {
    const spans = Array.from({ length: 5000 }, () => span({ spanId: '' }));
    const { problems } = parseOne(span(), ...spans);
    expect(problems).toHaveLength(1001);
    expect(problems.at(-1)).toEqual({
      kind: 'other',
      message: '4000 more problems were not listed',
    });
  });

  it('reads 50,000 spans with a huge link list without stack overflow', () => {
    const links = Array.from({ length: 200_000 }, () => ({
      traceId: TRACE,
      spanId: 'ff00ff00ff00ff00',
    }));
    const spans = Array.from({ length: 50_000 }, (_, i) =>
      span({ spanId: i.toString(16).padStart(16, '0'), links: i === 0 ? links : undefined }),
    );
    const parsed = parseOne(...spans);
    expect(parsed.trace.spans).toHaveLength(50_000);
    expect(parsed.trace.spans[0]?.references).toHaveLength(200_000);
  });
});
