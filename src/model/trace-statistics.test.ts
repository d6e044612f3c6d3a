import { describe, expect, it } from 'vitest';
import { loadJaegerTree, loadOtlpTree } from '../../test/parsed-fixtures';
import { computeCriticalPath } from './critical-path';
import { computeStatistics, type StatisticsRow } from './trace-statistics';
import { timingTree } from './test-timing-tree';

//  handle (api)  ├═════╤──────────────────────────────╤════╤═══╤═══┤ 0..100
//  chat   (llm)        ├══════════┤                                    10..40 error
//  db     (api)                     ├───┤                              45..55 (overlapped)
//  chat   (llm)                        ├══════════════┤                50..90
//  embed  (llm)                                          ├═══┤         91..95
//  db     (api)                                                ├?      96.. never ended
const tree = timingTree(
  [
    { id: 'root', name: 'handle', start: 0, duration: 100 },
    {
      id: 'c1',
      parent: 'root',
      name: 'chat',
      start: 10,
      duration: 30,
      resource: 1,
      isError: true,
      attributes: { 'gen_ai.request.model': 'gpt-a' },
    },
    {
      id: 'c2',
      parent: 'root',
      name: 'chat',
      start: 50,
      duration: 40,
      resource: 1,
      attributes: { 'llm.model_name': 'gpt-a' },
    },
    { id: 'c3', parent: 'root', name: 'db', start: 45, duration: 10 },
    {
      id: 'c4',
      parent: 'root',
      name: 'embed',
      start: 91,
      duration: 4,
      resource: 1,
      attributes: { 'gen_ai.request.model': 'emb-b' },
    },
    { id: 'u', parent: 'root', name: 'db', start: 96, duration: null },
  ],
  [
    { serviceName: 'api', attributes: [] },
    { serviceName: 'llm', attributes: [] },
  ],
);
const cp = computeCriticalPath(tree);

const row = (key: string, fields: Partial<StatisticsRow>) =>
  expect.objectContaining({ key, ...fields });

describe('computeStatistics', () => {
  it('by service', () => {
    expect(computeStatistics(tree, cp, 'service')).toEqual([
      {
        key: 'api',
        count: 3,
        unfinishedCount: 1,
        totalNs: 110,
        selfNs: 21 + 10,
        avgNs: 55,
        p50Ns: 10,
        p95Ns: 100,
        maxNs: 100,
        errorCount: 0,
        criticalPathNs: 26,
        criticalPathShare: 0.26,
      },
      {
        key: 'llm',
        count: 3,
        unfinishedCount: 0,
        totalNs: 74,
        selfNs: 74,
        avgNs: 74 / 3,
        p50Ns: 30,
        p95Ns: 40,
        maxNs: 40,
        errorCount: 1,
        criticalPathNs: 74,
        criticalPathShare: 0.74,
      },
    ]);
  });

  it('by operation, across services', () => {
    expect(computeStatistics(tree, cp, 'operation')).toEqual([
      row('handle', { count: 1, totalNs: 100, selfNs: 21, criticalPathNs: 26 }),
      row('chat', { count: 2, totalNs: 70, p50Ns: 30, p95Ns: 40, errorCount: 1 }),
      row('db', { count: 2, unfinishedCount: 1, totalNs: 10, avgNs: 10, criticalPathNs: 0 }),
      row('embed', { count: 1, totalNs: 4, criticalPathShare: 0.04 }),
    ]);
  });

  it('by model: only spans that name one, with a pluggable reader', () => {
    expect(computeStatistics(tree, cp, 'model')).toEqual([
      row('gpt-a', { count: 2, totalNs: 70, criticalPathNs: 70, criticalPathShare: 0.7 }),
      row('emb-b', { count: 1, totalNs: 4, criticalPathNs: 4 }),
    ]);
    const byName = computeStatistics(tree, cp, 'model', {
      readModel: (span) => (span.name === 'db' ? 'sql' : undefined),
    });
    expect(byName).toEqual([row('sql', { count: 2, unfinishedCount: 1, totalNs: 10 })]);
  });

  it('Jaeger 11-span fixture by service', () => {
    const jaeger = loadJaegerTree('jaeger/trace-object_11spans_follows-from_error.json');
    const rows = computeStatistics(jaeger, computeCriticalPath(jaeger), 'service');
    const ms = 1_000_000;
    expect(rows).toEqual([
      row('service1', {
        count: 8,
        errorCount: 1,
        maxNs: 390 * ms,
        criticalPathNs: 370 * ms,
        criticalPathShare: 0.37,
      }),
      row('service2', { count: 3, maxNs: 200 * ms, totalNs: 238 * ms, criticalPathNs: 20 * ms }),
    ]);
  });

  it('OpenInference RAG fixture by model', () => {
    const rag = loadOtlpTree('llm/openinference-openai/rag.json');
    expect(computeStatistics(rag, computeCriticalPath(rag), 'model')).toEqual([
      row('gpt-4o-mini-2024-07-18', { count: 1, totalNs: 137_697_225, p95Ns: 137_697_225 }),
    ]);
  });
});
