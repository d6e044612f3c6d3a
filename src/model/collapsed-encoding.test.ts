import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRandom,
  generateChainTrace,
  generateRandomTrace,
  generateWideTrace,
} from '../../test/generate-trace';
import { loadJaegerTree } from '../../test/parsed-fixtures';
import {
  decodeCollapsed,
  encodeCollapsed,
  indexCollapsibleNodes,
  isCollapsedToken,
  listCollapsibleIds,
} from './collapsed-encoding';
import { buildSpanTree, isPlaceholder, nodeIdOf } from './span-tree';
import type { Span, Trace } from './trace';

const RANDOM_100K = buildSpanTree(generateRandomTrace(100_000, 7));
const INDEX_100K = indexCollapsibleNodes(RANDOM_100K);

function roundTrip(index: ReturnType<typeof indexCollapsibleNodes>, ids: Iterable<string>) {
  const token = encodeCollapsed(index, new Set(ids));
  if (token === null) throw new Error('not encodable');
  const decoded = decodeCollapsed(index, token);
  return { token, ids: decoded.ok ? new Set(decoded.ids) : decoded.problem };
}

describe('collapsed encoding', () => {
  it('collapse all fits in a few characters, whatever the size', () => {
    for (const trace of [
      generateRandomTrace(10_000, 1),
      generateChainTrace(100_000),
      generateWideTrace(100_000, 3),
    ]) {
      const index = indexCollapsibleNodes(buildSpanTree(trace));
      const { token, ids } = roundTrip(index, index.ids);
      expect(token.length).toBeLessThan(24);
      expect(ids).toEqual(new Set(index.ids));
    }
    const { token, ids } = roundTrip(INDEX_100K, INDEX_100K.ids);
    expect(INDEX_100K.ids.length).toBeGreaterThan(30_000);
    expect(token).toMatch(/^~r[A-Za-z0-9_-]+$/);
    expect(token.length).toBeLessThan(2_000);
    expect(ids).toEqual(new Set(INDEX_100K.ids));
  });

  it('every other node collapsed takes the bitmap: one char per 6 collapsible nodes', () => {
    const everyOther = INDEX_100K.ids.filter((_, i) => i % 2 === 0);
    const { token, ids } = roundTrip(INDEX_100K, everyOther);
    expect(token.startsWith('~b')).toBe(true);
    expect(token.length).toBeLessThanOrEqual(Math.ceil(INDEX_100K.ids.length / 6) + 12);
    expect(ids).toEqual(new Set(everyOther));
  });

  it('random subsets of a 100,000-span trace round-trip exactly', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: 0, max: 1, noNaN: true }), (seed, density) => {
        const random = createRandom(seed);
        const subset = INDEX_100K.ids.filter(() => random() < density);
        const { token, ids } = roundTrip(INDEX_100K, subset);
        expect(ids).toEqual(new Set(subset));
        expect(token.length).toBeLessThanOrEqual(Math.ceil(INDEX_100K.ids.length / 6) + 12);
      }),
      { numRuns: 8 },
    );
  });

  it('arbitrary subsets of small trees round-trip exactly, placeholders included', () => {
    const tree = buildSpanTree(dropSpans(generateRandomTrace(300, 11), [1, 5, 9]));
    const index = indexCollapsibleNodes(tree);
    expect(index.ids.some((id) => isPlaceholder(tree, tree.nodeById.get(id) ?? -1))).toBe(true);
    fc.assert(
      fc.property(fc.subarray([...index.ids]), (subset) => {
        if (subset.length === 0) return;
        expect(roundTrip(index, subset).ids).toEqual(new Set(subset));
      }),
      { numRuns: 500 },
    );
  });

  it('works on a recorded trace', () => {
    const tree = loadJaegerTree('jaeger/trace-object_genai_57spans_10procs.json');
    const index = indexCollapsibleNodes(tree);
    expect(index.ids).toContain('0000000000000008');
    expect(roundTrip(index, ['0000000000000008']).ids).toEqual(new Set(['0000000000000008']));
  });

  it('lists collapsible nodes in pre-order: exactly the nodes with children', () => {
    const tree = buildSpanTree(generateRandomTrace(2_000, 5));
    const expected = [...tree.preorder]
      .filter((node) => (tree.descendantCount[node] as number) > 0)
      .map((node) => nodeIdOf(tree, node));
    expect(listCollapsibleIds(tree)).toEqual(expected);
  });

  it('refuses ids the tree cannot collapse, so the caller keeps the list', () => {
    const leaf = nodeIdOf(RANDOM_100K, RANDOM_100K.preorder.at(-1) as number);
    expect(encodeCollapsed(INDEX_100K, new Set([leaf]))).toBeNull();
    expect(encodeCollapsed(INDEX_100K, new Set([INDEX_100K.ids[0] as string, 'nope']))).toBeNull();
  });

  it('detects a token made against another shape of the trace', () => {
    const before = indexCollapsibleNodes(buildSpanTree(generateRandomTrace(5_000, 2)));
    const after = indexCollapsibleNodes(buildSpanTree(generateRandomTrace(5_100, 2)));
    const token = encodeCollapsed(before, new Set(before.ids.slice(0, 40))) as string;
    expect(decodeCollapsed(after, token)).toEqual({ ok: false, problem: 'changed' });
    expect(decodeCollapsed(INDEX_100K, token)).toEqual({ ok: false, problem: 'changed' });
  });

  it('still applies when only leaves were added (positions mean the same spans)', () => {
    const trace = generateRandomTrace(2_000, 4);
    const before = indexCollapsibleNodes(buildSpanTree(trace));
    const after = indexCollapsibleNodes(buildSpanTree(withExtraLeaf(trace)));
    expect(after.check).toBe(before.check);
    const subset = before.ids.filter((_, i) => i % 3 === 0);
    const token = encodeCollapsed(before, new Set(subset)) as string;
    expect(decodeCollapsed(after, token)).toEqual({ ok: true, ids: subset });
  });

  it('never throws on damaged tokens, and says they are malformed', () => {
    const token = encodeCollapsed(INDEX_100K, new Set(INDEX_100K.ids.slice(0, 50))) as string;
    for (const bad of ['~', '~r', '~x' + token.slice(2), token + 'A', token.slice(0, 11), '~r!']) {
      const decoded = decodeCollapsed(INDEX_100K, bad);
      expect(decoded.ok).toBe(false);
    }
    expect(decodeCollapsed(INDEX_100K, token + '$')).toEqual({ ok: false, problem: 'malformed' });
    fc.assert(
      fc.property(fc.string(), (text) => {
        const decoded = decodeCollapsed(INDEX_100K, `~${text}`);
        if (decoded.ok) expect(decoded.ids.length).toBeLessThanOrEqual(INDEX_100K.ids.length);
      }),
      { numRuns: 1_000 },
    );
  });

  it('tells tokens from span id lists', () => {
    expect(isCollapsedToken('~rAAAAAAB')).toBe(true);
    expect(isCollapsedToken('0000000000000008,a')).toBe(false);
  });
});

/** The trace without some spans: their children become orphans under placeholders. */
function dropSpans(trace: Trace, indices: readonly number[]): Trace {
  const dropped = new Set(indices.map((i) => trace.spans[i]?.spanId));
  return { ...trace, spans: trace.spans.filter((span) => !dropped.has(span.spanId)) };
}

/** The trace plus one new leaf under the root, starting last. */
function withExtraLeaf(trace: Trace): Trace {
  const root = trace.spans.find((span) => span.references.length === 0) as Span;
  const leaf: Span = {
    ...root,
    spanId: 'ffffffffffffffff',
    sourceSpanId: 'ffffffffffffffff',
    references: [{ type: 'child_of', traceId: root.traceId, spanId: root.spanId, attributes: [] }],
  };
  return { ...trace, spans: [...trace.spans, leaf] };
}
