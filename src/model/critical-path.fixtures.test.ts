/**
 * The critical path on recorded traces, through the real adapters and tree builder. Expected
 * sections were worked out by hand from the fixture files (times in ns from the trace start).
 */
import { describe, expect, it } from 'vitest';
import { loadJaegerTree, loadOtlpTree } from '../../test/parsed-fixtures';
import { computeCriticalPath } from './critical-path';
import { summarizeCriticalPath } from './critical-path-summary';
import { pathOf, reasonsOf } from './test-timing-tree';

const ms = (value: number) => value * 1_000_000;

describe('critical path on Jaeger fixtures', () => {
  it('11 spans with follows-from and a producer: matches the last-finishing-child walk', () => {
    const tree = loadJaegerTree('jaeger/trace-object_11spans_follows-from_error.json');
    const cp = computeCriticalPath(tree);
    expect(pathOf(tree, cp)).toEqual([
      ['span-1', 0, ms(125)],
      ['span-2', ms(125), ms(158)],
      ['span-1', ms(158), ms(180)],
      ['span-3', ms(180), ms(200)],
      ['span-4', ms(200), ms(201)],
      ['span-5', ms(201), ms(219)],
      ['span-4', ms(219), ms(220)],
      ['span-3', ms(220), ms(246)],
      ['span-1', ms(246), ms(250)],
      ['span-2_1', ms(250), ms(287)],
      ['span-1', ms(287), ms(300)],
      ['span-6', ms(300), ms(320)],
      ['span-1', ms(320), ms(330)],
      ['span-12', ms(330), ms(331)],
      ['span-13', ms(331), ms(340)],
      ['span-1', ms(340), ms(390)],
    ]);
    expect(reasonsOf(tree, cp)).toMatchObject({
      'span-7': 'follows-from',
      'span-14': 'overlapped',
    });
    // span-7 (the follows-from consumer) runs until 1 s: the path covers only the root's 390 ms.
    expect([cp.pathNs, cp.traceEndNs - cp.traceStartNs]).toEqual([ms(390), ms(1000)]);
  });

  it('children longer than their parent are clipped to it', () => {
    const tree = loadJaegerTree('jaeger/trace-object_8spans_span-longer-than-parent.json');
    const cp = computeCriticalPath(tree);
    expect(pathOf(tree, cp)).toEqual([
      ['ab496a7591486ffd', 0, 1_636_000],
      ['6745965d0b964193', 1_636_000, 2_782_000],
      ['4b52eb0cabcb50a', 2_782_000, 7_381_000],
      ['afa59bdef0fc2561', 7_381_000, 7_796_000],
      ['4b52eb0cabcb50a', 7_796_000, 8_366_000],
      ['d72e44f0b9a0a6ce', 8_366_000, 8_509_000],
      ['4b52eb0cabcb50a', 8_509_000, 10_011_000],
      ['6745965d0b964193', 10_011_000, 10_080_000],
      // 00000000000001 runs to 11,580,000 but is clipped at its parent's end.
      ['00000000000001', 10_080_000, 11_157_000],
      ['ab496a7591486ffd', 11_157_000, 12_887_000],
    ]);
    expect(reasonsOf(tree, cp)).toMatchObject({
      '0a0000000000000': 'overlapped',
      '00000000000002': 'overlapped',
    });
  });

  it('a child that starts after its producer parent ended is async', () => {
    const tree = loadJaegerTree('jaeger/trace-object_child-outlives-parent.json');
    const cp = computeCriticalPath(tree);
    expect(pathOf(tree, cp)).toEqual([['006c3cf93508f205', 0, 40_000]]);
    expect(cp.reason(tree.nodeById.get('2dc4b796e2127e32') ?? -1)).toBe('async');
  });

  it('a FOLLOWS_FROM-only child is off the path', () => {
    const tree = loadJaegerTree('jaeger/api-traces-envelope_follows-from_issue115.json');
    const cp = computeCriticalPath(tree);
    expect(pathOf(tree, cp)).toEqual([['ea7cfaca83f0724b', 0, 70_406_000]]);
    expect(reasonsOf(tree, cp)).toEqual({
      ea7cfaca83f0724b: null,
      '1bdf4201221bb2ac': 'follows-from',
    });
  });

  it('duplicate ids under a missing parent: the placeholder root leads to one copy', () => {
    const tree = loadJaegerTree(
      'jaeger/api-traces-envelope_transform-out_dup-spanids_missing-parent.json',
    );
    const cp = computeCriticalPath(tree);
    expect(pathOf(tree, cp)).toEqual([['e127af99e3b3e074', 0, 123_000]]);
    expect(reasonsOf(tree, cp)).toEqual({
      e127af99e3b3e074: null,
      'e127af99e3b3e074~2': 'overlapped',
      '909541b92cf05311': null,
    });
  });

  it('covers the whole GenAI trace without gaps and ranks its spans', () => {
    const tree = loadJaegerTree('jaeger/trace-object_genai_57spans_10procs.json');
    const cp = computeCriticalPath(tree);
    const root = tree.roots[0] as number;
    expect(tree.roots).toHaveLength(1);
    expect(cp.pathNs).toBe((cp.times.endNs[root] as number) - (cp.times.startNs[root] as number));
    const summary = summarizeCriticalPath(tree, cp);
    const shares = summary.items.reduce((sum, item) => sum + item.share, 0);
    expect(shares).toBeCloseTo(cp.pathNs / summary.traceDurationNs, 9);
    expect(summary.items.length).toBeGreaterThan(1);
  });
});

describe('critical path on OTLP / LLM fixtures', () => {
  it('OTel GenAI agent: parallel tool calls, the slowest one holds the path', () => {
    const tree = loadOtlpTree('llm/otel-genai-openai/agent.json');
    const cp = computeCriticalPath(tree);
    expect(pathOf(tree, cp)).toEqual([
      ['bc9a3a705042423f', 0, 1_000_000],
      ['743f6ca41dd1e1bf', 1_000_000, 268_072_018],
      ['bc9a3a705042423f', 268_072_018, 269_000_000],
      ['ebe71492743cc640', 269_000_000, 499_847_155],
      ['bc9a3a705042423f', 499_847_155, 500_000_000],
      ['b416d07d5ab3eae8', 500_000_000, 667_170_489],
      ['bc9a3a705042423f', 667_170_489, 667_476_352],
    ]);
    expect(reasonsOf(tree, cp)).toMatchObject({
      '1d6d6d7dbf887839': 'overlapped',
      '1014dd1f9af661fd': 'overlapped',
    });
    const summary = summarizeCriticalPath(tree, cp);
    expect(summary.models).toEqual([
      {
        model: 'gpt-4.1',
        spanCount: 2,
        onPathNs: 267_072_018 + 167_170_489,
        share: (267_072_018 + 167_170_489) / 667_476_352,
      },
    ]);
    expect(summary.items.map((item) => item.spanId).slice(0, 3)).toEqual([
      '743f6ca41dd1e1bf',
      'ebe71492743cc640',
      'b416d07d5ab3eae8',
    ]);
  });

  it('OpenInference RAG: sequential steps, the last one clipped at the root end', () => {
    const tree = loadOtlpTree('llm/openinference-openai/rag.json');
    const cp = computeCriticalPath(tree);
    expect(pathOf(tree, cp)).toEqual([
      ['710c9d412dfeb1f6', 0, 2_000_000],
      ['f0616870df6e3511', 2_000_000, 109_775_965],
      ['710c9d412dfeb1f6', 109_775_965, 111_000_000],
      ['398def80402b32be', 111_000_000, 150_912_265],
      ['710c9d412dfeb1f6', 150_912_265, 151_000_000],
      ['7e0ccc0f26f42431', 151_000_000, 155_705_315],
      ['710c9d412dfeb1f6', 155_705_315, 158_000_000],
      ['64963a78a2915bc1', 158_000_000, 295_697_225],
      ['710c9d412dfeb1f6', 295_697_225, 296_000_000],
      ['5400db9f2dcedc81', 296_000_000, 299_459_668],
    ]);
    const summary = summarizeCriticalPath(tree, cp, { limit: 2 });
    expect(summary.items.map((item) => [item.name, item.model])).toEqual([
      ['OpenAI Chat Completions', 'gpt-4o-mini-2024-07-18'],
      ['OpenAI Embeddings', undefined],
    ]);
    expect(summary.models.map((m) => [m.model, m.onPathNs])).toEqual([
      ['gpt-4o-mini-2024-07-18', 137_697_225],
    ]);
    expect(summary.traceDurationNs).toBe(299_591_615);
  });
});
