import { describe, expect, it } from 'vitest';
import { loadLlmFixture, mustCallOf } from '../../../test/llm-fixtures';
import { messageText } from './llm-call';
import { traceFromTable } from '../span-table';

describe('Langfuse', () => {
  it('adds cached tokens back to usage_details.input (122 + 64 = 186)', () => {
    const call = mustCallOf(loadLlmFixture('langfuse-openai/rag'), 'ad8fb490d33e56e2');
    expect(call).toMatchObject({
      family: 'langfuse',
      kind: 'llm',
      requestModel: 'gpt-4o-mini-2024-07-18',
      responseModel: 'gpt-4o-mini-2024-07-18',
    });
    expect(call.usage).toEqual({ input: 186, output: 61, cacheRead: 64, reasoning: 0, total: 247 });
    expect(call.inputMessages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(messageText(call.outputMessages[0]!)).toMatch(/^According to our policy/);
  });

  it('reads tool definitions and tool calls from the generation input and output', () => {
    const agent = loadLlmFixture('langfuse-openai/agent');
    const plan = mustCallOf(agent, 'ca5b933042d73205');
    expect(plan.usage).toEqual({
      input: 298,
      output: 124,
      cacheRead: 128,
      reasoning: 0,
      total: 422,
    });
    expect(plan.toolDefinitions.map((t) => t.name)).toEqual([
      'get_weather',
      'check_hotel_availability',
      'convert_currency',
    ]);
    expect(plan.outputMessages[0]?.toolCalls.map((t) => t.id)).toEqual([
      'call_45a623c5a99663ff81cbf86d',
      'call_d86e4c8a95cdb3cc0797c269',
      'call_11d636428188790a607f6e10',
    ]);
    expect(mustCallOf(agent, '036411863093f162')).toMatchObject({
      kind: 'tool',
      tool: {
        name: 'get_weather',
        callId: 'call_45a623c5a99663ff81cbf86d',
        arguments: '{"city":"Paris","date":"2026-11-28","unit":"celsius"}',
      },
    });
    expect(mustCallOf(agent, '093de0752be16e24').error?.message).toBe(
      'HotelSearchAPI timed out after 2000 ms (upstream 504)',
    );
  });

  it('treats level ERROR as a failure although the OTel status is unset', () => {
    const failed = loadLlmFixture('langfuse-openai/server_error');
    const call = mustCallOf(failed, '690c0b42bd69fc58');
    expect(
      traceFromTable(failed.tree.trace).spans.find((s) => s.spanId === '690c0b42bd69fc58')?.status
        .code,
    ).toBe('unset');
    expect(call.error?.message).toBe(
      'Error: 500 The server had an error while processing your request. Sorry about that!',
    );
    // The model name of a failed generation is the requested one.
    expect(call.requestModel).toBe('gpt-4.1');
    expect(call.responseModel).toBeUndefined();
    expect(call.spanCost).toEqual({ total: 0, input: 0, output: 0 });
  });

  it('reads the first-token time from completion_start_time', () => {
    const call = mustCallOf(loadLlmFixture('langfuse-openai/streaming'), '940e7d6386fa0021');
    // span start 15:35:45.262Z, completion_start_time 15:35:45.485Z
    expect(call.timeToFirstTokenNs).toBe(223_000_000);
    expect(call.isStreaming).toBe(true);
    expect(call.responseModel).toBeUndefined();
    expect(messageText(call.outputMessages[0]!)).toMatch(/^Traces fall like leaves/);
  });

  it('recognises the embedding generation and the retriever', () => {
    const rag = loadLlmFixture('langfuse-openai/rag');
    const embed = mustCallOf(rag, '7001e3c552e6c249');
    expect(embed.kind).toBe('embedding');
    expect(embed.embeddingInputs).toEqual([
      'How do I get a refund for an unused item I bought two weeks ago?',
    ]);
    expect(embed.usage).toBeUndefined();
    const search = mustCallOf(rag, '2c32b36ef822163b');
    expect(search.kind).toBe('retrieval');
    expect(search.retrievalDocuments.map((d) => d.id)).toEqual(['kb-0412', 'kb-0413', 'kb-0098']);
  });
});
