/**
 * Example trace across two services: a web frontend calls the support API over HTTP (W3C
 * trace context propagated by @opentelemetry/instrumentation-http, stable HTTP semconv), and
 * the API answers with a RAG flow recorded by the official OTel OpenAI instrumentation (the
 * shape of test/fixtures/llm/otel-genai-openai/rag.json and rag.logs.json). Each service
 * exports its own spans, so the trace arrives as two export requests.
 */
import type { DemoScenario } from './demo-builder';
import {
  API_RESOURCE,
  LLM_SERVER,
  QDRANT_SEARCH,
  RAG_USER_PROMPT,
  REFUND_ANSWER,
  SCOPES,
  SUPPORT_SYSTEM_PROMPT,
  providerId,
} from './demo-common';

const WEB_RESOURCE = {
  'service.name': 'support-web',
  'service.version': '2.8.0',
  'deployment.environment.name': 'staging',
  'service.namespace': 'support-assistant',
};

const httpServer = (port: number, status: number) => ({
  'http.request.method': 'POST',
  'url.scheme': 'http',
  'url.path': '/api/ask',
  'http.route': '/api/ask',
  'server.address': 'localhost',
  'server.port': port,
  'network.protocol.version': '1.1',
  'http.response.status_code': status,
});

export function twoServiceScenario(): DemoScenario {
  const system = { 'gen_ai.system': 'openai' };
  return {
    services: { web: WEB_RESOURCE, api: API_RESOURCE },
    scopes: { app: SCOPES.app, http: SCOPES.http, openai: SCOPES.otelOpenai },
    spans: [
      {
        ref: 'web',
        service: 'web',
        scope: 'http',
        name: 'POST /api/ask',
        kind: 'server',
        atMs: 0,
        durationMs: 352.6,
        attributes: {
          ...httpServer(3000, 200),
          'client.address': '127.0.0.1',
          'user_agent.original': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36',
        },
      },
      {
        ref: 'call',
        parent: 'web',
        service: 'web',
        scope: 'http',
        name: 'POST',
        kind: 'client',
        atMs: 3.1,
        durationMs: 345.2,
        attributes: {
          'http.request.method': 'POST',
          'url.full': 'http://localhost:8000/api/ask',
          'server.address': 'localhost',
          'server.port': 8000,
          'network.protocol.version': '1.1',
          'http.response.status_code': 200,
        },
      },
      {
        ref: 'api',
        parent: 'call',
        service: 'api',
        scope: 'http',
        name: 'POST /api/ask',
        kind: 'server',
        atMs: 5.4,
        durationMs: 340.1,
        attributes: { ...httpServer(8000, 200), 'client.address': '127.0.0.1' },
      },
      {
        ref: 'root',
        parent: 'api',
        service: 'api',
        scope: 'app',
        name: 'handle_question',
        kind: 'internal',
        atMs: 6.2,
        durationMs: 337.9,
        attributes: {
          'gen_ai.conversation.id': 'sess_7d1e04aa',
          'user.id': 'user_8c21f0',
          'app.route': '/api/ask',
        },
      },
      {
        ref: 'embed',
        parent: 'root',
        service: 'api',
        scope: 'openai',
        name: 'embeddings text-embedding-3-small',
        kind: 'client',
        atMs: 7,
        durationMs: 139.8,
        attributes: {
          'gen_ai.operation.name': 'embeddings',
          'gen_ai.request.model': 'text-embedding-3-small',
          'gen_ai.system': 'openai',
          ...LLM_SERVER,
          'gen_ai.request.encoding_formats': ['float'],
          'gen_ai.response.model': 'text-embedding-3-small',
          'gen_ai.usage.input_tokens': 16,
        },
      },
      {
        ref: 'search',
        parent: 'root',
        service: 'api',
        scope: 'app',
        name: 'vector_search',
        kind: 'client',
        atMs: 147.5,
        durationMs: 50,
        attributes: {
          ...QDRANT_SEARCH,
          'gen_ai.operation.name': 'retrieval',
          'gen_ai.data_source.id': 'support_docs',
        },
      },
      {
        ref: 'chat',
        parent: 'root',
        service: 'api',
        scope: 'openai',
        name: 'chat gpt-4o-mini',
        kind: 'client',
        atMs: 205,
        durationMs: 126.7,
        attributes: {
          'gen_ai.operation.name': 'chat',
          'gen_ai.request.model': 'gpt-4o-mini',
          'gen_ai.system': 'openai',
          ...LLM_SERVER,
          'gen_ai.request.max_tokens': 512,
          'gen_ai.request.temperature': 0.2,
          'gen_ai.response.finish_reasons': ['stop'],
          'gen_ai.response.id': providerId('chatcmpl-', 29),
          'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
          'gen_ai.usage.input_tokens': 186,
          'gen_ai.usage.output_tokens': 61,
        },
      },
    ],
    logs: [
      {
        span: 'chat',
        atMs: 205.5,
        event: 'gen_ai.system.message',
        body: { content: SUPPORT_SYSTEM_PROMPT },
        attributes: system,
      },
      {
        span: 'chat',
        atMs: 205.5,
        event: 'gen_ai.user.message',
        body: { content: RAG_USER_PROMPT },
        attributes: system,
      },
      {
        span: 'chat',
        atMs: 331.5,
        event: 'gen_ai.choice',
        body: { finish_reason: 'stop', index: 0, message: { content: REFUND_ANSWER } },
        attributes: system,
      },
    ],
  };
}
