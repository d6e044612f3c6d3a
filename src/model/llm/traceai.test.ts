import { describe, expect, it } from 'vitest';
import { asNanos, type Attribute, type Span } from '../trace';
import { extractLlmCall } from './extract';
import { messageText } from './llm-call';

/** No traceAI fixture exists; these spans follow its published conventions. */
function span(attributes: Attribute[]): Span {
  return {
    spanId: 'c1',
    sourceSpanId: 'c1',
    traceId: 't1',
    name: 'OpenAI.chat',
    kind: 'internal',
    status: { code: 'unset' },
    startNs: asNanos(0),
    durationNs: asNanos(1),
    resourceIndex: 0,
    attributes,
    events: [],
    references: [],
    warnings: [],
  };
}
const s = (key: string, value: string): Attribute => ({ key, value: { type: 'string', value } });
const i = (key: string, value: number): Attribute => ({
  key,
  value: { type: 'int', value: String(value) },
});
const f = (key: string, value: number): Attribute => ({ key, value: { type: 'float', value } });

describe('traceAI', () => {
  it('reads fi.span.kind, its cache-token names and the per-span cost', () => {
    const call = extractLlmCall(
      span([
        s('fi.span.kind', 'LLM'),
        s('gen_ai.provider.name', 'openai'),
        s('gen_ai.request.model', 'gpt-4o'),
        i('gen_ai.usage.input_tokens', 1200),
        i('gen_ai.usage.output_tokens', 300),
        i('gen_ai.usage.total_tokens', 1500),
        i('gen_ai.usage.cache_read_tokens', 1000),
        i('gen_ai.usage.cache_write_tokens', 0),
        i('gen_ai.usage.output_tokens.reasoning', 40),
        f('gen_ai.cost.total', 0.0123),
        s('input.value', 'What is tracing?'),
        s('input.mime_type', 'text/plain'),
      ]),
    );
    expect(call).toMatchObject({ family: 'traceai', kind: 'llm', requestModel: 'gpt-4o' });
    expect(call?.usage).toEqual({
      input: 1200,
      output: 300,
      cacheRead: 1000,
      cacheWrite: 0,
      reasoning: 40,
      total: 1500,
    });
    expect(call?.spanCost).toEqual({ total: 0.0123, input: undefined, output: undefined });
    expect(call?.inputText).toBe('What is tracing?');
  });

  it('prefers gen_ai messages and reads evaluations and agent graph ids', () => {
    const call = extractLlmCall(
      span([
        s('fi.span.kind', 'AGENT'),
        s('gen_ai.input.messages', '[{"role":"user","parts":[{"type":"text","content":"Plan"}]}]'),
        s('gen_ai.agent.graph.node_id', 'researcher'),
        s('gen_ai.agent.graph.parent_node_id', 'supervisor'),
        f('gen_ai.evaluation.score.value', 0.4),
        s('gen_ai.evaluation.name', 'faithfulness'),
      ]),
    );
    expect(call?.kind).toBe('agent');
    expect(call?.inputMessages.map(messageText)).toEqual(['Plan']);
    expect(call?.agentGraph).toMatchObject({ nodeId: 'researcher', parentNodeId: 'supervisor' });
    expect(call?.evaluations).toEqual([
      { name: 'faithfulness', score: 0.4, label: undefined, explanation: undefined },
    ]);
  });

  it('maps retriever, reranker, vector DB and tool kinds', () => {
    const kindOf = (value: string) => extractLlmCall(span([s('fi.span.kind', value)]))?.kind;
    expect(
      ['RETRIEVER', 'RERANKER', 'VECTOR_DB', 'TOOL', 'EMBEDDING', 'GUARDRAIL'].map(kindOf),
    ).toEqual(['retrieval', 'retrieval', 'retrieval', 'tool', 'embedding', 'other']);
  });
});
