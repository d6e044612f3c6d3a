/**
 * Example trace: a RAG request as OpenInference instruments it (the shape of
 * test/fixtures/llm/openinference-openai/rag.json): query embedding → vector search →
 * prompt → chat completion → answer, under the `handle_question` server span.
 */
import type { DemoScenario } from './demo-builder';
import {
  API_RESOURCE,
  KB_DOCS,
  QDRANT_SEARCH,
  RAG_USER_PROMPT,
  REFUND_ANSWER,
  REFUND_QUESTION,
  SCOPES,
  SUPPORT_SYSTEM_PROMPT,
  providerId,
} from './demo-common';

/** A 256-dimension unit-ish vector, like the embedding the fixture records. */
function embeddingVector(): number[] {
  return Array.from({ length: 256 }, (_, i) => Math.round(Math.sin(i * 1.7 + 0.3) * 1e6) / 1.6e7);
}

function documentAttributes(): Record<string, string | number> {
  const attributes: Record<string, string | number> = {};
  KB_DOCS.forEach((doc, i) => {
    attributes[`retrieval.documents.${i}.document.id`] = doc.id;
    attributes[`retrieval.documents.${i}.document.content`] = doc.content;
    attributes[`retrieval.documents.${i}.document.score`] = doc.score;
    attributes[`retrieval.documents.${i}.document.metadata`] = JSON.stringify({ title: doc.title });
  });
  return attributes;
}

export function ragScenario(): DemoScenario {
  const answerJson = JSON.stringify({ answer: REFUND_ANSWER, citations: ['kb-0412', 'kb-0413'] });
  const messages = [
    { role: 'system', content: SUPPORT_SYSTEM_PROMPT },
    { role: 'user', content: RAG_USER_PROMPT },
  ];
  const completion = {
    id: providerId('chatcmpl-', 29),
    object: 'chat.completion',
    model: 'gpt-4o-mini-2024-07-18',
    choices: [
      { index: 0, message: { role: 'assistant', content: REFUND_ANSWER }, finish_reason: 'stop' },
    ],
    usage: {
      prompt_tokens: 186,
      completion_tokens: 61,
      total_tokens: 247,
      prompt_tokens_details: { cached_tokens: 64, audio_tokens: 0 },
    },
  };
  return {
    services: { api: API_RESOURCE },
    scopes: { app: SCOPES.app, openinference: SCOPES.openinference },
    spans: [
      {
        ref: 'root',
        scope: 'app',
        name: 'handle_question',
        kind: 'server',
        atMs: 0,
        durationMs: 301.4,
        attributes: {
          'openinference.span.kind': 'CHAIN',
          'input.value': REFUND_QUESTION,
          'input.mime_type': 'text/plain',
          'session.id': 'sess_3f9a2b7d',
          'user.id': 'user_8c21f0',
          metadata: JSON.stringify({ channel: 'web', tenant: 'acme' }),
          'tag.tags': ['support', 'prod-like'],
          'app.route': '/api/ask',
          'output.value': answerJson,
          'output.mime_type': 'application/json',
        },
      },
      {
        ref: 'embed',
        parent: 'root',
        scope: 'openinference',
        name: 'OpenAI Embeddings',
        kind: 'internal',
        ok: true,
        atMs: 2,
        durationMs: 107.8,
        attributes: {
          'openinference.span.kind': 'EMBEDDING',
          'embedding.model_name': 'text-embedding-3-small',
          'input.value': REFUND_QUESTION,
          'input.mime_type': 'text/plain',
          'llm.system': 'openai',
          'embedding.embeddings.0.embedding.text': REFUND_QUESTION,
          'embedding.embeddings.0.embedding.vector': embeddingVector(),
        },
      },
      {
        ref: 'search',
        parent: 'root',
        scope: 'app',
        name: 'vector_search',
        kind: 'client',
        atMs: 111,
        durationMs: 39.9,
        attributes: {
          'openinference.span.kind': 'RETRIEVER',
          'input.value': REFUND_QUESTION,
          'input.mime_type': 'text/plain',
          ...QDRANT_SEARCH,
          ...documentAttributes(),
          'output.value': JSON.stringify(
            KB_DOCS.map(({ id, score, title }) => ({ id, score, title })),
          ),
          'output.mime_type': 'application/json',
        },
      },
      {
        ref: 'prompt',
        parent: 'root',
        scope: 'app',
        name: 'build_prompt',
        kind: 'internal',
        atMs: 151,
        durationMs: 4.7,
        attributes: {
          'openinference.span.kind': 'CHAIN',
          'input.value': JSON.stringify({
            question: REFUND_QUESTION,
            doc_ids: KB_DOCS.map((d) => d.id),
          }),
          'input.mime_type': 'application/json',
          'output.value': JSON.stringify(messages),
          'output.mime_type': 'application/json',
        },
      },
      {
        ref: 'chat',
        parent: 'root',
        scope: 'openinference',
        name: 'OpenAI Chat Completions',
        kind: 'internal',
        ok: true,
        atMs: 158,
        durationMs: 137.7,
        attributes: {
          'openinference.span.kind': 'LLM',
          'llm.model_name': 'gpt-4o-mini-2024-07-18',
          'input.value': JSON.stringify({
            model: 'gpt-4o-mini',
            messages,
            temperature: 0.2,
            max_tokens: 512,
          }),
          'input.mime_type': 'application/json',
          'llm.invocation_parameters': JSON.stringify({
            model: 'gpt-4o-mini',
            temperature: 0.2,
            max_tokens: 512,
          }),
          'llm.system': 'openai',
          'llm.input_messages.0.message.role': 'system',
          'llm.input_messages.0.message.content': SUPPORT_SYSTEM_PROMPT,
          'llm.input_messages.1.message.role': 'user',
          'llm.input_messages.1.message.content': RAG_USER_PROMPT,
          'output.value': JSON.stringify(completion),
          'output.mime_type': 'application/json',
          'llm.output_messages.0.message.role': 'assistant',
          'llm.output_messages.0.message.content': REFUND_ANSWER,
          'llm.finish_reason': 'stop',
          'llm.token_count.completion': 61,
          'llm.token_count.prompt': 186,
          'llm.token_count.total': 247,
          'llm.token_count.prompt_details.cache_read': 64,
        },
      },
      {
        ref: 'format',
        parent: 'root',
        scope: 'app',
        name: 'format_answer',
        kind: 'internal',
        atMs: 296,
        durationMs: 3.6,
        attributes: {
          'openinference.span.kind': 'CHAIN',
          'input.value': REFUND_ANSWER,
          'input.mime_type': 'text/plain',
          'output.value': answerJson,
          'output.mime_type': 'application/json',
        },
      },
    ],
  };
}
