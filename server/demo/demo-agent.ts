/**
 * Example trace: an agent as the official OTel OpenAI instrumentation records it (the shape
 * of test/fixtures/llm/otel-genai-openai/agent.json and agent.logs.json): a planner call
 * returns three tool calls, the tools run in parallel and one times out (status ERROR with an
 * `exception` event), and a second call writes the answer. Prompts and completions are log
 * events bound to the chat spans, as that instrumentation emits them.
 */
import type { DemoLog, DemoScenario, DemoSpan } from './demo-builder';
import { API_RESOURCE, LLM_SERVER, SCOPES, providerId } from './demo-common';

const SYSTEM =
  'You are a travel planning agent. Use the tools to gather facts, call independent tools in parallel, then answer concisely.';
const USER =
  "I'm going to Paris next weekend (2026-11-28) with a 1200 USD budget. What's the weather, can I still get a hotel, and how much is my budget in euros?";
const ANSWER =
  "Here is your trip summary: the weather in Paris next weekend looks mild (around 12°C with light rain on Saturday), and 1,200 USD is roughly 1,105 EUR at today's rate. Note: the hotel availability lookup failed, so I could not confirm rooms — please try again later.";
const HOTEL_ERROR = 'HotelSearchAPI timed out after 2000 ms (upstream 504)';

interface Tool {
  readonly ref: string;
  readonly name: string;
  readonly callId: string;
  readonly args: string;
  readonly durationMs: number;
  readonly result?: string;
}

function tools(): Tool[] {
  return [
    {
      ref: 'weather',
      name: 'get_weather',
      callId: providerId('call_', 24),
      args: JSON.stringify({ city: 'Paris', date: '2026-11-28', unit: 'celsius' }),
      durationMs: 111.7,
      result: JSON.stringify({
        city: 'Paris',
        date: '2026-11-28',
        forecast: 'light rain',
        temp_c: { min: 8, max: 13 },
      }),
    },
    {
      ref: 'hotel',
      name: 'check_hotel_availability',
      callId: providerId('call_', 24),
      args: JSON.stringify({ city: 'Paris', date: '2026-11-28' }),
      durationMs: 230.8,
    },
    {
      ref: 'currency',
      name: 'convert_currency',
      callId: providerId('call_', 24),
      args: JSON.stringify({ amount: 1200, from: 'USD', to: 'EUR' }),
      durationMs: 215.9,
      result: JSON.stringify({
        amount: 1200,
        from: 'USD',
        to: 'EUR',
        rate: 0.9208,
        result: 1104.96,
      }),
    },
  ];
}

function chatSpan(
  ref: string,
  atMs: number,
  durationMs: number,
  usage: [number, number],
  finish: string,
): DemoSpan {
  return {
    ref,
    parent: 'root',
    scope: 'openai',
    name: 'chat gpt-4.1',
    kind: 'client',
    atMs,
    durationMs,
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'gpt-4.1',
      'gen_ai.system': 'openai',
      ...LLM_SERVER,
      'gen_ai.request.max_tokens': 512,
      'gen_ai.request.temperature': 0.2,
      'gen_ai.response.finish_reasons': [finish],
      'gen_ai.response.id': providerId('chatcmpl-', 29),
      'gen_ai.response.model': 'gpt-4.1-2025-04-14',
      'gen_ai.usage.input_tokens': usage[0],
      'gen_ai.usage.output_tokens': usage[1],
    },
  };
}

function toolSpan(tool: Tool): DemoSpan {
  const failed = tool.result === undefined;
  return {
    ref: tool.ref,
    parent: 'root',
    scope: 'app',
    name: `execute_tool ${tool.name}`,
    kind: 'internal',
    atMs: 269,
    durationMs: tool.durationMs,
    attributes: {
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': tool.name,
      'gen_ai.tool.call.id': tool.callId,
      'gen_ai.tool.type': 'function',
      'gen_ai.tool.call.arguments': tool.args,
      ...(failed ? { 'error.type': 'ETIMEDOUT' } : { 'gen_ai.tool.call.result': tool.result }),
    },
    ...(failed
      ? {
          error: HOTEL_ERROR,
          events: [
            {
              name: 'exception',
              atMs: 269 + tool.durationMs - 0.1,
              attributes: {
                'exception.type': 'ETIMEDOUT',
                'exception.message': HOTEL_ERROR,
                'exception.stacktrace': `Error: ${HOTEL_ERROR}\n    at executeTool (/srv/app/scenarios.js:236:61)\n    at async Promise.allSettled (index 1)`,
              },
            },
          ],
        }
      : {}),
  };
}

function logs(toolList: readonly Tool[]): DemoLog[] {
  const system = { 'gen_ai.system': 'openai' };
  const toolCalls = toolList.map((t) => ({
    id: t.callId,
    type: 'function',
    function: { name: t.name, arguments: t.args },
  }));
  const prompt = (span: string, atMs: number): DemoLog[] => [
    { span, atMs, event: 'gen_ai.system.message', body: { content: SYSTEM }, attributes: system },
    { span, atMs, event: 'gen_ai.user.message', body: { content: USER }, attributes: system },
  ];
  return [
    ...prompt('plan', 1),
    {
      span: 'plan',
      atMs: 268,
      event: 'gen_ai.choice',
      body: { finish_reason: 'tool_calls', index: 0, message: { tool_calls: toolCalls } },
      attributes: system,
    },
    ...prompt('answer', 500),
    {
      span: 'answer',
      atMs: 500,
      event: 'gen_ai.assistant.message',
      body: { tool_calls: toolCalls },
      attributes: system,
    },
    ...toolList.map((t) => ({
      span: 'answer',
      atMs: 500,
      event: 'gen_ai.tool.message',
      body: { id: t.callId, content: t.result ?? JSON.stringify({ error: HOTEL_ERROR }) },
      attributes: system,
    })),
    {
      span: 'answer',
      atMs: 667,
      event: 'gen_ai.choice',
      body: { finish_reason: 'stop', index: 0, message: { content: ANSWER } },
      attributes: system,
    },
  ];
}

export function agentScenario(): DemoScenario {
  const toolList = tools();
  return {
    services: { api: API_RESOURCE },
    scopes: { app: SCOPES.app, openai: SCOPES.otelOpenai },
    spans: [
      {
        ref: 'root',
        scope: 'app',
        name: 'handle_question',
        kind: 'server',
        atMs: 0,
        durationMs: 667.5,
        attributes: {
          'gen_ai.conversation.id': 'sess_3f9a2b7d',
          'user.id': 'user_8c21f0',
          'app.route': '/api/agent',
        },
      },
      chatSpan('plan', 1, 267.1, [298, 124], 'tool_calls'),
      ...toolList.map(toolSpan),
      chatSpan('answer', 500, 167.2, [506, 67], 'stop'),
    ],
    logs: logs(toolList),
  };
}
