import { describe, expect, it } from 'vitest';
import { loadOtlpTree } from '../../test/parsed-fixtures';
import { computeNodeTimes } from './node-times';
import { computeParallelWhatIf, findParallelWhatIfs } from './parallel-what-if';
import { nodeOf, timingTree } from './test-timing-tree';

describe('computeParallelWhatIf', () => {
  it('sums sequential children and bounds the saving by the longest (the doc example)', () => {
    const tree = timingTree([
      { id: 'parent', start: 0, duration: 100 },
      { id: 'a', parent: 'parent', start: 5, duration: 20 },
      { id: 'b', parent: 'parent', start: 25, duration: 40 },
      { id: 'c', parent: 'parent', start: 70, duration: 10 },
      { id: 'instant', parent: 'parent', start: 90, duration: 0 },
    ]);
    expect(computeParallelWhatIf(tree, nodeOf(tree, 'parent'))).toEqual({
      node: nodeOf(tree, 'parent'),
      childCount: 3,
      sequentialNs: 70,
      spanNs: 75,
      lowerBoundNs: 40,
      maxSavingNs: 30,
    });
  });

  it('is null when children overlap, when fewer than two take time, or one never ended', () => {
    const tree = timingTree([
      { id: 'overlap', start: 0, duration: 100 },
      { id: 'o1', parent: 'overlap', start: 0, duration: 30 },
      { id: 'o2', parent: 'overlap', start: 29, duration: 30 },
      { id: 'single', start: 0, duration: 100 },
      { id: 's1', parent: 'single', start: 0, duration: 30 },
      { id: 's2', parent: 'single', start: 40, duration: 0 },
      { id: 'open', start: 0, duration: 100 },
      { id: 'u1', parent: 'open', start: 0, duration: 30 },
      { id: 'u2', parent: 'open', start: 40, duration: null },
    ]);
    for (const id of ['overlap', 'single', 'open', 'o1']) {
      expect(computeParallelWhatIf(tree, nodeOf(tree, id))).toBeNull();
    }
  });

  it('uses the given (shifted) times', () => {
    const tree = timingTree([
      { id: 'p', start: 0, duration: 100 },
      { id: 'a', parent: 'p', start: 0, duration: 30 },
      { id: 'b', parent: 'p', start: 20, duration: 30 },
    ]);
    expect(computeParallelWhatIf(tree, nodeOf(tree, 'p'))).toBeNull();
    const shift = new Float64Array(tree.nodeCount);
    shift[nodeOf(tree, 'a')] = 60; // a: 60..90, after b
    const times = computeNodeTimes(tree, shift);
    expect(computeParallelWhatIf(tree, nodeOf(tree, 'p'), times)?.maxSavingNs).toBe(30);
  });

  it('OpenInference RAG: five steps one after another', () => {
    const tree = loadOtlpTree('llm/openinference-openai/rag.json');
    const found = findParallelWhatIfs(tree);
    expect(found).toEqual([
      {
        node: tree.roots[0],
        childCount: 5,
        sequentialNs: 107_775_965 + 39_912_265 + 4_705_315 + 137_697_225 + 3_591_615,
        spanNs: 299_591_615 - 2_000_000,
        lowerBoundNs: 137_697_225,
        maxSavingNs: 107_775_965 + 39_912_265 + 4_705_315 + 3_591_615,
      },
    ]);
  });

  it('OTel GenAI agent: parallel tool calls are no candidate', () => {
    expect(findParallelWhatIfs(loadOtlpTree('llm/otel-genai-openai/agent.json'))).toEqual([]);
  });
});
