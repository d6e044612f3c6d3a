import { describe, expect, it } from 'vitest';
import { buildSpanTree, spanOfNode } from '../span-tree';
import { asEpochMicros, asNanos, type Attribute, type Span } from '../trace';
import { extractTraceLlm } from './extract';

const s = (key: string, value: string): Attribute => ({ key, value: { type: 'string', value } });
const i = (key: string, value: number): Attribute => ({
  key,
  value: { type: 'int', value: String(value) },
});

function span(
  spanId: string,
  parent: string | undefined,
  attributes: Attribute[],
  start = 0,
): Span {
  return {
    spanId,
    sourceSpanId: spanId,
    traceId: 'abc',
    name: spanId,
    kind: 'internal',
    status: { code: 'unset' },
    startNs: asNanos(start),
    durationNs: asNanos(100),
    resourceIndex: 0,
    attributes,
    events: [],
    references: parent
      ? [{ type: 'child_of', traceId: 'abc', spanId: parent, attributes: [] }]
      : [],
    warnings: [],
  };
}

function treeOf(spans: Span[]) {
  return buildSpanTree({
    traceId: 'abc',
    startEpochUs: asEpochMicros(0),
    spans,
    resources: [{ serviceName: 'svc', attributes: [] }],
    warnings: [],
  });
}

const chat = (model?: string, input?: number, output?: number): Attribute[] => [
  s('gen_ai.operation.name', 'chat'),
  ...(model ? [s('gen_ai.request.model', model)] : []),
  ...(input === undefined ? [] : [i('gen_ai.usage.input_tokens', input)]),
  ...(output === undefined ? [] : [i('gen_ai.usage.output_tokens', output)]),
];

describe('counting nested model calls', () => {
  it('counts the inner span of a pair and fills what it lacks from the outer one', () => {
    const tree = treeOf([
      span('root', undefined, [s('openinference.span.kind', 'CHAIN')]),
      span('outer', 'root', [
        s('openinference.span.kind', 'LLM'),
        s('llm.model_name', 'gpt-4o'),
        i('llm.token_count.prompt', 100),
        i('llm.token_count.completion', 20),
      ]),
      span('inner', 'outer', chat()),
    ]);
    const { countedNodes, countedCalls, totals } = extractTraceLlm(tree);
    expect(countedNodes.map((n) => spanOfNode(tree, n)?.spanId)).toEqual(['inner']);
    expect(countedCalls[0]).toMatchObject({
      requestModel: 'gpt-4o',
      usage: { input: 100, output: 20 },
    });
    expect(totals).toMatchObject({ llmCallCount: 1, inputTokens: 100, outputTokens: 20 });
  });

  it('counts each step under an aggregate wrapper, and the wrapper never', () => {
    const tree = treeOf([
      span('wrapper', undefined, chat('m', 300, 30)),
      span('step1', 'wrapper', chat('m', 100, 10), 1),
      span('tool', 'wrapper', [s('gen_ai.operation.name', 'execute_tool')], 2),
      span('step2', 'wrapper', chat('m', 200, 20), 3),
    ]);
    const { countedNodes, totals } = extractTraceLlm(tree);
    expect(countedNodes.map((n) => spanOfNode(tree, n)?.spanId)).toEqual(['step1', 'step2']);
    expect(totals).toMatchObject({ llmCallCount: 2, inputTokens: 300, outputTokens: 30 });
  });

  it('counts model calls under a non-model span separately, however deep', () => {
    const spans = [span('root', undefined, [s('traceloop.span.kind', 'workflow')])];
    let parent = 'root';
    for (let depth = 0; depth < 2000; depth++) {
      const id = `task${depth}`;
      spans.push(span(id, parent, [s('traceloop.span.kind', 'task')], depth));
      parent = id;
    }
    spans.push(span('leafA', parent, chat('m', 5, 1), 3000));
    spans.push(span('leafB', parent, chat('m', 7, 2), 3001));
    const { totals } = extractTraceLlm(treeOf(spans));
    expect(totals).toMatchObject({ llmCallCount: 2, inputTokens: 12, outputTokens: 3 });
  });

  it('counts failed calls and flags the trace cost partial only for calls that used tokens', () => {
    const tree = treeOf([
      span('root', undefined, []),
      { ...span('failed', 'root', chat('m')), status: { code: 'error', message: '429' } },
      span('ok', 'root', chat('no-such-model', 10, 5), 1),
    ]);
    const { totals } = extractTraceLlm(tree);
    expect(totals).toMatchObject({
      llmCallCount: 2,
      errorCount: 1,
      costUsd: 0,
      isCostPartial: true,
    });
    const onlyFailed = treeOf([
      { ...span('failed', undefined, chat('m')), status: { code: 'error' } },
    ]);
    expect(extractTraceLlm(onlyFailed).totals.isCostPartial).toBe(false);
  });
});
