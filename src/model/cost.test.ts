import { describe, expect, it } from 'vitest';
import {
  computeCost,
  normalizeProviderId,
  sumCallCosts,
  type PriceRequest,
  type Pricer,
} from './cost';
import type { LlmCall } from './llm/llm-call';

function call(overrides: Partial<LlmCall>): LlmCall {
  return {
    family: 'gen-ai',
    kind: 'llm',
    hasContent: false,
    systemInstructions: [],
    inputMessages: [],
    outputMessages: [],
    isContentTruncated: false,
    finishReasons: [],
    toolDefinitions: [],
    evaluations: [],
    embeddingInputs: [],
    retrievalDocuments: [],
    ...overrides,
  };
}

/** $1 per token of any kind, for models named `known*`; records what it was asked. */
function fakePricer(requests: PriceRequest[] = []): Pricer {
  return {
    quote: (request) => {
      requests.push(request);
      if (!request.modelId.startsWith('known')) return undefined;
      const { input, output, cacheRead, cacheWrite } = request.usage;
      const uncached = input - cacheRead - cacheWrite;
      return {
        inputUsd: uncached,
        outputUsd: output,
        cacheReadUsd: cacheRead * 0.1,
        cacheWriteUsd: cacheWrite * 1.25,
        totalUsd: uncached + output + cacheRead * 0.1 + cacheWrite * 1.25,
      };
    },
  };
}

describe('computeCost', () => {
  const usage = { input: 100, output: 10, cacheRead: 60, cacheWrite: 20, total: 110 };

  it('prices the served model with the cache parts passed apart', () => {
    const requests: PriceRequest[] = [];
    const cost = computeCost(
      call({ usage, requestModel: 'x', responseModel: 'known-1', provider: 'openai.responses' }),
      fakePricer(requests),
      {},
      1234,
    );
    expect(requests).toEqual([
      {
        modelId: 'known-1',
        providerId: 'openai',
        usage: { input: 100, output: 10, cacheRead: 60, cacheWrite: 20 },
        atEpochMs: 1234,
      },
    ]);
    expect(cost).toEqual({
      source: 'pricing',
      input: 20,
      output: 10,
      cacheRead: 6,
      cacheWrite: 25,
      total: 61,
    });
  });

  it('falls back to the requested model when the served one has no price', () => {
    const cost = computeCost(
      call({ usage, requestModel: 'known-2', responseModel: 'x' }),
      fakePricer(),
    );
    expect(cost.source).toBe('pricing');
  });

  it('is unknown — never $0 — for a model without a price, without usage, or without a pricer', () => {
    expect(computeCost(call({ usage, requestModel: 'mystery' }), fakePricer())).toEqual({
      source: 'unknown',
    });
    expect(computeCost(call({ requestModel: 'known' }), fakePricer())).toEqual({
      source: 'unknown',
    });
    expect(computeCost(call({ usage, requestModel: 'known' }), undefined)).toEqual({
      source: 'unknown',
    });
    expect(
      computeCost(call({ kind: 'tool', usage, requestModel: 'known' }), fakePricer()).source,
    ).toBe('unknown');
  });

  it('prefers a cost carried on the span, then a user override, then the pricer', () => {
    const base = { usage, requestModel: 'known-3' };
    expect(computeCost(call({ ...base, spanCost: { total: 0.5 } }), fakePricer())).toEqual({
      source: 'span',
      total: 0.5,
      input: undefined,
      output: undefined,
    });
    const overrides = {
      'known-3': { inputPerMTok: 1_000_000, outputPerMTok: 2_000_000, cacheReadPerMTok: 0 },
    };
    // 20 uncached × $1 + 10 out × $2 + 60 cache reads × $0 + 20 cache writes at the input rate
    expect(computeCost(call(base), fakePricer(), overrides)).toEqual({
      source: 'override',
      input: 20,
      output: 20,
      cacheRead: 0,
      cacheWrite: 20,
      total: 60,
    });
  });

  it('matches overrides case-insensitively on either model', () => {
    const overrides = { 'my-model': { inputPerMTok: 1_000_000, outputPerMTok: 0 } };
    const cost = computeCost(
      call({ usage: { input: 3 }, responseModel: ' My-Model ' }),
      undefined,
      overrides,
    );
    expect(cost.total).toBe(3);
  });
});

describe('sumCallCosts', () => {
  it('adds known costs and flags unknown ones, except failed calls that used no tokens', () => {
    const calls = [
      call({ usage: { input: 1 } }),
      call({ error: { type: '429' } }),
      call({ usage: { input: 1 } }),
    ];
    const known = { source: 'pricing' as const, total: 0.25 };
    const unknown = { source: 'unknown' as const };
    expect(sumCallCosts(calls, [known, unknown, known])).toEqual({
      costUsd: 0.5,
      isPartial: false,
    });
    expect(sumCallCosts(calls, [known, unknown, unknown])).toEqual({
      costUsd: 0.25,
      isPartial: true,
    });
  });
});

describe('normalizeProviderId', () => {
  it.each([
    ['openai.responses', 'openai'],
    ['OpenAI', 'openai'],
    ['anthropic', 'anthropic'],
    ['gcp.vertex_ai', 'google'],
    ['aws.bedrock', 'aws'],
    ['azure.ai.openai', 'azure'],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeProviderId(raw)).toBe(expected);
  });
});
