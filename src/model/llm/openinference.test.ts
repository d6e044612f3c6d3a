import { describe, expect, it } from 'vitest';
import { loadLlmFixture, mustCallOf } from '../../../test/llm-fixtures';
import { messageText } from './llm-call';

describe('OpenInference with OpenAI', () => {
  const agent = loadLlmFixture('openinference-openai/agent');

  it('takes the requested model from the invocation parameters, the served one from llm.model_name', () => {
    const call = mustCallOf(agent, 'd0b3458d1545424b');
    expect(call).toMatchObject({
      family: 'openinference',
      kind: 'llm',
      provider: 'openai',
      requestModel: 'gpt-4.1',
      responseModel: 'gpt-4.1-2025-04-14',
      finishReasons: ['tool_calls'],
    });
    // prompt 298 already includes the 128 cache reads
    expect(call.usage).toEqual({
      input: 298,
      output: 124,
      cacheRead: 128,
      reasoning: 0,
      total: 422,
    });
    expect(call.toolDefinitions.map((t) => t.name)).toEqual([
      'get_weather',
      'check_hotel_availability',
      'convert_currency',
    ]);
    expect(JSON.parse(call.toolDefinitions[0]?.parameters ?? '{}')).toMatchObject({
      required: ['city', 'date'],
    });
    expect(call.outputMessages[0]?.toolCalls.map((t) => [t.id, t.name, t.arguments])).toEqual([
      [
        'call_52e80d4782d62dd07b050c5c',
        'get_weather',
        '{"city":"Paris","date":"2026-11-28","unit":"celsius"}',
      ],
      [
        'call_dc048a2d5d8ef0b2812ea93b',
        'check_hotel_availability',
        '{"city":"Paris","date":"2026-11-28"}',
      ],
      [
        'call_d2d93dd7a4a3496db51f28d6',
        'convert_currency',
        '{"amount":1200,"from":"USD","to":"EUR"}',
      ],
    ]);
  });

  it('reads tool results in the second call', () => {
    const call = mustCallOf(agent, 'd7464bbdfcf71fe3');
    expect(call.inputMessages.map((m) => [m.role, m.toolCallId])).toEqual([
      ['system', undefined],
      ['user', undefined],
      ['assistant', undefined],
      ['tool', 'call_52e80d4782d62dd07b050c5c'],
      ['tool', 'call_dc048a2d5d8ef0b2812ea93b'],
      ['tool', 'call_d2d93dd7a4a3496db51f28d6'],
    ]);
    expect(call.usage).toMatchObject({ input: 506, output: 67, cacheRead: 224 });
  });

  it('reads manual TOOL spans', () => {
    expect(mustCallOf(agent, 'ed55926e857aa74e')).toMatchObject({
      kind: 'tool',
      tool: {
        name: 'get_weather',
        callId: 'call_52e80d4782d62dd07b050c5c',
        arguments: '{"city":"Paris","date":"2026-11-28","unit":"celsius"}',
      },
    });
    expect(mustCallOf(agent, '65f98da7468b4a88').kind).toBe('agent');
  });

  it('has no usage and no served model on the streamed call', () => {
    const call = mustCallOf(loadLlmFixture('openinference-openai/streaming'), '45fd909e377439bf');
    expect(call.requestModel).toBe('gpt-4o-mini');
    expect(call.responseModel).toBeUndefined();
    expect(call.usage).toBeUndefined();
    expect(call.isStreaming).toBe(true);
    expect(messageText(call.outputMessages[0]!)).toBe(
      'Traces fall like leaves,\nspans nested in quiet time—\nlatency blooms red.',
    );
  });

  it('reads retrieval documents and embedding inputs (rag)', () => {
    const rag = loadLlmFixture('openinference-openai/rag');
    const search = mustCallOf(rag, '398def80402b32be');
    expect(search.kind).toBe('retrieval');
    expect(search.retrievalDocuments.map((d) => [d.id, d.score, d.metadata])).toEqual([
      ['kb-0412', 0.8731, '{"title":"Refund policy"}'],
      ['kb-0413', 0.8214, '{"title":"How to request a refund"}'],
      ['kb-0098', 0.6102, '{"title":"Shipping times"}'],
    ]);
    expect(search.retrievalDocuments[0]?.content).toMatch(/^Customers may request a refund/);
    const embed = mustCallOf(rag, 'f0616870df6e3511');
    expect(embed).toMatchObject({ kind: 'embedding', requestModel: 'text-embedding-3-small' });
    expect(embed.embeddingInputs).toEqual([
      'How do I get a refund for an unused item I bought two weeks ago?',
    ]);
    expect(embed.usage).toBeUndefined();
  });
});

describe('OpenInference with Anthropic', () => {
  const agent = loadLlmFixture('openinference-anthropic/agent');

  it('reads llm.request.model_name, the system prompt and tool calls without duplicates', () => {
    const call = mustCallOf(agent, 'fc9729ca2d50e230');
    expect(call).toMatchObject({
      requestModel: 'claude-sonnet-4-0',
      responseModel: 'claude-sonnet-4-20250514',
      provider: 'anthropic',
      finishReasons: ['tool_use'],
    });
    expect(call.systemInstructions[0]).toMatch(/^You are a travel planning agent/);
    // prompt 277 includes the 110 cache reads
    expect(call.usage).toEqual({ input: 277, output: 128, cacheRead: 110, total: 405 });
    const out = call.outputMessages[0];
    expect(out && messageText(out)).toBe(
      "I'll look up the weather, travel advisories and exchange rate in parallel.",
    );
    // Each call is also repeated under message.contents.*; it must appear once.
    expect(out?.toolCalls.map((t) => t.id)).toEqual([
      'toolu_01f061e923d95607e7166147',
      'toolu_016faef569d24f304c2dd8ef',
      'toolu_01eb96d38e507493f028aba9',
    ]);
  });

  it('keeps all three tool results, which the flattened messages lose', () => {
    const call = mustCallOf(agent, '7ca37b936ee26b4c');
    const results = call.inputMessages[2]?.parts ?? [];
    expect(
      results.map((p) => (p.type === 'tool-result' ? [p.toolCallId, !!p.isError] : p.type)),
    ).toEqual([
      ['toolu_01f061e923d95607e7166147', false],
      ['toolu_016faef569d24f304c2dd8ef', true],
      ['toolu_01eb96d38e507493f028aba9', false],
    ]);
  });

  it('marks the failed call with its exception', () => {
    const retry = loadLlmFixture('openinference-anthropic/rate_limit_retry');
    const call = mustCallOf(retry, '6f95ab2c0ea17940');
    expect(call.error?.type).toBe('RateLimitError');
    expect(call.error?.message).toMatch(/^429 /);
    expect(call.responseModel).toBeUndefined();
    expect(call.usage).toBeUndefined();
  });
});
