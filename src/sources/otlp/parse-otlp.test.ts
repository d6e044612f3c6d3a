import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, loadFixture } from '../../../test/fixtures';
import { findAttribute, serviceOf, type ParsedTrace, type Span } from '../../model/trace';
import { NotOtlpError, parseOtlpTrace, parseOtlpTraces } from './parse-otlp';

function parseSingle(relPath: string): ParsedTrace {
  const traces = parseOtlpTraces(loadFixture(relPath));
  expect(traces).toHaveLength(1);
  return traces[0] as ParsedTrace;
}

function spanNamed(parsed: ParsedTrace, name: string): Span {
  const span = parsed.trace.spans.find((s) => s.name === name);
  if (!span) throw new Error(`no span ${name}`);
  return span;
}

function jsonFiles(folder: string): string[] {
  return readdirSync(fixturePath(folder))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `${folder}/${f}`);
}

describe('otlp/ fixtures', () => {
  it('reads the spec example: upper-case hex ids, kind 2, exact 1 s duration, scope', () => {
    const { trace, problems } = parseSingle('otlp/otlp-proto-examples_trace.json');
    expect(problems).toEqual([]);
    expect(trace.traceId).toBe('5b8efff798038103d269b633813fc60c');
    expect(trace.startEpochUs).toBe(1544712660000000);
    const [span] = trace.spans;
    expect(span).toMatchObject({
      spanId: 'eee19b7ec3c1b174',
      sourceSpanId: 'eee19b7ec3c1b174',
      traceId: '5b8efff798038103d269b633813fc60c',
      name: "I'm a server span",
      kind: 'server',
      status: { code: 'unset' },
      startNs: 0,
      durationNs: 1_000_000_000,
      scope: { name: 'my.library', version: '1.0.0' },
      attributes: [{ key: 'my.span.attr', value: { type: 'string', value: 'some value' } }],
    });
    expect(span?.references).toEqual([
      {
        type: 'child_of',
        traceId: '5b8efff798038103d269b633813fc60c',
        spanId: 'eee19b7ec3c1b173',
        attributes: [],
      },
    ]);
    expect(serviceOf(trace, span as Span)).toBe('my.service');
  });

  it('reads 4 spans in 4 resources with exact ns offsets and durations', () => {
    const parsed = parseSingle('otlp/otlp-hex_4spans_one-resource.json');
    const { trace, problems } = parsed;
    expect(problems).toEqual([]);
    expect(trace.traceId).toBe('c620759e5d60fafb8ee0922b30e06bc6');
    expect(trace.startEpochUs).toBe(1711138246940000);
    expect(trace.resources.map((r) => r.serviceName)).toEqual(Array(4).fill('example-trace'));
    const summary = trace.spans.map((s) => [s.spanId, s.startNs, s.durationNs, s.kind]);
    expect(summary).toEqual([
      ['26f5ef9dbb885479', 38_000_000, 46_460_625, 'internal'],
      ['e76628f4e6dde174', 85_000_000, 71_355_250, 'internal'],
      ['49b8e9efa1e8a3b1', 3_000_000, 173_150_875, 'internal'],
      ['eff3153be6b1fb93', 0, 176_321_958, 'internal'],
    ]);
    // parentSpanId "" on `main` means root.
    expect(spanNamed(parsed, 'main').references).toEqual([]);
    expect(spanNamed(parsed, 'info').references.map((r) => [r.type, r.spanId])).toEqual([
      ['child_of', 'eff3153be6b1fb93'],
    ]);
    expect(trace.spans.map((s) => s.resourceIndex)).toEqual([0, 1, 2, 3]);
    expect(spanNamed(parsed, 'main').scope).toEqual({ name: 'widgets', version: '1.2.3' });
    expect(trace.spans[0]?.scope).toEqual({ name: 'ohboy' });
  });

  it('reads 3 links with typed link attributes and no parent', () => {
    const { trace, problems } = parseSingle('otlp/otlp-hex_span-links_all-attr-types.json');
    expect(problems).toEqual([]);
    const [span] = trace.spans;
    expect(span?.kind).toBe('unspecified');
    expect(span?.scope).toBeUndefined();
    expect(span?.durationNs).toBe(2000);
    expect(span?.references.map((r) => [r.type, r.traceId, r.spanId])).toEqual([
      ['link', '000000000000000000000000000000ff', '00000000000000ff'],
      ['link', '00000000000000000000000000000001', '0000000000000002'],
      ['link', '00000000000000000000000000000001', '0000000000000002'],
    ]);
    const linkAttributes = span?.references[0]?.attributes ?? [];
    expect(linkAttributes.map((a) => a.value)).toEqual([
      { type: 'string', value: 'child_of' },
      { type: 'string', value: 'sameplacevalue' },
      { type: 'int', value: '123' },
      { type: 'bool', value: true },
      { type: 'float', value: 72.5 },
      { type: 'binary', value: 'AAAwOQ==' },
    ]);
    expect(findAttribute(span?.references[2]?.attributes ?? [], 'opentracing.ref_type')).toEqual({
      type: 'string',
      value: 'follows_from',
    });
  });
});

describe('jaeger-v3/ fixtures', () => {
  it('reads the 5-root, 3-service example with unnamed events', () => {
    const { trace, problems } = parseSingle(
      'jaeger-v3/otlp-hex_example-trace_5-roots_3-services.json',
    );
    expect(problems).toEqual([]);
    expect(trace.traceId).toBe('00000000000000000000000000000011');
    expect(trace.spans.map((s) => [s.spanId, serviceOf(trace, s), s.kind])).toEqual([
      ['0000000000000004', 'example-service-2', 'unspecified'],
      ['0000000000000005', 'example-service-3', 'unspecified'],
      ['0000000000000003', 'example-service-1', 'unspecified'],
      ['0000000000000006', 'example-service-1', 'server'],
      ['0000000000000007', 'example-service-1', 'client'],
    ]);
    for (const span of trace.spans) {
      expect(span.references).toEqual([]);
      expect(span.durationNs).toBe(100_000);
      expect(span.status).toEqual({ code: 'unset' });
      expect(span.events).toEqual([
        { name: '', timeNs: 0, attributes: [] },
        { name: '', timeNs: 0, attributes: [] },
      ]);
    }
  });

  it('reads the one-span error trace: links, events, bytes/double/int attributes', () => {
    const { trace, problems } = parseSingle('jaeger-v3/otlp-hex_one-span_links_events_error.json');
    expect(problems).toEqual([]);
    expect(trace.traceId).toBe('00000000000000010000000000000000');
    const span = trace.spans[0] as Span;
    expect(span.status).toEqual({ code: 'error' });
    expect(span.durationNs).toBe(5000);
    expect(span.scope).toEqual({ name: 'testing-library', version: '1.1.1' });
    expect(span.attributes.map((a) => [a.key, a.value.type])).toEqual([
      ['peer.service', 'string'],
      ['peer.ipv4', 'int'],
      ['blob', 'binary'],
      ['temperature', 'float'],
    ]);
    expect(findAttribute(span.attributes, 'peer.ipv4')).toEqual({ type: 'int', value: '23456' });
    expect(span.references.map((r) => [r.type, r.traceId, r.spanId])).toEqual([
      ['child_of', '00000000000000010000000000000000', '0000000000000003'],
      ['link', '00000000000000010000000000000000', '0000000000000004'],
      ['link', '00000000000000ff0000000000000000', '00000000000000ff'],
    ]);
    expect(span.events.map((e) => [e.name, e.timeNs, e.attributes.length])).toEqual([
      ['testing-event', 0, 1],
      ['', 0, 1],
    ]);
    expect(trace.resources[0]?.attributes.map((a) => a.key)).toEqual([
      'service.name',
      'sdk.version',
    ]);
  });

  it.each(['jaeger-v3/snapshot_GetTrace.json', 'jaeger-v3/snapshot_FindTraces.json'])(
    'reads %s: {result}, no times, no service name',
    (relPath) => {
      const { trace, problems } = parseSingle(relPath);
      expect(trace.traceId).toBe('00000000000000000000000000000001');
      expect(trace.startEpochUs).toBe(0);
      expect(trace.resources).toEqual([{ serviceName: 'unknown_service', attributes: [] }]);
      expect(trace.spans).toHaveLength(1);
      expect(trace.spans[0]).toMatchObject({
        spanId: '0000000000000002',
        name: 'foobar',
        kind: 'server',
        status: { code: 'error' },
        startNs: 0,
        durationNs: null,
      });
      expect(problems).toEqual([
        expect.objectContaining({ kind: 'invalid-value', spanId: '0000000000000002' }),
      ]);
    },
  );

  it.each(jsonFiles('jaeger-v3').filter((f) => !/otlp-hex|GetTrace|FindTraces\./.test(f)))(
    'rejects %s as not OTLP',
    (relPath) => {
      expect(() => parseOtlpTraces(loadFixture(relPath))).toThrow(NotOtlpError);
    },
  );
});

describe('tempo/ fixtures', () => {
  it('reads the hand-written {batches} file exactly like the spec example it copies', () => {
    const batches = parseSingle('tempo/tempo-v1-batches_handwritten.json');
    expect(batches).toEqual(parseSingle('otlp/otlp-proto-examples_trace.json'));
  });
});

describe('every otlp/, tempo/ and jaeger-v3/ trace fixture', () => {
  const traceFiles = [
    ...jsonFiles('otlp'),
    ...jsonFiles('tempo'),
    ...jsonFiles('jaeger-v3'),
  ].filter((f) => !/openapi|GetServices|GetOperations|Summaries/.test(f));

  it('covers the 8 trace fixtures', () => {
    expect(traceFiles).toHaveLength(8);
  });

  it.each(traceFiles)('%s: parseOtlpTrace picks its only trace', (relPath) => {
    const [only] = parseOtlpTraces(loadFixture(relPath));
    expect(parseOtlpTrace(loadFixture(relPath))).toEqual(only);
  });
});
