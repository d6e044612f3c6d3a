import { describe, expect, it } from 'vitest';
import { loadLlmFixture, mustCallOf } from '../../../test/llm-fixtures';

describe('native @anthropic-ai/sdk spans', () => {
  it('reads tokens with cache reads already inside the input count', () => {
    const call = mustCallOf(loadLlmFixture('openinference-anthropic/agent'), '226015e7ed8231c5');
    expect(call).toMatchObject({
      family: 'anthropic-sdk',
      kind: 'llm',
      provider: 'anthropic',
      requestModel: 'claude-sonnet-4-0',
      responseModel: 'claude-sonnet-4-20250514',
      finishReasons: ['tool_use'],
    });
    // 277 = 167 uncached + 110 cache reads; cache writes use the SDK's own `cache_write` name.
    expect(call.usage).toEqual({
      input: 277,
      output: 128,
      cacheRead: 110,
      cacheWrite: 0,
      total: 405,
    });
    expect(call.inputMessages).toEqual([]);
  });

  it('reads time to first chunk in seconds on the streamed call', () => {
    const call = mustCallOf(
      loadLlmFixture('openinference-anthropic/streaming'),
      'e0b8b0a3270eb1c4',
    );
    expect(call.timeToFirstTokenNs).toBe(150_000_000);
    expect(call.isStreaming).toBe(true);
    expect(call.usage).toEqual({ input: 32, output: 26, cacheRead: 0, cacheWrite: 0, total: 58 });
  });

  it('marks failed calls by status and error.type', () => {
    const retry = loadLlmFixture('openinference-anthropic/rate_limit_retry');
    expect(mustCallOf(retry, '02708ac601a13c1a').error).toEqual({
      type: 'rate_limit_error',
      message: undefined,
    });
    const failed = loadLlmFixture('openinference-anthropic/server_error');
    expect(mustCallOf(failed, '9222402282b26c26').error?.type).toBe('api_error');
  });
});
