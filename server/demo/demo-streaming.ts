/**
 * Example trace: one streamed chat completion as OpenLLMetry 0.27 records it (the shape of
 * test/fixtures/llm/openllmetry-openai/streaming.json): messages in `gen_ai.input.messages` /
 * `gen_ai.output.messages`, and — as that library really does for streams — no token usage.
 */
import type { DemoScenario } from './demo-builder';
import { API_RESOURCE, SCOPES, providerId } from './demo-common';

const PROMPT = 'Write a haiku about distributed tracing.';
const HAIKU = 'Traces fall like leaves,\nspans nested in quiet time—\nlatency blooms red.';

export function streamingScenario(): DemoScenario {
  const text = (content: string) => [{ type: 'text', content }];
  return {
    services: { api: API_RESOURCE },
    scopes: { app: SCOPES.app, openllmetry: SCOPES.openllmetry },
    spans: [
      {
        ref: 'root',
        scope: 'app',
        name: 'handle_question',
        kind: 'server',
        atMs: 0,
        durationMs: 409.2,
        attributes: {
          'traceloop.span.kind': 'workflow',
          'traceloop.workflow.name': 'handle_question',
          'traceloop.entity.name': 'handle_question',
          'traceloop.entity.input': JSON.stringify({ args: [PROMPT], kwargs: {} }),
          'traceloop.association.properties.user_id': 'user_8c21f0',
          'traceloop.association.properties.session_id': 'sess_3f9a2b7d',
          'app.route': '/api/chat/stream',
          'traceloop.entity.output': JSON.stringify(HAIKU),
        },
      },
      {
        ref: 'chat',
        parent: 'root',
        scope: 'openllmetry',
        name: 'chat gpt-4o-mini',
        kind: 'client',
        atMs: 2,
        durationMs: 407.5,
        attributes: {
          'gen_ai.provider.name': 'openai',
          'gen_ai.operation.name': 'chat',
          'gen_ai.request.model': 'gpt-4o-mini',
          'gen_ai.request.max_tokens': 128,
          'gen_ai.request.temperature': 0.9,
          'gen_ai.input.messages': JSON.stringify([
            { role: 'system', parts: text('You are a concise poet.') },
            { role: 'user', parts: text(PROMPT) },
          ]),
          'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
          'gen_ai.response.id': providerId('chatcmpl-', 29),
          'gen_ai.response.finish_reasons': ['stop'],
          'gen_ai.output.messages': JSON.stringify([
            { role: 'assistant', finish_reason: 'stop', parts: text(HAIKU) },
          ]),
        },
      },
    ],
  };
}
