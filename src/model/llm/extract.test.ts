import { describe, expect, it } from 'vitest';
import { listLlmFixtures, loadLlmFixture } from '../../../test/llm-fixtures';
import { extractTraceLlm } from './extract';
import { spanOfNode } from '../span-tree';
import { traceFromTable } from '../span-table';

/**
 * Per fixture, read off the raw attributes by hand: model calls counted (LLM, embedding),
 * failed ones, whole-prompt input tokens (cached included), output and cache-read tokens,
 * and the span ids that count. Comments show the sums.
 */
const TOTALS: Record<string, readonly [number, number, number, number, number, number, string[]]> =
  {
    // generations: 170+128 = 298 and 282+224 = 506 (usage_details.input leaves cache out)
    'langfuse-openai/agent': [2, 0, 0, 804, 191, 352, ['ca5b933042d73205', 'f334fd427c0cf4e1']],
    'langfuse-openai/rag': [1, 1, 0, 186, 61, 64, ['7001e3c552e6c249', 'ad8fb490d33e56e2']],
    'langfuse-openai/rate_limit_retry': [
      2,
      0,
      1,
      34,
      61,
      0,
      ['1cae900229c21238', 'bd5deac251c5d632'],
    ],
    'langfuse-openai/server_error': [1, 0, 1, 0, 0, 0, ['690c0b42bd69fc58']],
    'langfuse-openai/streaming': [1, 0, 0, 31, 18, 0, ['940e7d6386fa0021']],
    // 277+551, 128+73, 110+220: the native SDK spans count, not the OpenInference spans above them
    'openinference-anthropic/agent': [
      2,
      0,
      0,
      828,
      201,
      330,
      ['226015e7ed8231c5', '4a8b36b18685b545'],
    ],
    'openinference-anthropic/rag': [1, 1, 0, 189, 67, 0, ['3c8672a15c33bfce', '1c00ee88ec45f15d']],
    'openinference-anthropic/rate_limit_retry': [
      2,
      0,
      1,
      35,
      67,
      0,
      ['02708ac601a13c1a', '4ce3a6259759e8d2'],
    ],
    'openinference-anthropic/server_error': [1, 0, 1, 0, 0, 0, ['9222402282b26c26']],
    'openinference-anthropic/streaming': [1, 0, 0, 32, 26, 0, ['e0b8b0a3270eb1c4']],
    // 298+506, 124+67, 128+224
    'openinference-openai/agent': [
      2,
      0,
      0,
      804,
      191,
      352,
      ['d0b3458d1545424b', 'd7464bbdfcf71fe3'],
    ],
    'openinference-openai/rag': [1, 1, 0, 186, 61, 64, ['f0616870df6e3511', '64963a78a2915bc1']],
    'openinference-openai/rate_limit_retry': [1, 0, 0, 34, 61, 0, ['4b553246083a186c']],
    'openinference-openai/server_error': [0, 0, 0, 0, 0, 0, []],
    'openinference-openai/streaming': [1, 0, 0, 0, 0, 0, ['45fd909e377439bf']],
    'openllmetry-openai-legacy/agent': [
      2,
      0,
      0,
      804,
      191,
      0,
      ['bbbfc2a5995e5278', '2293f91c7b87c199'],
    ],
    'openllmetry-openai-legacy/rag': [1, 0, 0, 186, 61, 0, ['beb5bb58ee4ea133']],
    'openllmetry-openai-legacy/rate_limit_retry': [1, 0, 0, 34, 61, 0, ['03102b21cacfbbe1']],
    'openllmetry-openai-legacy/server_error': [0, 0, 0, 0, 0, 0, []],
    'openllmetry-openai-legacy/streaming': [1, 0, 0, 0, 0, 0, ['9a550da1f2250a1c']],
    'openllmetry-openai/agent': [2, 0, 0, 804, 191, 0, ['bb88917ce52fd06c', 'c8528043546b97e9']],
    'openllmetry-openai/rag': [1, 0, 0, 186, 61, 0, ['c1969bab7d16dd30']],
    'openllmetry-openai/rate_limit_retry': [1, 0, 0, 34, 61, 0, ['bec8e1f92fe6a58d']],
    'openllmetry-openai/server_error': [0, 0, 0, 0, 0, 0, []],
    'openllmetry-openai/streaming': [1, 0, 0, 0, 0, 0, ['984448fda9539f1e']],
    'otel-genai-openai/agent': [2, 0, 0, 804, 191, 0, ['743f6ca41dd1e1bf', 'b416d07d5ab3eae8']],
    // embeddings 16 + chat 186
    'otel-genai-openai/rag': [1, 1, 0, 202, 61, 0, ['a2a68b0964317156', 'cdaad145e97c201a']],
    'otel-genai-openai/rate_limit_retry': [
      2,
      0,
      1,
      34,
      61,
      0,
      ['7e23252ed11b23da', '888dded65d8e8bcf'],
    ],
    'otel-genai-openai/server_error': [1, 0, 1, 0, 0, 0, ['ef0f676bc9ee440c']],
    'otel-genai-openai/streaming': [1, 0, 0, 31, 18, 0, ['0073843776e5fc8b']],
    // doGenerate 296+542 = the outer ai.generateText's 838, counted once
    'vercel-ai/agent': [2, 0, 0, 838, 290, 384, ['f7e4b046349ba965', '3b18c980c99d654a']],
    // doEmbed 16 + doGenerate 202
    'vercel-ai/rag': [1, 1, 0, 218, 108, 96, ['99ecbb3482f8a0e4', 'f36f1e811deb1fcc']],
    'vercel-ai/rate_limit_retry': [2, 0, 1, 47, 108, 0, ['b307822b2f234b39', '6c93abe149950014']],
    'vercel-ai/server_error': [1, 0, 1, 0, 0, 0, ['40b84c1fcc165e17']],
    'vercel-ai/streaming': [1, 0, 0, 45, 66, 0, ['af22e6523d969c95']],
  };

describe('extractTraceLlm on every recorded fixture', () => {
  it('has an expectation for each fixture on disk', () => {
    expect(Object.keys(TOTALS).sort()).toEqual(listLlmFixtures());
  });

  it.each(Object.entries(TOTALS))('%s', (name, expected) => {
    const [llm, embedding, errors, input, output, cacheRead, counted] = expected;
    const fixture = loadLlmFixture(name);
    const { totals, countedNodes, countedCalls } = extractTraceLlm(fixture.tree, fixture.logs);
    expect(totals.llmCallCount).toBe(llm);
    expect(totals.embeddingCallCount).toBe(embedding);
    expect(totals.errorCount).toBe(errors);
    expect(totals.inputTokens).toBe(input);
    expect(totals.outputTokens).toBe(output);
    expect(totals.cacheReadTokens).toBe(cacheRead);
    expect(totals.totalTokens).toBe(input + output);
    const countedIds = countedNodes.map((node) => spanOfNode(fixture.tree, node)?.spanId);
    expect(countedIds.sort()).toEqual([...counted].sort());
    expect(countedCalls).toHaveLength(counted.length);
  });
});

describe('counting rule', () => {
  it('counts the Anthropic SDK span, not the OpenInference span describing the same call', () => {
    const fixture = loadLlmFixture('openinference-anthropic/agent');
    const { calls, countedNodes } = extractTraceLlm(fixture.tree);
    const outer = fixture.tree.nodeById.get('fc9729ca2d50e230') as number;
    const inner = fixture.tree.nodeById.get('226015e7ed8231c5') as number;
    // Both carry the same 277 input tokens; only one may count.
    expect(calls[outer]?.usage?.input).toBe(277);
    expect(calls[inner]?.usage?.input).toBe(277);
    expect(countedNodes).toContain(inner);
    expect(countedNodes).not.toContain(outer);
  });

  it('skips an aggregate ai.generateText whose usage repeats its steps', () => {
    const fixture = loadLlmFixture('vercel-ai/agent');
    const { calls, countedNodes } = extractTraceLlm(fixture.tree);
    const outer = fixture.tree.nodeById.get('a507fa1171870bed') as number;
    expect(calls[outer]?.usage).toMatchObject({ input: 838, output: 290 });
    expect(countedNodes).not.toContain(outer);
  });

  it('counts a failed attempt and its retry as two calls', () => {
    const fixture = loadLlmFixture('openinference-anthropic/rate_limit_retry');
    const { countedCalls } = extractTraceLlm(fixture.tree);
    // The failed native span has only the request model; the OpenInference span has the same.
    expect(countedCalls.map((c) => [c.requestModel, c.responseModel, !!c.error])).toEqual([
      ['claude-sonnet-4-0', undefined, true],
      ['claude-sonnet-4-0', 'claude-sonnet-4-20250514', false],
    ]);
  });

  it('gives every span its own call and placeholders none', () => {
    const fixture = loadLlmFixture('vercel-ai/rag');
    const { calls } = extractTraceLlm(fixture.tree);
    expect(calls).toHaveLength(fixture.tree.nodeCount);
    const kinds = traceFromTable(fixture.tree.trace).spans.map((span, node) => [
      span.name,
      calls[node]?.kind,
    ]);
    expect(kinds).toEqual([
      ['ai.embed.doEmbed', 'embedding'],
      ['ai.embed', 'embedding'],
      ['ai.generateText.doGenerate', 'llm'],
      ['ai.generateText', 'llm'],
      ['vector_search', undefined],
      ['build_prompt', undefined],
      ['format_answer', undefined],
      ['handle_question', undefined],
    ]);
  });

  it('extracts no content for the trace unless asked', () => {
    const fixture = loadLlmFixture('openllmetry-openai/rag');
    const node = fixture.tree.nodeById.get('c1969bab7d16dd30') as number;
    const light = extractTraceLlm(fixture.tree).calls[node];
    const full = extractTraceLlm(fixture.tree, [], { includeContent: true }).calls[node];
    expect(light?.hasContent).toBe(false);
    expect(light?.inputMessages).toEqual([]);
    expect(full?.hasContent).toBe(true);
    expect(full?.inputMessages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(light?.usage).toEqual(full?.usage);
  });
});
