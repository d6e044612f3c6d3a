/**
 * OpenLLMetry (Traceloop). Two kinds of span:
 * - model calls from `@traceloop/instrumentation-*`: 0.27 writes the new `gen_ai.input.messages`
 *   JSON, ≤0.22 (and most Python) the legacy `gen_ai.prompt.<i>.*`, `llm.request.type`,
 *   `llm.usage.total_tokens`. Both are read by gen-ai.ts. For Anthropic the input count is the
 *   raw Anthropic `input_tokens`, which leaves cache reads and writes out: they are added back.
 * - decorator spans: `traceloop.span.kind` (workflow, task, agent, tool) with
 *   `traceloop.entity.{name,input,output}`; a task that carries vector-DB attributes is a
 *   retrieval.
 */
import { ATTR_DB_SYSTEM_NAME } from '@opentelemetry/semantic-conventions';
import {
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_SYSTEM,
} from '@opentelemetry/semantic-conventions/incubating';
import { SpanAttributes, TraceloopSpanKindValues } from '@traceloop/ai-semantic-conventions';
import type { LlmCallDraft, ReadContext } from './call-common';
import { readDocuments, readGenAi } from './gen-ai';
import { hasLegacyContent } from './gen-ai-legacy';
import type { LlmLogRecord } from './gen-ai-logs';
import type { LlmKind } from './llm-call';
import { isRecord, jsonText, type SpanAttrs } from './span-attrs';

const TRACELOOP_SCOPE_PREFIX = '@traceloop/';

const KIND_BY_TRACELOOP: Readonly<Record<string, LlmKind>> = {
  [TraceloopSpanKindValues.WORKFLOW]: 'chain',
  [TraceloopSpanKindValues.TASK]: 'chain',
  [TraceloopSpanKindValues.AGENT]: 'agent',
  [TraceloopSpanKindValues.TOOL]: 'tool',
  [TraceloopSpanKindValues.SESSION]: 'chain',
};

export function isOpenLlmetrySpan(attrs: SpanAttrs, scopeName: string | undefined): boolean {
  return (
    attrs.has(SpanAttributes.TRACELOOP_SPAN_KIND) ||
    attrs.has(SpanAttributes.LLM_REQUEST_TYPE) ||
    attrs.has(SpanAttributes.LLM_USAGE_TOTAL_TOKENS) ||
    !!scopeName?.startsWith(TRACELOOP_SCOPE_PREFIX) ||
    hasLegacyContent(attrs)
  );
}

export function readOpenLlmetry(
  ctx: ReadContext,
  logs: readonly LlmLogRecord[],
  scopeName: string | undefined,
): LlmCallDraft {
  const { attrs } = ctx;
  const spanKind = attrs.string(SpanAttributes.TRACELOOP_SPAN_KIND);
  if (spanKind !== undefined) return readDecoratorSpan(ctx, spanKind);
  const provider = attrs.firstString(ATTR_GEN_AI_PROVIDER_NAME, ATTR_GEN_AI_SYSTEM) ?? '';
  const isAnthropic = /anthropic/i.test(provider) || /anthropic/i.test(scopeName ?? '');
  return readGenAi(ctx, logs, {
    family: 'openllmetry',
    inputIncludesCache: isAnthropic ? false : undefined,
  });
}

function readDecoratorSpan(ctx: ReadContext, spanKind: string): LlmCallDraft {
  const { attrs } = ctx;
  const isVectorSearch =
    attrs.has(SpanAttributes.VECTOR_DB_QUERY_TOP_K) ||
    attrs.has(SpanAttributes.VECTOR_DB_VENDOR) ||
    attrs.has(ATTR_DB_SYSTEM_NAME);
  const kind: LlmKind =
    spanKind === TraceloopSpanKindValues.TASK && isVectorSearch
      ? 'retrieval'
      : (KIND_BY_TRACELOOP[spanKind] ?? 'other');
  const name = attrs.string(SpanAttributes.TRACELOOP_ENTITY_NAME);
  const draft: LlmCallDraft = { family: 'openllmetry', kind, operation: spanKind };
  if (kind === 'tool') draft.tool = { name };
  if (!ctx.includeContent) return draft;
  const input = entityValue(attrs, SpanAttributes.TRACELOOP_ENTITY_INPUT);
  const output = entityValue(attrs, SpanAttributes.TRACELOOP_ENTITY_OUTPUT);
  draft.inputText = input;
  draft.outputText = output;
  if (kind === 'tool') draft.tool = { name, arguments: input, result: output };
  if (kind === 'retrieval') {
    draft.retrievalDocuments = readDocuments(attrs.json(SpanAttributes.TRACELOOP_ENTITY_OUTPUT));
  }
  return draft;
}

/**
 * Entity values are JSON. Inputs are `{"args":[…],"kwargs":{}}`: a single positional argument
 * is shown on its own. A JSON string output is unquoted.
 */
function entityValue(attrs: SpanAttrs, key: string): string | undefined {
  const text = attrs.string(key);
  if (text === undefined) return undefined;
  const parsed = attrs.json(key);
  if (typeof parsed === 'string') return parsed;
  if (isRecord(parsed) && Array.isArray(parsed.args) && isRecord(parsed.kwargs)) {
    const hasKwargs = Object.keys(parsed.kwargs).length > 0;
    if (parsed.args.length === 1 && !hasKwargs) return jsonText(parsed.args[0]);
    if (parsed.args.length === 0 && hasKwargs) return jsonText(parsed.kwargs);
  }
  return text;
}
