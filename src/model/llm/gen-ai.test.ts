import { describe, expect, it } from 'vitest';
import { callOf, loadLlmFixture, mustCallOf, spanById } from '../../../test/llm-fixtures';
import { asNanos, type Attribute, type Span } from '../trace';
import { extractLlmCall, groupLogsBySpan, type LlmLogRecord } from './extract';
import { messageText } from './llm-call';

const agent = loadLlmFixture('otel-genai-openai/agent');

describe('OTel GenAI (official instrumentation-openai, content in log records)', () => {
  it('reads models, provider, tokens and finish reasons from the span', () => {
    const call = mustCallOf(agent, '743f6ca41dd1e1bf');
    expect(call).toMatchObject({
      family: 'gen-ai',
      kind: 'llm',
      operation: 'chat',
      provider: 'openai',
      requestModel: 'gpt-4.1',
      responseModel: 'gpt-4.1-2025-04-14',
      finishReasons: ['tool_calls'],
    });
    // No cached tokens recorded and no total: total is added up.
    expect(call.usage).toEqual({ input: 298, output: 124, total: 422 });
  });

  it('attaches the log records of the span as messages and tool calls', () => {
    const call = mustCallOf(agent, '743f6ca41dd1e1bf');
    expect(call.inputMessages.map((m) => [m.role, messageText(m)])).toEqual([
      [
        'system',
        'You are a travel planning agent. Use the tools to gather facts, call independent tools in parallel, then answer concisely.',
      ],
      [
        'user',
        "I'm going to Paris next weekend (2026-11-28) with a 1200 USD budget. What's the weather, can I still get a hotel, and how much is my budget in euros?",
      ],
    ]);
    expect(call.outputMessages).toHaveLength(1);
    expect(call.outputMessages[0]?.finishReason).toBe('tool_calls');
    expect(call.outputMessages[0]?.toolCalls).toEqual([
      {
        id: 'call_218ba72dbab3b663e7b59cc5',
        name: 'get_weather',
        arguments: '{"city":"Paris","date":"2026-11-28","unit":"celsius"}',
      },
      {
        id: 'call_724904c8625848af6bbae01b',
        name: 'check_hotel_availability',
        arguments: '{"city":"Paris","date":"2026-11-28"}',
      },
      {
        id: 'call_652780c5e73ee5d2275b3bb0',
        name: 'convert_currency',
        arguments: '{"amount":1200,"from":"USD","to":"EUR"}',
      },
    ]);
  });

  it('reads the assistant turn and tool results of the second call from its logs', () => {
    const call = mustCallOf(agent, 'b416d07d5ab3eae8');
    expect(call.inputMessages.map((m) => m.role)).toEqual([
      'system',
      'user',
      'assistant',
      'tool',
      'tool',
      'tool',
    ]);
    expect(call.inputMessages[2]?.toolCalls.map((t) => t.name)).toEqual([
      'get_weather',
      'check_hotel_availability',
      'convert_currency',
    ]);
    const hotel = call.inputMessages[4];
    expect(hotel?.toolCallId).toBe('call_724904c8625848af6bbae01b');
    expect(hotel && messageText(hotel)).toBe(
      '{"error":"HotelSearchAPI timed out after 2000 ms (upstream 504)"}',
    );
    expect(messageText(call.outputMessages[0]!)).toMatch(/^Here is your trip summary/);
    expect(call.usage).toEqual({ input: 506, output: 67, total: 573 });
  });

  it('has no messages without the logs, and ignores logs of another trace', () => {
    const span = spanById(agent, '743f6ca41dd1e1bf');
    expect(extractLlmCall(span)?.inputMessages).toEqual([]);
    const grouped = groupLogsBySpan(agent.logs, '0af7651916cd43dd8448eb211c80319c');
    expect(grouped.size).toBe(0);
    expect(
      groupLogsBySpan(agent.logs, agent.tree.trace.traceId).get('743f6ca41dd1e1bf'),
    ).toHaveLength(3);
  });

  it('reads execute_tool spans and their failure', () => {
    expect(mustCallOf(agent, '1d6d6d7dbf887839')).toMatchObject({
      kind: 'tool',
      tool: {
        name: 'get_weather',
        callId: 'call_218ba72dbab3b663e7b59cc5',
        arguments: '{"city":"Paris","date":"2026-11-28","unit":"celsius"}',
        result:
          '{"city":"Paris","date":"2026-11-28","forecast":"light rain","temp_c":{"min":8,"max":13}}',
      },
    });
    expect(mustCallOf(agent, 'ebe71492743cc640').error).toEqual({
      type: 'ETIMEDOUT',
      message: 'HotelSearchAPI timed out after 2000 ms (upstream 504)',
    });
  });

  it('does not treat a lone gen_ai.conversation.id as an LLM span', () => {
    expect(callOf(agent, 'bc9a3a705042423f')).toBeUndefined();
  });

  it('reads embeddings and retrieval spans (rag)', () => {
    const rag = loadLlmFixture('otel-genai-openai/rag');
    expect(mustCallOf(rag, 'a2a68b0964317156')).toMatchObject({
      kind: 'embedding',
      requestModel: 'text-embedding-3-small',
      usage: { input: 16, total: 16 },
    });
    expect(mustCallOf(rag, '10a34c4c2f378cda').kind).toBe('retrieval');
  });

  it('marks a failed call that has prompts in the logs but no answer (rate_limit_retry)', () => {
    const retry = loadLlmFixture('otel-genai-openai/rate_limit_retry');
    const failed = mustCallOf(retry, '7e23252ed11b23da');
    expect(failed.error?.type).toBe('RateLimitError');
    expect(failed.error?.message).toMatch(/^429 Rate limit reached for gpt-4o-mini/);
    expect(failed.usage).toBeUndefined();
    expect(failed.inputMessages).toHaveLength(2);
    expect(failed.outputMessages).toEqual([]);
  });
});

function makeSpan(attributes: Attribute[], extra: Partial<Span> = {}): Span {
  return {
    spanId: 'a1',
    sourceSpanId: 'a1',
    traceId: 't1',
    name: 'chat',
    kind: 'client',
    status: { code: 'unset' },
    startNs: asNanos(0),
    durationNs: asNanos(1000),
    resourceIndex: 0,
    attributes,
    events: [],
    references: [],
    warnings: [],
    ...extra,
  };
}
const s = (key: string, value: string): Attribute => ({ key, value: { type: 'string', value } });
const n = (key: string, value: number): Attribute => ({
  key,
  value: { type: 'int', value: String(value) },
});

describe('OTel GenAI message attributes', () => {
  it('reads system instructions, parts, reasoning and time to first chunk', () => {
    const call = extractLlmCall(
      makeSpan([
        s('gen_ai.operation.name', 'chat'),
        s('gen_ai.provider.name', 'anthropic'),
        s('gen_ai.system_instructions', '[{"type":"text","content":"Be brief."}]'),
        s(
          'gen_ai.output.messages',
          '[{"role":"assistant","finish_reason":"stop","parts":[{"type":"reasoning","content":"hmm"},{"type":"text","content":"Hi"}]}]',
        ),
        { key: 'gen_ai.response.time_to_first_chunk', value: { type: 'float', value: 0.25 } },
      ]),
    );
    expect(call?.systemInstructions).toEqual(['Be brief.']);
    expect(call?.outputMessages[0]?.parts).toEqual([
      { type: 'reasoning', text: 'hmm' },
      { type: 'text', text: 'Hi' },
    ]);
    expect(call?.finishReasons).toEqual(['stop']);
    expect(call?.timeToFirstTokenNs).toBe(250_000_000);
  });

  it('reads the newer inference.operation.details log event', () => {
    const log: LlmLogRecord = {
      spanId: 'a1',
      eventName: 'gen_ai.client.inference.operation.details',
      body: { type: 'empty' },
      attributes: [
        s('gen_ai.input.messages', '[{"role":"user","parts":[{"type":"text","content":"Q"}]}]'),
        s(
          'gen_ai.output.messages',
          '[{"role":"assistant","parts":[{"type":"text","content":"A"}],"finish_reason":"stop"}]',
        ),
      ],
    };
    const call = extractLlmCall(makeSpan([s('gen_ai.operation.name', 'chat')]), [log]);
    expect(call?.inputMessages.map(messageText)).toEqual(['Q']);
    expect(call?.outputMessages.map(messageText)).toEqual(['A']);
    expect(call?.finishReasons).toEqual(['stop']);
  });

  it('adds up cache parts the semconv way and reads evaluations and agent graph ids', () => {
    const call = extractLlmCall(
      makeSpan([
        s('gen_ai.operation.name', 'invoke_agent'),
        n('gen_ai.usage.input_tokens', 1000),
        n('gen_ai.usage.cache_read.input_tokens', 600),
        n('gen_ai.usage.output_tokens', 50),
        { key: 'gen_ai.evaluation.score.value', value: { type: 'float', value: 0.8 } },
        s('gen_ai.evaluation.name', 'relevance'),
        s('gen_ai.evaluation.score.label', 'relevant'),
        s('gen_ai.agent.graph.node_id', 'planner'),
        s('gen_ai.agent.graph.parent_node_id', 'root'),
      ]),
    );
    expect(call?.kind).toBe('agent');
    expect(call?.usage).toEqual({ input: 1000, output: 50, cacheRead: 600, total: 1050 });
    expect(call?.evaluations).toEqual([
      { name: 'relevance', score: 0.8, label: 'relevant', explanation: undefined },
    ]);
    expect(call?.agentGraph).toMatchObject({ nodeId: 'planner', parentNodeId: 'root' });
  });

  it('treats an exception event as a failure even with an unset status', () => {
    const call = extractLlmCall(
      makeSpan([s('gen_ai.operation.name', 'chat')], {
        events: [
          {
            name: 'exception',
            timeNs: asNanos(5),
            attributes: [s('exception.type', 'APIError'), s('exception.message', 'boom')],
          },
        ],
      }),
    );
    expect(call?.error).toEqual({ type: 'APIError', message: 'boom' });
  });
});
