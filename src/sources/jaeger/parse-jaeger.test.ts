import { describe, expect, it } from 'vitest';
import { generateJaegerPayload } from '../../../test/generate-trace';
import { buildSpanTree } from '../../model/span-tree';
import { serviceOf, type Problem } from '../../model/trace';
import { NotATraceError, parseJaegerTrace } from './parse-jaeger';

const T = '0000000000000abc';
const ORIGIN_US = 1_700_000_000_000_000;

/** A well-formed raw span; `extra` overrides or removes (undefined) fields. */
function rawSpan(spanID: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const span: Record<string, unknown> = {
    traceID: T,
    spanID,
    operationName: `op ${spanID}`,
    references: [],
    startTime: ORIGIN_US,
    duration: 10,
    tags: [],
    logs: [],
    processID: 'p1',
    warnings: null,
  };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete span[key];
    else span[key] = value;
  }
  return span;
}

function traceObject(spans: unknown[], extra: Record<string, unknown> = {}) {
  return {
    traceID: T,
    spans,
    processes: { p1: { serviceName: 'svc', tags: [] } },
    warnings: null,
    ...extra,
  };
}

const kinds = (problems: readonly Problem[]) => problems.map((p) => p.kind);

describe('parseJaegerTrace: shapes', () => {
  const bare = traceObject([rawSpan('a1')]);

  it('reads an envelope, a bare trace object and a span array alike', () => {
    const fromEnvelope = parseJaegerTrace({ data: [bare], errors: null });
    const fromObject = parseJaegerTrace(bare);
    const inline = {
      ...rawSpan('a1', { processID: undefined }),
      process: { serviceName: 'svc', tags: [] },
    };
    const fromArray = parseJaegerTrace([inline]);
    for (const parsed of [fromEnvelope, fromObject, fromArray]) {
      expect(parsed.problems).toEqual([]);
      expect(parsed.trace.traceId).toBe(T);
      expect(parsed.trace.spans.map((s) => [s.spanId, s.name, serviceOf(parsed.trace, s)])).toEqual(
        [['a1', 'op a1', 'svc']],
      );
    }
  });

  it('picks the requested trace out of several, and says the others were left out', () => {
    const other = traceObject([rawSpan('b1', { traceID: '00000000000000000000000000000def' })], {
      traceID: '00000000000000000000000000000def',
    });
    const parsed = parseJaegerTrace({ data: [bare, other] }, 'DEF');
    expect(parsed.trace.spans.map((s) => s.spanId)).toEqual(['b1']);
    expect(kinds(parsed.problems)).toEqual(['other']);
    expect(parsed.problems[0]?.message).toContain('2 traces');
    expect(parseJaegerTrace({ data: [bare, other] }, 'ffff').trace.spans[0]?.spanId).toBe('a1');
    expect(parseJaegerTrace({ data: [bare, other] }).trace.spans[0]?.spanId).toBe('a1');
  });

  it('keeps only the chosen trace of a mixed span array', () => {
    const process = { serviceName: 'svc', tags: [] };
    const spans = [
      rawSpan('a1', { process }),
      rawSpan('x1', { traceID: 'ffff', process }),
      rawSpan('a2', { process }),
    ];
    const parsed = parseJaegerTrace(spans);
    expect(parsed.trace.spans.map((s) => s.spanId)).toEqual(['a1', 'a2']);
    expect(parsed.problems).toMatchObject([
      { kind: 'other', message: '1 span of 1 other trace not shown' },
    ]);
    expect(parseJaegerTrace(spans, '000000000000ffff').trace.spans.map((s) => s.spanId)).toEqual([
      'x1',
    ]);
  });

  it('turns envelope errors next to data into warnings and one partial-trace problem', () => {
    const parsed = parseJaegerTrace({
      data: [bare],
      errors: [
        { code: 500, msg: 'storage timeout' },
        { msg: 'trace not found', traceID: 'ff' },
      ],
    });
    expect(parsed.trace.warnings).toEqual(['storage timeout (500)', 'trace not found [trace ff]']);
    expect(kinds(parsed.problems)).toEqual(['partial-trace']);
  });

  it('keeps trace and span warnings, ignores unknown keys', () => {
    const parsed = parseJaegerTrace(
      traceObject([rawSpan('a1', { warnings: ['clock skew adjusted'] })], {
        warnings: ['invalid parent span IDs=x'],
        _comment: 'ignored',
      }),
    );
    expect(parsed.trace.warnings).toEqual(['invalid parent span IDs=x']);
    expect(parsed.trace.spans[0]?.warnings).toEqual(['clock skew adjusted']);
    expect(parsed.problems).toEqual([]);
  });

  it.each([
    ['{}', {}],
    ['a string', 'trace'],
    ['null', null],
    ['a number', 42],
    ['an empty envelope', { data: [] }],
    ['a 404 envelope', { data: null, errors: [{ code: 404, msg: 'trace not found' }] }],
    ['an envelope of strings', { data: ['x'] }],
    ['an empty array', []],
    ['an array of non-spans', [{ parent: 'a', child: 'b', callCount: 1 }]],
  ])('throws NotATraceError for %s', (_, payload) => {
    expect(() => parseJaegerTrace(payload)).toThrow(NotATraceError);
  });

  it('puts the backend error in the NotATraceError message', () => {
    expect(() =>
      parseJaegerTrace({ data: null, errors: [{ code: 404, msg: 'trace not found' }] }),
    ).toThrow(/trace not found/);
  });

  it('accepts a trace object with no spans (an empty trace, not an error)', () => {
    const parsed = parseJaegerTrace(traceObject([]));
    expect(parsed.trace.spans).toEqual([]);
    expect(parsed.trace.startEpochUs).toBe(0);
  });
});

const parseSpans = (...spans: unknown[]) => parseJaegerTrace(traceObject(spans));

describe('parseJaegerTrace: span fields', () => {
  it('offsets starts from the earliest span, in integer ns', () => {
    const { trace } = parseSpans(
      rawSpan('a', { startTime: ORIGIN_US + 7 }),
      rawSpan('b', { startTime: ORIGIN_US }),
    );
    expect(trace.startEpochUs).toBe(ORIGIN_US);
    expect(trace.spans.map((s) => s.startNs)).toEqual([7000, 0]);
  });

  it('reads a numeric string start; places a missing or garbage start at the origin', () => {
    const { trace, problems } = parseSpans(
      rawSpan('a', { startTime: String(ORIGIN_US + 3) }),
      rawSpan('b', { startTime: undefined }),
      rawSpan('c', { startTime: 'yesterday' }),
      rawSpan('d', { startTime: ORIGIN_US + 1 }),
    );
    expect(trace.startEpochUs).toBe(ORIGIN_US + 1);
    expect(trace.spans.map((s) => s.startNs)).toEqual([2000, 0, 0, 0]);
    expect(problems).toMatchObject([
      { kind: 'invalid-value', spanId: 'b' },
      { kind: 'invalid-value', spanId: 'c' },
    ]);
  });

  it('duration: 0 is an instant span; missing, negative or garbage means unfinished', () => {
    const { trace, problems } = parseSpans(
      rawSpan('zero', { duration: 0 }),
      rawSpan('missing', { duration: undefined }),
      rawSpan('negative', { duration: -5 }),
      rawSpan('text', { duration: 'long' }),
      rawSpan('string', { duration: '12' }),
    );
    expect(trace.spans.map((s) => s.durationNs)).toEqual([0, null, null, null, 12_000]);
    // The missing one is reported by the tree builder ('no-end'), not twice.
    expect(problems.map((p) => [p.kind, p.spanId])).toEqual([
      ['invalid-value', 'negative'],
      ['invalid-value', 'text'],
    ]);
    expect(kinds(buildSpanTree(trace).problems)).toEqual(['no-end', 'no-end', 'no-end']);
  });

  it('drops a span without a spanID, with a problem, and keeps the rest', () => {
    const { trace, problems } = parseSpans(
      rawSpan('a'),
      rawSpan('', {}),
      { operationName: 'lost' },
      'junk',
    );
    expect(trace.spans.map((s) => s.spanId)).toEqual(['a']);
    expect(kinds(problems)).toEqual(['dropped-span', 'dropped-span', 'dropped-span']);
    expect(problems[1]?.message).toContain('"lost"');
  });

  it('turns logs into events named after their event field', () => {
    const { trace, problems } = parseSpans(
      rawSpan('a', {
        logs: [
          {
            timestamp: ORIGIN_US + 2,
            fields: [
              { key: 'event', type: 'string', value: 'retry' },
              { key: 'n', type: 'int64', value: 2 },
            ],
          },
          { timestamp: ORIGIN_US + 4, fields: [{ key: 'message', type: 'string', value: 'hi' }] },
          { fields: [] },
        ],
      }),
    );
    const events = trace.spans[0]?.events ?? [];
    expect(events.map((e) => [e.name, e.timeNs, e.attributes.length])).toEqual([
      ['retry', 2000, 2],
      ['log', 4000, 1],
      ['log', 0, 0],
    ]);
    expect(kinds(problems)).toEqual(['invalid-value']);
  });

  it('converts references, and honours parentSpanID only when there are none', () => {
    const { trace, problems } = parseSpans(
      rawSpan('a', {
        references: [
          { refType: 'FOLLOWS_FROM', traceID: T, spanID: 'p' },
          { refType: 'child_of', spanID: 'q' },
          { refType: 'CAUSED_BY', traceID: T, spanID: 'r' },
          { refType: 'CHILD_OF', traceID: T },
        ],
        parentSpanID: 'ignored',
      }),
      rawSpan('b', { parentSpanID: 'a' }),
      rawSpan('c', { parentSpanID: '0' }),
    );
    expect(trace.spans[0]?.references.map((r) => [r.type, r.traceId, r.spanId])).toEqual([
      ['follows_from', T, 'p'],
      ['child_of', T, 'q'],
      ['link', T, 'r'],
    ]);
    expect(trace.spans[1]?.references.map((r) => [r.type, r.spanId])).toEqual([['child_of', 'a']]);
    expect(trace.spans[2]?.references).toEqual([]);
    expect(kinds(problems)).toEqual(['invalid-value', 'invalid-value']);
  });

  it('gives spans of an unknown process a shared unknown_service resource', () => {
    const { trace, problems } = parseSpans(
      rawSpan('a', { processID: 'p9' }),
      rawSpan('b', { processID: undefined }),
      rawSpan('c'),
    );
    expect(trace.spans.map((s) => serviceOf(trace, s))).toEqual([
      'unknown_service',
      'unknown_service',
      'svc',
    ]);
    expect(trace.resources).toHaveLength(2);
    expect(problems.map((p) => [p.kind, p.spanId])).toEqual([
      ['invalid-value', 'a'],
      ['invalid-value', 'b'],
    ]);
  });

  it('takes kind, status and scope from tags and keeps those tags', () => {
    const { trace } = parseSpans(
      rawSpan('a', {
        tags: [
          { key: 'span.kind', type: 'string', value: 'consumer' },
          { key: 'otel.status_code', type: 'string', value: 'ERROR' },
          { key: 'otel.status_description', type: 'string', value: 'bad' },
          { key: 'otel.scope.name', type: 'string', value: 'lib' },
          { key: 'otel.scope.version', type: 'string', value: '1.2' },
        ],
      }),
    );
    const span = trace.spans[0];
    expect([span?.kind, span?.status, span?.scope, span?.attributes.length]).toEqual([
      'consumer',
      { code: 'error', message: 'bad' },
      { name: 'lib', version: '1.2' },
      5,
    ]);
  });
});

describe('parseJaegerTrace: size', () => {
  it('parses a generated 100,000-span payload (issue 8 shape) in linear time', () => {
    const payload = generateJaegerPayload(100_000, 8);
    const startedMs = performance.now();
    const parsed = parseJaegerTrace(payload);
    const elapsedMs = performance.now() - startedMs;
    expect(parsed.problems).toEqual([]);
    expect(parsed.trace.spans).toHaveLength(100_000);
    expect(new Set(parsed.trace.spans.map((s) => serviceOf(parsed.trace, s))).size).toBe(12);
    // ~1 s on the 2-core CI VM; the bound only catches gross (e.g. quadratic) regressions.
    expect(elapsedMs).toBeLessThan(10_000);
  });

  it('matches the generator fixture statistics', () => {
    const parsed = parseJaegerTrace(generateJaegerPayload(20_000, 1));
    const tree = buildSpanTree(parsed.trace);
    const spans = parsed.trace.spans;
    const share = (count: number) => count / spans.length;
    expect(tree.roots).toHaveLength(1);
    expect(Math.max(...tree.depth)).toBeLessThanOrEqual(8);
    expect(Math.max(...tree.depth)).toBeGreaterThanOrEqual(6);
    expect(share(childCountOfRoot(tree))).toBeGreaterThan(0.3);
    expect(share(spans.filter((s) => s.status.code === 'error').length)).toBeCloseTo(0.02, 2);
    expect(share(spans.filter((s) => s.events.length > 0).length)).toBeCloseTo(0.2, 1);
    expect(
      share(spans.filter((s) => s.attributes.some((a) => a.key === 'gen_ai.prompt')).length),
    ).toBeCloseTo(0.05, 1);
    expect(spans.reduce((n, s) => n + s.attributes.length, 0) / spans.length).toBeCloseTo(11, 0);
  });
});

function childCountOfRoot(tree: ReturnType<typeof buildSpanTree>): number {
  return (tree.childStart[1] as number) - (tree.childStart[0] as number);
}
