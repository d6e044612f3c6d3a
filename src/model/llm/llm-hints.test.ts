import { describe, expect, it } from 'vitest';
import { listLlmFixtures, loadLlmFixture } from '../../../test/llm-fixtures';
import { loadJaegerTree } from '../../../test/parsed-fixtures';
import { readSpanModel } from '../critical-path-summary';
import { FLAG_LLM_HINT, hasLlmHint } from '../span-table';
import { spanOfNode, type SpanTree } from '../span-tree';
import { extractLlmCall } from './extract';
import { isLlmHintKey, isLlmHintScope, LLM_HINT_KEY_PREFIXES } from './llm-hints';

/** Spans the LLM readers or the model reader see something in, that carry no hint. */
function missedSpans(tree: SpanTree): string[] {
  const missed: string[] = [];
  for (let node = 0; node < tree.trace.count; node++) {
    const span = spanOfNode(tree, node)!;
    const isLlm = extractLlmCall(span) !== undefined || readSpanModel(span) !== undefined;
    const flagged = ((tree.trace.flags[node] ?? 0) & FLAG_LLM_HINT) !== 0;
    if (flagged !== hasLlmHint(span)) missed.push(`${span.spanId}: flag differs`);
    if (isLlm && !flagged) missed.push(span.spanId);
  }
  return missed;
}

describe('LLM hints', () => {
  it.each(listLlmFixtures())('flag every LLM span of %s', (name) => {
    expect(missedSpans(loadLlmFixture(name).tree)).toEqual([]);
  });

  it('flag the GenAI spans of the Jaeger fixture', () => {
    expect(missedSpans(loadJaegerTree('jaeger/trace-object_genai_57spans_10procs.json'))).toEqual(
      [],
    );
  });

  it('match keys and scopes by prefix', () => {
    expect(
      ['gen_ai.usage.input_tokens', 'llm.model_name', 'ai.operationId'].map(isLlmHintKey),
    ).toEqual([true, true, true]);
    expect(['http.method', 'genai', 'aim'].map(isLlmHintKey)).toEqual([false, false, false]);
    // Every listed prefix, and nothing that only contains one or differs by a character.
    for (const prefix of LLM_HINT_KEY_PREFIXES) {
      expect(isLlmHintKey(`${prefix}x`), prefix).toBe(true);
      expect(isLlmHintKey(`x.${prefix}`), `x.${prefix}`).toBe(false);
      expect(isLlmHintKey(`${prefix.slice(0, -1)}_x`), prefix).toBe(false);
      expect(isLlmHintKey(prefix.toUpperCase()), prefix).toBe(false);
    }
    expect(isLlmHintScope('@traceloop/instrumentation-openai')).toBe(true);
    expect(isLlmHintScope('io.opentelemetry.http')).toBe(false);
  });
});
