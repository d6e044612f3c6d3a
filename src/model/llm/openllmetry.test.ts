import { describe, expect, it } from 'vitest';
import { loadLlmFixture, mustCallOf } from '../../../test/llm-fixtures';
import { asNanos, type Attribute, type Span } from '../trace';
import { extractLlmCall } from './extract';
import { messageText } from './llm-call';

describe('OpenLLMetry 0.27 (new-style gen_ai messages)', () => {
  const agent = loadLlmFixture('openllmetry-openai/agent');

  it('reads the JSON messages, object tool arguments and normalised finish reasons', () => {
    const call = mustCallOf(agent, 'bb88917ce52fd06c');
    expect(call).toMatchObject({
      family: 'openllmetry',
      kind: 'llm',
      provider: 'openai',
      requestModel: 'gpt-4.1',
      responseModel: 'gpt-4.1-2025-04-14',
      finishReasons: ['tool_call'],
    });
    expect(call.usage).toEqual({ input: 298, output: 124, total: 422 });
    expect(call.inputMessages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(call.outputMessages[0]?.toolCalls[0]).toEqual({
      id: 'call_6f1b893dc2812d6fad96e2db',
      name: 'get_weather',
      arguments: '{"city":"Paris","date":"2026-11-28","unit":"celsius"}',
    });
    expect(call.toolDefinitions.map((t) => t.name)).toEqual([
      'get_weather',
      'check_hotel_availability',
      'convert_currency',
    ]);
  });

  it('reads tool_call_response parts as tool results', () => {
    const call = mustCallOf(agent, 'c8528043546b97e9');
    const results = call.inputMessages.slice(3).map((m) => m.parts[0]);
    expect(results).toEqual([
      {
        type: 'tool-result',
        toolCallId: 'call_6f1b893dc2812d6fad96e2db',
        name: undefined,
        text: '{"city":"Paris","date":"2026-11-28","forecast":"light rain","temp_c":{"min":8,"max":13}}',
        isError: undefined,
      },
      expect.objectContaining({ toolCallId: 'call_bca46038aa25d23032dfe2d4' }),
      expect.objectContaining({ toolCallId: 'call_5b32a3e12f76de93e1aaa7a9' }),
    ]);
  });

  it('reads decorator spans: tool arguments unwrapped from args, string outputs unquoted', () => {
    expect(mustCallOf(agent, '7345a3d07236dcfe')).toMatchObject({
      kind: 'tool',
      tool: {
        name: 'get_weather',
        arguments: '{"city":"Paris","date":"2026-11-28","unit":"celsius"}',
        result:
          '{"city":"Paris","date":"2026-11-28","forecast":"light rain","temp_c":{"min":8,"max":13}}',
      },
    });
    const root = mustCallOf(agent, '05e127b40c0686e2');
    expect(root.kind).toBe('agent');
    expect(root.outputText).toMatch(/^Here is your trip summary/);
  });

  it('classifies the vector-search task as a retrieval with its hits', () => {
    const search = mustCallOf(loadLlmFixture('openllmetry-openai/rag'), '4563585c45b7444b');
    expect(search.kind).toBe('retrieval');
    expect(search.retrievalDocuments.map((d) => [d.id, d.score])).toEqual([
      ['kb-0412', 0.8731],
      ['kb-0413', 0.8214],
      ['kb-0098', 0.6102],
    ]);
  });

  it('has no usage on the streamed call', () => {
    const call = mustCallOf(loadLlmFixture('openllmetry-openai/streaming'), '984448fda9539f1e');
    expect(call.usage).toBeUndefined();
    expect(messageText(call.outputMessages[0]!)).toMatch(/^Traces fall like leaves/);
  });
});

describe('OpenLLMetry ≤0.22 (legacy flattened attributes)', () => {
  const agent = loadLlmFixture('openllmetry-openai-legacy/agent');

  it('reads gen_ai.prompt/completion lists, llm.usage.total_tokens and llm.request.functions', () => {
    const call = mustCallOf(agent, 'bbbfc2a5995e5278');
    expect(call).toMatchObject({
      family: 'openllmetry',
      kind: 'llm',
      provider: 'OpenAI',
      requestModel: 'gpt-4.1',
      responseModel: 'gpt-4.1-2025-04-14',
      finishReasons: ['tool_calls'],
    });
    expect(call.usage).toEqual({ input: 298, output: 124, total: 422 });
    expect(call.outputMessages[0]?.toolCalls).toEqual([
      {
        id: undefined,
        name: 'get_weather',
        arguments: '{"city":"Paris","date":"2026-11-28","unit":"celsius"}',
      },
      {
        id: undefined,
        name: 'check_hotel_availability',
        arguments: '{"city":"Paris","date":"2026-11-28"}',
      },
      {
        id: undefined,
        name: 'convert_currency',
        arguments: '{"amount":1200,"from":"USD","to":"EUR"}',
      },
    ]);
    expect(call.toolDefinitions[1]).toEqual({
      name: 'check_hotel_availability',
      description: 'Check hotel room availability in a city for a date',
      parameters:
        '{"type":"object","properties":{"city":{"type":"string"},"date":{"type":"string"}},"required":["city","date"]}',
    });
  });

  it('shows the tool-calling assistant turn recorded as "null" as empty', () => {
    const call = mustCallOf(agent, '2293f91c7b87c199');
    expect(call.inputMessages.map((m) => [m.role, messageText(m).slice(0, 9)])).toEqual([
      ['system', 'You are a'],
      ['user', "I'm going"],
      ['assistant', ''],
      ['tool', '{"city":"'],
      ['tool', '{"error":'],
      ['tool', '{"amount"'],
    ]);
  });
});

const attr = (key: string, value: string | number): Attribute =>
  typeof value === 'number'
    ? { key, value: { type: 'int', value: String(value) } }
    : { key, value: { type: 'string', value } };

describe('OpenLLMetry with Anthropic', () => {
  it('adds cache reads and writes back to the raw Anthropic input count', () => {
    const span: Span = {
      spanId: 'b1',
      sourceSpanId: 'b1',
      traceId: 't1',
      name: 'chat claude-sonnet-4-0',
      kind: 'client',
      status: { code: 'unset' },
      startNs: asNanos(0),
      durationNs: asNanos(1),
      resourceIndex: 0,
      scope: { name: '@traceloop/instrumentation-anthropic', version: '0.27.0' },
      // total = raw input + output, as the instrumentation writes it
      attributes: [
        attr('gen_ai.provider.name', 'anthropic'),
        attr('gen_ai.operation.name', 'chat'),
        attr('gen_ai.request.model', 'claude-sonnet-4-0'),
        attr('gen_ai.usage.input_tokens', 20),
        attr('gen_ai.usage.output_tokens', 10),
        attr('gen_ai.usage.total_tokens', 30),
        attr('gen_ai.usage.cache_read.input_tokens', 100),
        attr('gen_ai.usage.cache_creation.input_tokens', 50),
        attr('gen_ai.system_instructions', '[{"type":"text","content":"Be kind."}]'),
      ],
      events: [],
      references: [],
      warnings: [],
    };
    const call = extractLlmCall(span);
    expect(call?.family).toBe('openllmetry');
    expect(call?.usage).toEqual({
      input: 170,
      output: 10,
      cacheRead: 100,
      cacheWrite: 50,
      total: 180,
    });
    expect(call?.systemInstructions).toEqual(['Be kind.']);
  });
});
