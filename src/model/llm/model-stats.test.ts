import { describe, expect, it } from 'vitest';
import { loadLlmFixture } from '../../../test/llm-fixtures';
import { extractTraceLlm } from './extract';
import { selfTimeNs, summarizeModels } from './model-stats';

describe('summarizeModels', () => {
  it('groups the counted calls by requested model with served models, tokens and time', () => {
    const fixture = loadLlmFixture('vercel-ai/agent');
    const rows = summarizeModels(fixture.tree, extractTraceLlm(fixture.tree));
    expect(rows).toEqual([
      {
        model: 'gpt-4.1',
        servedModels: ['gpt-4.1-2025-04-14'],
        provider: 'openai.responses',
        calls: 2,
        errors: 0,
        inputTokens: 838,
        outputTokens: 290,
        cacheReadTokens: 384,
        costUsd: 0,
        isCostPartial: true, // no pricer given
        // doGenerate spans: …348702361021 − …348623000000 and …349008026765 − …348861000000
        totalNs: 79_361_021 + 147_026_765,
        selfNs: 79_361_021 + 147_026_765,
      },
    ]);
  });

  it('puts the failed attempt and the retry in one row with one error', () => {
    const fixture = loadLlmFixture('otel-genai-openai/rate_limit_retry');
    const [row] = summarizeModels(fixture.tree, extractTraceLlm(fixture.tree));
    expect(row).toMatchObject({
      model: 'gpt-4o-mini',
      servedModels: ['gpt-4o-mini-2024-07-18'],
      calls: 2,
      errors: 1,
      inputTokens: 34,
      outputTokens: 61,
    });
  });

  it('gives chat and embedding models their own rows', () => {
    const fixture = loadLlmFixture('openinference-openai/rag');
    const models = summarizeModels(fixture.tree, extractTraceLlm(fixture.tree)).map((r) => r.model);
    expect(models.sort()).toEqual(['gpt-4o-mini', 'text-embedding-3-small']);
  });
});

describe('selfTimeNs', () => {
  it('subtracts the union of parallel children', () => {
    const fixture = loadLlmFixture('openinference-openai/agent');
    const root = fixture.tree.nodeById.get('65f98da7468b4a88') as number;
    // 624,516,956 ns minus the union of [LLM 1], [3 parallel tools], [LLM 2]:
    // 209,030,526 + 222,111,113 + 189,489,660
    expect(selfTimeNs(fixture.tree, root)).toBe(
      624_516_956 - (209_030_526 + 222_111_113 + 189_489_660),
    );
  });
});
