import { describe, expect, it } from 'vitest';
import {
  buildSpanTree,
  childrenOf,
  isPlaceholder,
  nodeIdOf,
  spanOfNode,
  type SpanTree,
} from './span-tree';
import {
  asEpochMicros,
  asNanos,
  type Problem,
  type Span,
  type SpanReference,
  type Trace,
} from './trace';
import { traceFromTable } from './span-table';

const T = '0af7651916cd43dd8448eb211c80319c';
type Ref = [SpanReference['type'], string] | [SpanReference['type'], string, string];

/** A span for hand-built cases: refs as `[type, spanId, traceId?]`. */
function span(spanId: string, refs: Ref[], startNs: number, durationNs: number | null = 10): Span {
  return {
    spanId,
    sourceSpanId: spanId,
    traceId: T,
    name: spanId,
    kind: 'internal',
    status: { code: 'unset' },
    startNs: asNanos(startNs),
    durationNs: durationNs === null ? null : asNanos(durationNs),
    resourceIndex: 0,
    attributes: [],
    events: [],
    references: refs.map(([type, id, traceId]) => ({
      type,
      spanId: id,
      traceId: traceId ?? T,
      attributes: [],
    })),
    warnings: [],
  };
}

function trace(...spans: Span[]): Trace {
  return {
    traceId: T,
    startEpochUs: asEpochMicros(0),
    spans,
    resources: [{ serviceName: 'svc', attributes: [] }],
    warnings: [],
  };
}

const ids = (tree: SpanTree, nodes: ArrayLike<number>) =>
  Array.from(nodes, (n) => nodeIdOf(tree, n));
const childIds = (tree: SpanTree, id: string) =>
  ids(tree, childrenOf(tree, tree.nodeById.get(id) ?? -1));
const parentId = (tree: SpanTree, id: string) => {
  const parent = tree.parent[tree.nodeById.get(id) ?? -1] ?? -1;
  return parent < 0 ? null : nodeIdOf(tree, parent);
};
const depthOf = (tree: SpanTree, id: string) => tree.depth[tree.nodeById.get(id) ?? -1];
const kinds = (problems: readonly Problem[]) => problems.map((p) => p.kind);

describe('buildSpanTree: structure', () => {
  it('orders roots and children by start, then input order', () => {
    const tree = buildSpanTree(
      trace(
        span('c2', [['child_of', 'r1']], 30),
        span('r1', [], 10, 100),
        span('c1', [['child_of', 'r1']], 20),
        span('c3', [['child_of', 'r1']], 20),
        span('g1', [['child_of', 'c1']], 25),
        span('r0', [], 10),
      ),
    );
    expect(ids(tree, tree.roots)).toEqual(['r1', 'r0']);
    expect(childIds(tree, 'r1')).toEqual(['c1', 'c3', 'c2']);
    expect(ids(tree, tree.preorder)).toEqual(['r1', 'c1', 'g1', 'c3', 'c2', 'r0']);
    expect(Array.from(tree.preorder, (n) => tree.depth[n])).toEqual([0, 1, 2, 1, 1, 0]);
    expect(tree.descendantCount[tree.nodeById.get('r1') ?? -1]).toBe(4);
    expect(tree.descendantCount[tree.nodeById.get('c1') ?? -1]).toBe(1);
    expect(tree.endNs).toBe(110);
    expect(tree.problems).toEqual([]);
    expect(tree.nodeCount).toBe(6);
  });

  it('prefers the earliest existing child_of, then follows_from; links never make parents', () => {
    const tree = buildSpanTree(
      trace(
        span('a', [], 0, 100),
        span('b', [], 1, 100),
        span(
          'x',
          [
            ['follows_from', 'a'],
            ['child_of', 'gone'],
            ['child_of', 'b'],
            ['child_of', 'a'],
          ],
          2,
        ),
        span(
          'y',
          [
            ['child_of', 'gone'],
            ['follows_from', 'b'],
          ],
          3,
        ),
        span('z', [['link', 'a']], 4),
      ),
    );
    expect([parentId(tree, 'x'), parentId(tree, 'y'), parentId(tree, 'z')]).toEqual([
      'b',
      'b',
      null,
    ]);
    expect(tree.problems).toEqual([]);
    expect(tree.placeholders).toEqual([]);
  });

  it('matches 15-digit and padded, upper- and lower-case hex ids', () => {
    const tree = buildSpanTree(
      trace(
        span('4b52eb0cabcb50a', [], 0, 100),
        span('c1', [['child_of', '04B52EB0CABCB50A']], 1),
        span('00000000000000ff', [], 2),
        span('c2', [['child_of', 'ff']], 3),
      ),
    );
    expect(parentId(tree, 'c1')).toBe('4b52eb0cabcb50a');
    expect(parentId(tree, 'c2')).toBe('00000000000000ff');
    expect(tree.problems).toEqual([]);
    expect(tree.nodeById.get('4b52eb0cabcb50a')).toBe(0);
  });

  it('handles an empty trace', () => {
    const tree = buildSpanTree(trace());
    expect([tree.nodeCount, tree.roots.length, tree.preorder.length, tree.endNs]).toEqual([
      0, 0, 0, 0,
    ]);
  });
});

describe('buildSpanTree: repairs', () => {
  it('renames duplicate ids, keeps every span, resolves references to the first', () => {
    const input = trace(
      span('a', [], 0, 100),
      span('a~2', [], 1),
      span('A', [], 2),
      span('a', [], 3),
      span('kid', [['child_of', 'a']], 4),
    );
    const tree = buildSpanTree(input);
    expect(traceFromTable(tree.trace).spans.map((s) => [s.spanId, s.sourceSpanId])).toEqual([
      ['a', 'a'],
      ['a~2', 'a~2'],
      ['A~3', 'A'],
      ['a~4', 'a'],
      ['kid', 'kid'],
    ]);
    expect(input.spans[2]?.spanId).toBe('A');
    expect(parentId(tree, 'kid')).toBe('a');
    expect(tree.problems.map((p) => [p.kind, p.spanId])).toEqual([
      ['duplicate-span-id', 'A~3'],
      ['duplicate-span-id', 'a~4'],
    ]);
    expect([...tree.nodeById.keys()].sort()).toEqual(['A~3', 'a', 'a~2', 'a~4', 'kid']);
  });

  it('hangs orphans under one placeholder per missing id, spanning its orphans', () => {
    const tree = buildSpanTree(
      trace(
        span('root', [], 5, 100),
        span('o1', [['child_of', 'gone']], 50, 10),
        span('o2', [['child_of', 'GONE']], 20, 5),
        span('o3', [['child_of', 'lost']], 0, 40),
        span('o4', [['child_of', 'lost']], 1, null),
      ),
    );
    expect(tree.placeholders).toEqual([
      { spanId: 'gone', startNs: 20, endNs: 60 },
      { spanId: 'lost', startNs: 0, endNs: 40 },
    ]);
    expect(ids(tree, tree.roots)).toEqual(['lost', 'root', 'gone']);
    expect(childIds(tree, 'gone')).toEqual(['o2', 'o1']);
    expect(isPlaceholder(tree, tree.nodeById.get('gone') ?? -1)).toBe(true);
    expect(spanOfNode(tree, tree.nodeById.get('gone') ?? -1)).toBeUndefined();
    expect(depthOf(tree, 'o1')).toBe(1);
    expect(tree.problems.map((p) => [p.kind, p.spanId])).toEqual([
      ['missing-parent', 'o1'],
      ['missing-parent', 'o2'],
      ['missing-parent', 'o3'],
      ['missing-parent', 'o4'],
      ['no-end', 'o4'],
    ]);
  });

  it('treats a parent in another trace as missing, even if its id exists here', () => {
    const other = 'ffffffffffffffffffffffffffffffff';
    const tree = buildSpanTree(
      trace(
        span('a', [], 0),
        span('b', [['child_of', 'a', other]], 1),
        span('c', [['child_of', 'a', T.toUpperCase()]], 2),
      ),
    );
    expect(tree.placeholders.map((p) => p.spanId)).toEqual([`${other}/a`]);
    expect(parentId(tree, 'b')).toBe(`${other}/a`);
    expect(parentId(tree, 'c')).toBe('a');
    expect(tree.problems[0]?.message).toContain('another trace');
  });

  it('breaks a cycle at its earliest span and a self-parent at itself', () => {
    const tree = buildSpanTree(
      trace(
        span('a', [['child_of', 'c']], 30),
        span('b', [['child_of', 'a']], 10),
        span('c', [['child_of', 'b']], 20),
        span('tail', [['child_of', 'a']], 40),
        span('self', [['child_of', 'self']], 5),
      ),
    );
    expect(ids(tree, tree.roots)).toEqual(['self', 'b']);
    expect(ids(tree, tree.preorder)).toEqual(['self', 'b', 'c', 'a', 'tail']);
    expect(depthOf(tree, 'tail')).toBe(3);
    expect(tree.problems.map((p) => [p.kind, p.spanId])).toEqual([
      ['parent-cycle', 'b'],
      ['parent-cycle', 'self'],
    ]);
  });

  it('reports each unfinished span and ends the trace at the latest finished end or start', () => {
    const tree = buildSpanTree(
      trace(span('a', [], 0, 50), span('b', [['child_of', 'a']], 80, null)),
    );
    expect(kinds(tree.problems)).toEqual(['no-end']);
    expect(tree.endNs).toBe(80);
  });

  it('keeps the input trace untouched when there is nothing to rename', () => {
    const input = trace(span('a', [], 0));
    const table = buildSpanTree(input).trace;
    expect(table.records.get(0)).toBe(input.spans[0]);
    expect(table.sourceSpanIds).toBe(table.spanIds);
  });
});
