import { describe, expect, it } from 'vitest';
import { generateChainTrace, generateWideTrace } from '../../test/generate-trace';
import { buildVisibleRows } from './rows';
import { buildSpanTree, nodeIdOf, type SpanTree, spanOfNode } from './span-tree';
import { asEpochMicros, asNanos, type Span, type Trace } from './trace';

function span(spanId: string, parentId: string | null, startNs: number): Span {
  return {
    spanId,
    sourceSpanId: spanId,
    traceId: 't',
    name: spanId,
    kind: 'internal',
    status: { code: 'unset' },
    startNs: asNanos(startNs),
    durationNs: asNanos(10),
    resourceIndex: 0,
    attributes: [],
    events: [],
    references: parentId
      ? [{ type: 'child_of', traceId: 't', spanId: parentId, attributes: [] }]
      : [],
    warnings: [],
  };
}

function tree(...spans: Span[]): SpanTree {
  const trace: Trace = {
    traceId: 't',
    startEpochUs: asEpochMicros(0),
    spans,
    resources: [],
    warnings: [],
  };
  return buildSpanTree(trace);
}

//   r ─┬─ a ─── a1        missing? ─── o
//      └─ b ─┬─ b1
//            └─ b2
const sample = tree(
  span('r', null, 0),
  span('a', 'r', 1),
  span('a1', 'a', 2),
  span('b', 'r', 3),
  span('b1', 'b', 4),
  span('b2', 'b', 5),
  span('o', 'missing', 6),
);
const visible = (t: SpanTree, collapsed: string[]) =>
  Array.from(buildVisibleRows(t, new Set(collapsed)), (n) => nodeIdOf(t, n));

describe('buildVisibleRows', () => {
  it('shows every node in pre-order when nothing is collapsed', () => {
    expect(visible(sample, [])).toEqual(['r', 'a', 'a1', 'b', 'b1', 'b2', 'missing', 'o']);
  });

  it('hides the descendants of collapsed nodes but keeps the nodes themselves', () => {
    expect(visible(sample, ['b'])).toEqual(['r', 'a', 'a1', 'b', 'missing', 'o']);
    expect(visible(sample, ['a', 'b'])).toEqual(['r', 'a', 'b', 'missing', 'o']);
    expect(visible(sample, ['r'])).toEqual(['r', 'missing', 'o']);
  });

  it('collapses placeholders by their missing id, and ignores unknown ids and leaves', () => {
    expect(visible(sample, ['missing'])).toEqual(['r', 'a', 'a1', 'b', 'b1', 'b2', 'missing']);
    expect(visible(sample, ['nope', 'a1'])).toEqual([
      'r',
      'a',
      'a1',
      'b',
      'b1',
      'b2',
      'missing',
      'o',
    ]);
  });

  it('a collapsed node inside a collapsed subtree changes nothing', () => {
    expect(visible(sample, ['r', 'b'])).toEqual(visible(sample, ['r']));
  });

  it('returns a fresh array, never the tree’s own pre-order', () => {
    const rows = buildVisibleRows(sample, new Set());
    expect(rows).not.toBe(sample.preorder);
    rows[0] = 99;
    expect(sample.preorder[0]).toBe(0);
  });

  it('handles a 100,000-deep chain and a 100,000-wide fan-out', () => {
    const chain = buildSpanTree(generateChainTrace(100_000));
    expect(buildVisibleRows(chain, new Set())).toHaveLength(100_000);
    expect(
      buildVisibleRows(chain, new Set([spanOfNode(chain, 50_000)?.spanId ?? ''])),
    ).toHaveLength(50_001);
    const wide = buildSpanTree(generateWideTrace(100_000, 3));
    expect(
      Array.from(buildVisibleRows(wide, new Set([spanOfNode(wide, 0)?.spanId ?? '']))),
    ).toEqual([0]);
  });
});
