/**
 * The Jaeger adapter and the tree builder on every recorded Jaeger fixture, asserting what a
 * user would see. Expected values were read off the fixture files by hand (see
 * test/fixtures/jaeger/SOURCES.md for what each one demonstrates).
 */
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/fixtures';
import {
  buildSpanTree,
  childrenOf,
  nodeIdOf,
  type SpanTree,
  spanOfNode,
} from '../../model/span-tree';
import { findAttribute, serviceOf, type Problem } from '../../model/trace';
import { NotATraceError, parseJaegerTrace } from './parse-jaeger';
import { traceFromTable } from '../../model/span-table';

function load(name: string) {
  const parsed = parseJaegerTrace(loadFixture(`jaeger/${name}`));
  return { ...parsed, tree: buildSpanTree(parsed.trace) };
}

function nodeOf(tree: SpanTree, spanId: string): number {
  const node = tree.nodeById.get(spanId);
  if (node === undefined) throw new Error(`no node ${spanId}`);
  return node;
}

const depthOf = (tree: SpanTree, spanId: string) => tree.depth[nodeOf(tree, spanId)];
const parentIdOf = (tree: SpanTree, spanId: string) => {
  const parent = tree.parent[nodeOf(tree, spanId)] as number;
  return parent < 0 ? null : nodeIdOf(tree, parent);
};
const childIds = (tree: SpanTree, spanId: string) =>
  Array.from(childrenOf(tree, nodeOf(tree, spanId)), (node) => nodeIdOf(tree, node));
const kinds = (problems: readonly Problem[]) => problems.map((p) => p.kind).sort();
const attr = (tree: SpanTree, spanId: string, key: string) =>
  findAttribute(spanOfNode(tree, nodeOf(tree, spanId))?.attributes ?? [], key);

describe('Jaeger fixtures: adapter + tree', () => {
  it('duplicate span ids with a missing parent: both copies orphaned under one placeholder', () => {
    const { trace, problems, tree } = load(
      'api-traces-envelope_transform-out_dup-spanids_missing-parent.json',
    );
    expect(problems).toEqual([]);
    expect(trace.traceId).toBe('83a9efd15c1c98a977e0711cc93ee28b');
    expect(trace.spans.map((s) => [s.spanId, s.sourceSpanId])).toEqual([
      ['e127af99e3b3e074', 'e127af99e3b3e074'],
      ['e127af99e3b3e074', 'e127af99e3b3e074'],
    ]);
    expect(traceFromTable(tree.trace).spans.map((s) => s.spanId)).toEqual([
      'e127af99e3b3e074',
      'e127af99e3b3e074~2',
    ]);
    expect(spanOfNode(tree, 1)?.sourceSpanId).toBe('e127af99e3b3e074');
    expect(tree.placeholders).toEqual([{ spanId: '909541b92cf05311', startNs: 0, endNs: 123_000 }]);
    expect(Array.from(tree.roots)).toEqual([2]);
    expect(childIds(tree, '909541b92cf05311')).toEqual(['e127af99e3b3e074', 'e127af99e3b3e074~2']);
    expect(depthOf(tree, 'e127af99e3b3e074~2')).toBe(1);
    expect(kinds(tree.problems)).toEqual(['duplicate-span-id', 'missing-parent', 'missing-parent']);
    const span = trace.spans[0];
    expect(span && [serviceOf(trace, span), span.kind, span.scope?.name, span.durationNs]).toEqual([
      'telemetrygen',
      'server',
      'telemetrygen',
      123_000,
    ]);
    expect(trace.startEpochUs).toBe(1706678909209712);
  });

  it('FOLLOWS_FROM-only child is nested under the span it follows', () => {
    const { trace, problems, tree } = load('api-traces-envelope_follows-from_issue115.json');
    expect(problems).toEqual([]);
    expect(tree.problems).toEqual([]);
    expect(trace.spans.map((s) => s.name)).toEqual(['thread', 'demo']);
    expect(Array.from(tree.roots, (n) => nodeIdOf(tree, n))).toEqual(['ea7cfaca83f0724b']);
    expect(parentIdOf(tree, '1bdf4201221bb2ac')).toBe('ea7cfaca83f0724b');
    expect(trace.spans[0]?.references[0]?.type).toBe('follows_from');
    expect(trace.startEpochUs).toBe(1509533706470949);
    expect(trace.spans[0]?.startNs).toBe((1509533706521220 - 1509533706470949) * 1000);
    expect(Array.from(tree.preorder)).toEqual([1, 0]);
  });

  it('generated GenAI trace: 57 spans, 10 services, one root, depth 7, one error', () => {
    const { trace, problems, tree } = load('trace-object_genai_57spans_10procs.json');
    expect(problems).toEqual([]);
    expect(tree.problems).toEqual([]);
    expect(trace.spans).toHaveLength(57);
    expect(trace.resources.map((r) => r.serviceName)).toEqual([
      'api-edge',
      'graphql-gateway',
      'coding-agent',
      'mcp-gateway',
      'auth-service',
      'metrics-backend',
      'trace-store',
      'k8s-api',
      'vector-store',
      'summarizer-agent',
    ]);
    expect(tree.roots).toHaveLength(1);
    expect(trace.spans[tree.roots[0] as number]?.name).toBe('POST /api/graphql');
    expect(Math.max(...tree.depth)).toBe(7);
    expect(depthOf(tree, '0000000000000037')).toBe(7);
    expect(tree.descendantCount[tree.roots[0] as number]).toBe(56);
    const errors = trace.spans.filter((s) => s.status.code === 'error');
    expect(errors.map((s) => [s.spanId, s.name])).toEqual([
      ['0000000000000011', 'GET /api/v1/pods'],
    ]);
    expect(attr(tree, '0000000000000011', 'error')).toEqual({ type: 'bool', value: true });
    expect(attr(tree, '0000000000000011', 'http.response.status_code')).toEqual({
      type: 'int',
      value: '500',
    });
    expect(attr(tree, '0000000000000001', 'span.kind')).toEqual({
      type: 'string',
      value: 'server',
    });
    expect(tree.endNs).toBe(44_000_000_000);
    expect(trace.warnings).toEqual([]);
  });

  it('non-hex ids, FOLLOWS_FROM and an error given as the string "true"', () => {
    const { trace, problems, tree } = load('trace-object_11spans_follows-from_error.json');
    expect(problems).toEqual([]);
    expect(tree.problems).toEqual([]);
    expect(trace.traceId).toBe('trace-123');
    expect(trace.spans).toHaveLength(11);
    expect(trace.resources).toEqual([
      {
        serviceName: 'service1',
        attributes: [{ key: 'hostname', value: { type: 'string', value: 'foobar.org' } }],
      },
      {
        serviceName: 'service2',
        attributes: [{ key: 'hostname', value: { type: 'string', value: 'foobar.org' } }],
      },
    ]);
    expect(Array.from(tree.roots, (n) => nodeIdOf(tree, n))).toEqual(['span-1']);
    // Children in start order, not input order (span-2_1 is listed before span-3).
    expect(childIds(tree, 'span-1')).toEqual(['span-2', 'span-3', 'span-2_1', 'span-6', 'span-12']);
    expect(parentIdOf(tree, 'span-7')).toBe('span-6');
    expect(depthOf(tree, 'span-7')).toBe(2);
    expect(depthOf(tree, 'span-5')).toBe(3);
    expect(attr(tree, 'span-2', 'error')).toEqual({ type: 'bool', value: true });
    expect(trace.spans.filter((s) => s.status.code === 'error').map((s) => s.spanId)).toEqual([
      'span-2',
    ]);
    expect(trace.spans.map((s) => s.kind).filter((k) => k === 'consumer')).toHaveLength(1);
  });

  it('15-hex-digit ids resolve, and a child outlives its parent and the root', () => {
    const { trace, problems, tree } = load('trace-object_8spans_span-longer-than-parent.json');
    expect(problems).toEqual([]);
    expect(tree.problems).toEqual([]);
    expect(tree.placeholders).toEqual([]);
    expect(Array.from(tree.roots, (n) => nodeIdOf(tree, n))).toEqual(['ab496a7591486ffd']);
    expect(childIds(tree, '4b52eb0cabcb50a')).toEqual(['afa59bdef0fc2561', 'd72e44f0b9a0a6ce']);
    expect(depthOf(tree, 'afa59bdef0fc2561')).toBe(3);
    // Same start: input order breaks the tie.
    expect(childIds(tree, '6745965d0b964193')).toEqual([
      '4b52eb0cabcb50a',
      '0a0000000000000',
      '00000000000001',
      '00000000000002',
    ]);
    expect(serviceOf(trace, trace.spans[7]!)).toBe('api-gateway');
    expect(trace.spans[7]?.startNs).toBe(0);
    expect(tree.endNs).toBe((1573196810406440 + 3500 - 1573196810396000) * 1000);
    expect(tree.endNs).toBeGreaterThan(12_887_000);
  });

  it('child starting after its parent ends is kept whole', () => {
    const { trace, problems, tree } = load('trace-object_child-outlives-parent.json');
    expect(problems).toEqual([]);
    expect(tree.problems).toEqual([]);
    expect(trace.startEpochUs).toBe(100);
    expect(trace.spans.map((s) => [s.kind, s.startNs, s.durationNs])).toEqual([
      ['producer', 0, 40_000],
      ['client', 100_000, 300_000],
    ]);
    expect(parentIdOf(tree, '2dc4b796e2127e32')).toBe('006c3cf93508f205');
    expect(trace.spans.map((s) => serviceOf(trace, s))).toEqual(['service-one', 'service-two']);
    expect(tree.endNs).toBe(400_000);
  });

  it('anonymizer span array: inline processes, bool as a string, missing parent', () => {
    const { trace, problems, tree } = load('span-array_inline-process_anonymizer.json');
    expect(problems).toEqual([]);
    expect(trace.traceId).toBe('2be38093ead7a083');
    expect(trace.spans.map((s) => serviceOf(trace, s))).toEqual([
      '16af988c443cff37',
      '3c220036602f839e',
    ]);
    expect(attr(tree, '7bd66f09ba90ea3d', 'error')).toEqual({ type: 'bool', value: true });
    expect(trace.spans[1]?.status).toEqual({ code: 'error' });
    expect(trace.spans[0]?.status).toEqual({ code: 'unset' });
    expect(Array.from(tree.roots, (n) => nodeIdOf(tree, n))).toEqual(['492770a15935810f']);
    expect(depthOf(tree, '7bd66f09ba90ea3d')).toBe(2);
    expect(kinds(tree.problems)).toEqual(['missing-parent']);
    expect(tree.problems[0]?.spanId).toBe('7606ddfe69932d34');
  });

  it.each(['api-dependencies-data_small.json', 'api-transform-request_otlp-in.json'])(
    '%s is not a Jaeger trace',
    (name) => {
      expect(() => parseJaegerTrace(loadFixture(`jaeger/${name}`))).toThrow(NotATraceError);
    },
  );
});
