import { describe, expect, it } from 'vitest';
import { loadLlmFixture, mustCallOf } from '../../../test/llm-fixtures';
import { messageText } from './llm-call';

describe('Vercel AI SDK', () => {
  const agent = loadLlmFixture('vercel-ai/agent');

  it('reads a doGenerate step: models, provider, usage with cache details, tool calls', () => {
    const call = mustCallOf(agent, 'f7e4b046349ba965');
    expect(call).toMatchObject({
      family: 'vercel-ai',
      kind: 'llm',
      operation: 'ai.generateText.doGenerate',
      provider: 'openai.responses',
      requestModel: 'gpt-4.1',
      responseModel: 'gpt-4.1-2025-04-14',
      finishReasons: ['tool-calls'],
    });
    // inputTokens 296 = noCacheTokens 168 + cacheReadTokens 128
    expect(call.usage).toEqual({
      input: 296,
      output: 176,
      cacheRead: 128,
      reasoning: 0,
      total: 472,
    });
    expect(call.outputMessages[0]?.toolCalls.map((t) => [t.id, t.name, t.arguments])).toEqual([
      [
        'call_ee669bf16df3f9dba33b6e5c',
        'get_weather',
        '{"city":"Paris","date":"2026-11-28","unit":"celsius"}',
      ],
      [
        'call_164bc2d1109e25956a2ecad7',
        'check_hotel_availability',
        '{"city":"Paris","date":"2026-11-28"}',
      ],
      [
        'call_b672d25c284107f3d5921425',
        'convert_currency',
        '{"amount":1200,"from":"USD","to":"EUR"}',
      ],
    ]);
    expect(call.toolDefinitions.map((t) => t.name)).toEqual([
      'get_weather',
      'check_hotel_availability',
      'convert_currency',
    ]);
  });

  it('reads tool results of the second step, the failed one flagged', () => {
    const call = mustCallOf(agent, '3b18c980c99d654a');
    const results = call.inputMessages[3]?.parts ?? [];
    expect(
      results.map((p) => (p.type === 'tool-result' ? [p.name, p.text, !!p.isError] : p.type)),
    ).toEqual([
      [
        'get_weather',
        '{"city":"Paris","date":"2026-11-28","forecast":"light rain","temp_c":{"min":8,"max":13}}',
        false,
      ],
      ['check_hotel_availability', 'HotelSearchAPI timed out after 2000 ms (upstream 504)', true],
      [
        'convert_currency',
        '{"amount":1200,"from":"USD","to":"EUR","rate":0.9208,"result":1104.96}',
        false,
      ],
    ]);
    expect(messageText(call.outputMessages[0]!)).toMatch(/^Here is your trip summary/);
  });

  it('reads the outer span prompt as system instruction plus user message', () => {
    const call = mustCallOf(agent, 'a507fa1171870bed');
    expect(call.systemInstructions[0]).toMatch(/^You are a travel planning agent/);
    expect(call.inputMessages.map((m) => m.role)).toEqual(['user']);
    expect(call.usage).toMatchObject({ input: 838, output: 290, cacheRead: 384 });
  });

  it('reads ai.toolCall spans and their failure', () => {
    expect(mustCallOf(agent, '3b9713f17c43a2e6')).toMatchObject({
      kind: 'tool',
      tool: { name: 'get_weather', callId: 'call_ee669bf16df3f9dba33b6e5c' },
    });
    expect(mustCallOf(agent, '17632aa1ba5ecba2').error).toEqual({
      type: 'Error',
      message: 'HotelSearchAPI timed out after 2000 ms (upstream 504)',
    });
  });

  it('reads time to first chunk in ms on the streamed step', () => {
    const call = mustCallOf(loadLlmFixture('vercel-ai/streaming'), 'af22e6523d969c95');
    expect(call.timeToFirstTokenNs).toBe(259_561_209);
    expect(call.isStreaming).toBe(true);
  });

  it('reads embedding inputs and the embedding token count', () => {
    const call = mustCallOf(loadLlmFixture('vercel-ai/rag'), '99ecbb3482f8a0e4');
    expect(call).toMatchObject({
      kind: 'embedding',
      provider: 'openai.embedding',
      requestModel: 'text-embedding-3-small',
      usage: { input: 16, total: 16 },
    });
    expect(call.embeddingInputs).toEqual([
      'How do I get a refund for an unused item I bought two weeks ago?',
    ]);
  });

  it('marks the 429 step of a retried call', () => {
    const call = mustCallOf(loadLlmFixture('vercel-ai/rate_limit_retry'), 'b307822b2f234b39');
    expect(call.error?.type).toBe('AI_APICallError');
    expect(call.usage).toBeUndefined();
    expect(call.inputMessages).toHaveLength(2);
  });
});
