import { calcPrice } from '@pydantic/genai-prices';
import { describe, expect, it } from 'vitest';
import { loadLlmFixture } from '../../test/llm-fixtures';
import { computeCost } from '../model/cost';
import { extractTraceLlm } from '../model/llm/extract';
import { createGenaiPricer, loadPricer } from './pricing';

type Usage = Record<string, number>;
/** [model as the span names it, provider id or undefined, usage as genai-prices takes it] */
type PricedCall = readonly [string, string | undefined, Usage];

const GPT41 = 'gpt-4.1-2025-04-14';
const MINI = 'gpt-4o-mini-2024-07-18';
const CLAUDE = 'claude-sonnet-4-20250514';
const u = (input: number, output: number, cacheRead = 0, cacheWrite = 0): Usage => ({
  input_tokens: input,
  output_tokens: output,
  cache_read_tokens: cacheRead,
  cache_write_tokens: cacheWrite,
});

/**
 * Per fixture: the counted calls that have a price, with usage written out from the raw
 * attributes, and whether the total is partial (a call that used tokens has no price: the
 * embeddings and streamed calls that recorded no usage). Failed calls without usage cost nothing.
 */
const PRICED: Record<string, readonly [readonly PricedCall[], boolean]> = {
  'langfuse-openai/agent': [
    [
      [GPT41, undefined, u(298, 124, 128)],
      [GPT41, undefined, u(506, 67, 224)],
    ],
    false,
  ],
  'langfuse-openai/rag': [[[MINI, undefined, u(186, 61, 64)]], true],
  'langfuse-openai/rate_limit_retry': [[[MINI, undefined, u(34, 61)]], false],
  'langfuse-openai/server_error': [[], false],
  'langfuse-openai/streaming': [[['gpt-4o-mini', undefined, u(31, 18)]], false],
  'openinference-anthropic/agent': [
    [
      [CLAUDE, 'anthropic', u(277, 128, 110)],
      [CLAUDE, 'anthropic', u(551, 73, 220)],
    ],
    false,
  ],
  'openinference-anthropic/rag': [[[CLAUDE, 'anthropic', u(189, 67)]], true],
  'openinference-anthropic/rate_limit_retry': [[[CLAUDE, 'anthropic', u(35, 67)]], false],
  'openinference-anthropic/server_error': [[], false],
  'openinference-anthropic/streaming': [[[CLAUDE, 'anthropic', u(32, 26)]], false],
  'openinference-openai/agent': [
    [
      [GPT41, 'openai', u(298, 124, 128)],
      [GPT41, 'openai', u(506, 67, 224)],
    ],
    false,
  ],
  'openinference-openai/rag': [[[MINI, 'openai', u(186, 61, 64)]], true],
  'openinference-openai/rate_limit_retry': [[[MINI, 'openai', u(34, 61)]], false],
  'openinference-openai/server_error': [[], false],
  'openinference-openai/streaming': [[], true],
  'openllmetry-openai-legacy/agent': [
    [
      [GPT41, 'openai', u(298, 124)],
      [GPT41, 'openai', u(506, 67)],
    ],
    false,
  ],
  'openllmetry-openai-legacy/rag': [[[MINI, 'openai', u(186, 61)]], false],
  'openllmetry-openai-legacy/rate_limit_retry': [[[MINI, 'openai', u(34, 61)]], false],
  'openllmetry-openai-legacy/server_error': [[], false],
  'openllmetry-openai-legacy/streaming': [[], true],
  'openllmetry-openai/agent': [
    [
      [GPT41, 'openai', u(298, 124)],
      [GPT41, 'openai', u(506, 67)],
    ],
    false,
  ],
  'openllmetry-openai/rag': [[[MINI, 'openai', u(186, 61)]], false],
  'openllmetry-openai/rate_limit_retry': [[[MINI, 'openai', u(34, 61)]], false],
  'openllmetry-openai/server_error': [[], false],
  'openllmetry-openai/streaming': [[], true],
  'otel-genai-openai/agent': [
    [
      [GPT41, 'openai', u(298, 124)],
      [GPT41, 'openai', u(506, 67)],
    ],
    false,
  ],
  'otel-genai-openai/rag': [
    [
      ['text-embedding-3-small', 'openai', u(16, 0)],
      [MINI, 'openai', u(186, 61)],
    ],
    false,
  ],
  'otel-genai-openai/rate_limit_retry': [[[MINI, 'openai', u(34, 61)]], false],
  'otel-genai-openai/server_error': [[], false],
  'otel-genai-openai/streaming': [[[MINI, 'openai', u(31, 18)]], false],
  'vercel-ai/agent': [
    [
      [GPT41, 'openai', u(296, 176, 128)],
      [GPT41, 'openai', u(542, 114, 256)],
    ],
    false,
  ],
  'vercel-ai/rag': [
    [
      ['text-embedding-3-small', 'openai', u(16, 0)],
      [MINI, 'openai', u(202, 108, 96)],
    ],
    false,
  ],
  'vercel-ai/rate_limit_retry': [[[MINI, 'openai', u(47, 108)]], false],
  'vercel-ai/server_error': [[], false],
  'vercel-ai/streaming': [[[MINI, 'openai', u(45, 66)]], false],
};

const pricer = createGenaiPricer(calcPrice);

describe('trace cost on every fixture equals genai-prices for the same usage', () => {
  it.each(Object.entries(PRICED))('%s', (name, [calls, isPartial]) => {
    const fixture = loadLlmFixture(name);
    const timestamp = new Date(fixture.tree.trace.startEpochUs / 1000);
    let expected = 0;
    for (const [model, providerId, usage] of calls) {
      const price = calcPrice(usage, model, providerId ? { providerId, timestamp } : { timestamp });
      expect(price, `${model} has a price`).not.toBeNull();
      expected += price?.total_price ?? 0;
    }
    const { totals } = extractTraceLlm(fixture.tree, fixture.logs, { pricer });
    expect(totals.costUsd).toBeCloseTo(expected, 12);
    expect(totals.isCostPartial).toBe(isPartial);
  });
});

describe('createGenaiPricer', () => {
  it('splits the price into uncached input, cache reads and output', () => {
    const fixture = loadLlmFixture('openinference-anthropic/agent');
    const { countedCalls } = extractTraceLlm(fixture.tree, [], { pricer });
    const cost = computeCost(countedCalls[0]!, pricer);
    // claude-sonnet-4: $3 input, $0.30 cache read, $15 output per million tokens
    expect(cost.source).toBe('pricing');
    expect(cost.input).toBeCloseTo((167 * 3) / 1e6, 12);
    expect(cost.cacheRead).toBeCloseTo((110 * 0.3) / 1e6, 12);
    expect(cost.output).toBeCloseTo((128 * 15) / 1e6, 12);
    expect(cost.total).toBeCloseTo((167 * 3 + 110 * 0.3 + 128 * 15) / 1e6, 12);
  });

  it('returns undefined for an unknown model and for impossible usage, never throwing', () => {
    const usage = { input: 10, output: 1, cacheRead: 0, cacheWrite: 0 };
    expect(pricer.quote({ modelId: 'no-such-model-xyz', usage })).toBeUndefined();
    expect(
      pricer.quote({ modelId: 'gpt-4o', providerId: 'openai', usage: { ...usage, cacheRead: 50 } }),
    ).toBeUndefined();
    expect(
      pricer.quote({ modelId: 'gpt-4o-mini', providerId: 'no-such-provider', usage })?.totalUsd,
    ).toBeGreaterThan(0);
  });

  it('loads the package lazily, once', async () => {
    const first = loadPricer();
    expect(loadPricer()).toBe(first);
    const loaded = await first;
    expect(
      loaded.quote({
        modelId: 'gpt-4o-mini',
        providerId: 'openai',
        usage: { input: 1e6, output: 0, cacheRead: 0, cacheWrite: 0 },
      })?.totalUsd,
    ).toBeCloseTo(0.15, 9);
  });
});
