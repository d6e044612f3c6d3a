/**
 * Pieces shared by the example traces: the resource and scopes of the recorded fixtures
 * (test/fixtures/llm/SOURCES.md: the "support-assistant-api" service and the instrumentation
 * libraries that produced each convention family).
 */
import { randomBytes } from 'node:crypto';
import type { DemoAttributes } from './demo-builder';

export const API_RESOURCE: DemoAttributes = {
  'service.name': 'support-assistant-api',
  'service.version': '1.4.2',
  'deployment.environment.name': 'staging',
  'service.namespace': 'support-assistant',
};

export const SCOPES = {
  app: { name: 'support-assistant', version: '1.4.2' },
  openinference: { name: '@arizeai/openinference-instrumentation-openai', version: '4.2.7' },
  openllmetry: { name: '@traceloop/instrumentation-openai', version: '0.27.0' },
  otelOpenai: { name: '@opentelemetry/instrumentation-openai', version: '0.21.0' },
  http: { name: '@opentelemetry/instrumentation-http', version: '0.223.0' },
} as const;

export const LLM_SERVER: DemoAttributes = { 'server.address': '127.0.0.1', 'server.port': 8787 };

export const QDRANT_SEARCH: DemoAttributes = {
  'db.system.name': 'qdrant',
  'db.operation.name': 'search',
  'db.collection.name': 'support_docs',
  'db.query.summary': 'search support_docs',
  'server.address': '127.0.0.1',
  'server.port': 6333,
  'db.vector.query.top_k': 3,
  'db.vector.dimensions': 256,
  'db.response.returned_rows': 3,
};

export const REFUND_QUESTION = 'How do I get a refund for an unused item I bought two weeks ago?';
export const SUPPORT_SYSTEM_PROMPT =
  "You are Acme's support assistant. Answer only from the provided context and cite document ids in brackets.";

export const KB_DOCS = [
  {
    id: 'kb-0412',
    title: 'Refund policy',
    score: 0.8731,
    content:
      'Customers may request a refund within 30 days of purchase if the item is unused (section 4.2). Refunds go to the original payment method within 5-7 business days.',
  },
  {
    id: 'kb-0413',
    title: 'How to request a refund',
    score: 0.8214,
    content:
      'Go to Orders, select the order and choose "Request refund". You will receive a confirmation e-mail with a tracking number.',
  },
  {
    id: 'kb-0098',
    title: 'Shipping times',
    score: 0.6102,
    content:
      'Standard shipping takes 3-5 business days within the EU. Express shipping is next-day for orders placed before 14:00 CET.',
  },
] as const;

export const RAG_USER_PROMPT = `Context:\n${KB_DOCS.map((d) => `[${d.id}] ${d.title}: ${d.content}`).join('\n')}\n\nQuestion: ${REFUND_QUESTION}`;

export const REFUND_ANSWER =
  'According to our policy (section 4.2), you can request a refund within 30 days of purchase if the item is unused. Open Orders → Request refund, pick the order, and the refund is issued to the original payment method within 5–7 business days.';

/** A fresh id in a provider's format, e.g. `chatcmpl-` + 29 hex digits as in the fixtures. */
export function providerId(prefix: string, hexDigits: number): string {
  return `${prefix}${randomBytes(Math.ceil(hexDigits / 2))
    .toString('hex')
    .slice(0, hexDigits)}`;
}
