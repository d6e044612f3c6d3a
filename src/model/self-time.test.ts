import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadOtlpTree } from '../../test/parsed-fixtures';
import { computeNodeTimes } from './node-times';
import { computeSelfTimes } from './self-time';
import { childrenOf, spanOfNode } from './span-tree';
import { nodeOf, timingTree } from './test-timing-tree';

describe('computeSelfTimes', () => {
  it('subtracts the union of the children, clipped to the parent (the doc example)', () => {
    const tree = timingTree([
      { id: 'parent', start: 0, duration: 26 },
      { id: 'a', parent: 'parent', start: 3, duration: 7 },
      { id: 'b', parent: 'parent', start: 7, duration: 7 },
      { id: 'c', parent: 'parent', start: 17, duration: 15 },
    ]);
    const self = computeSelfTimes(tree);
    expect(self[nodeOf(tree, 'parent')]).toBe(6);
    expect([self[nodeOf(tree, 'a')], self[nodeOf(tree, 'c')]]).toEqual([7, 15]);
  });

  it('ignores children outside the parent and counts nested ones once', () => {
    const tree = timingTree([
      { id: 'p', start: 100, duration: 100 },
      { id: 'outside', parent: 'p', start: 250, duration: 10 },
      { id: 'before', parent: 'p', start: 50, duration: 60 },
      { id: 'big', parent: 'p', start: 120, duration: 50 },
      { id: 'inner', parent: 'p', start: 130, duration: 10 },
      { id: 'zero', parent: 'p', start: 190, duration: 0 },
    ]);
    const self = computeSelfTimes(tree);
    // Covered: 100..110 (before, clipped) and 120..170 (big; inner lies inside it).
    expect(self[nodeOf(tree, 'p')]).toBe(40);
  });

  it('never-ended spans and placeholders use their known windows', () => {
    const tree = timingTree([
      { id: 'open', start: 0, duration: null },
      { id: 'kid', parent: 'open', start: 10, duration: 20 },
      { id: 'o1', parent: 'gone', start: 100, duration: 10 },
      { id: 'o2', parent: 'gone', start: 130, duration: 10 },
    ]);
    const self = computeSelfTimes(tree);
    expect(self[nodeOf(tree, 'open')]).toBe(10);
    expect(self[nodeOf(tree, 'gone')]).toBe(20);
  });

  it('follows shifted times, re-sorting children they reorder', () => {
    const tree = timingTree([
      { id: 'p', start: 0, duration: 100 },
      { id: 'a', parent: 'p', start: 10, duration: 20 },
      { id: 'b', parent: 'p', start: 20, duration: 20 },
    ]);
    const shift = new Float64Array(tree.nodeCount);
    shift[nodeOf(tree, 'a')] = 50; // a: 60..80, after b (20..40)
    const self = computeSelfTimes(tree, computeNodeTimes(tree, shift));
    expect(self[nodeOf(tree, 'p')]).toBe(60);
  });

  it('matches a brute-force count on random children', () => {
    const childArb = fc.array(fc.tuple(fc.integer({ min: -20, max: 120 }), fc.nat(50)), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(childArb, (children) => {
        const tree = timingTree([
          { id: 'p', start: 0, duration: 100 },
          ...children.map(([start, duration], i) => ({
            id: `c${i}`,
            parent: 'p',
            start,
            duration,
          })),
        ]);
        const covered = new Uint8Array(100);
        for (const [start, duration] of children) {
          for (let t = Math.max(0, start); t < Math.min(100, start + duration); t++) covered[t] = 1;
        }
        const expected = 100 - covered.reduce((sum, x) => sum + x, 0);
        expect(computeSelfTimes(tree)[nodeOf(tree, 'p')]).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('OpenInference RAG fixture: the root keeps only the gaps between its steps', () => {
    const tree = loadOtlpTree('llm/openinference-openai/rag.json');
    const root = tree.roots[0] as number;
    const self = computeSelfTimes(tree);
    // 0..2 ms, then the gaps 109.775965..111, 150.912265..151, 155.705315..158,
    // 295.697225..296; format_answer runs past the root's end (299.459668).
    expect(self[root]).toBe(2_000_000 + 1_224_035 + 87_735 + 2_294_685 + 302_775);
    for (const child of childrenOf(tree, root)) {
      expect(self[child]).toBe(spanOfNode(tree, child)?.durationNs);
    }
  });
});
