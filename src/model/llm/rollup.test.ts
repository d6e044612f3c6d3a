import { describe, expect, it } from 'vitest';
import { loadLlmFixture } from '../../../test/llm-fixtures';
import { nodeIdOf } from '../span-tree';
import { extractTraceLlm } from './extract';
import { buildLlmRollup, subtreeLlm } from './rollup';

describe('LLM roll-up of a subtree', () => {
  it('sums the counted calls under each node of the OpenLLMetry agent trace', () => {
    const { tree, logs } = loadLlmFixture('openllmetry-openai/agent');
    const llm = extractTraceLlm(tree, logs);
    const rollup = buildLlmRollup(tree, llm);
    const of = (node: number) => subtreeLlm(rollup, tree, node);
    const root = tree.roots[0] as number;
    // Two chat calls: 298 + 506 input, 124 + 67 output tokens (read off the fixture).
    expect(of(root).calls).toBe(2);
    expect(of(root).inputTokens).toBe(804);
    expect(of(root).outputTokens).toBe(191);
    const chat = tree.nodeById.get('c8528043546b97e9') as number;
    expect(nodeIdOf(tree, chat)).toBe('c8528043546b97e9');
    expect(of(chat).inputTokens).toBe(506);
    expect(of(chat).outputTokens).toBe(67);
  });

  it('does not count a call twice when two spans describe it (Vercel AI SDK)', () => {
    const { tree, logs } = loadLlmFixture('vercel-ai/agent');
    const llm = extractTraceLlm(tree, logs);
    const rollup = buildLlmRollup(tree, llm);
    const of = (node: number) => subtreeLlm(rollup, tree, node);
    const root = tree.roots[0] as number;
    expect(of(root).calls).toBe(llm.totals.llmCallCount + llm.totals.embeddingCallCount);
    expect(of(root).inputTokens).toBe(llm.totals.inputTokens);
    expect(of(root).inputTokens).toBe(838);
  });
});
