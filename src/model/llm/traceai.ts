/**
 * traceAI (Future AGI), from its published conventions (no fixture): `fi.span.kind` (LLM,
 * CHAIN, TOOL, RETRIEVER, RERANKER, EMBEDDING, AGENT, GUARDRAIL, EVALUATOR, VECTOR_DB, UNKNOWN),
 * mostly OTel `gen_ai.*` names plus OpenInference-style `input.value` / `output.value`, its own
 * cache-token spellings, and a per-span `gen_ai.cost.total` in USD (read by call-common.ts).
 */
import type { LlmCallDraft, ReadContext } from './call-common';
import { readGenAi } from './gen-ai';
import type { LlmLogRecord } from './gen-ai-logs';
import type { LlmKind } from './llm-call';
import { kindFromSpanKind, readOiFields } from './openinference';
import type { SpanAttrs } from './span-attrs';

/** Not in any constants package (`fi-semantic-conventions` is not a dependency). */
export const FI_SPAN_KIND = 'fi.span.kind';
const CACHE_READ = 'gen_ai.usage.cache_read_tokens';
const CACHE_WRITE = 'gen_ai.usage.cache_write_tokens';
const REASONING = 'gen_ai.usage.output_tokens.reasoning';

export function isTraceAiSpan(attrs: SpanAttrs): boolean {
  return attrs.has(FI_SPAN_KIND);
}

function kindOf(value: string | undefined): LlmKind {
  if (value?.toUpperCase() === 'VECTOR_DB') return 'retrieval';
  return kindFromSpanKind(value);
}

export function readTraceAi(ctx: ReadContext, logs: readonly LlmLogRecord[]): LlmCallDraft {
  const kind = kindOf(ctx.attrs.string(FI_SPAN_KIND));
  const base = readGenAi(ctx, logs, {
    family: 'traceai',
    kind,
    cacheReadKeys: [CACHE_READ],
    cacheWriteKeys: [CACHE_WRITE],
    reasoningKeys: [REASONING],
  });
  return fillGaps(base, readOiFields(ctx, kind));
}

/** Fields the gen_ai reader left empty are taken from the OpenInference-shaped reader. */
function fillGaps(base: LlmCallDraft, extra: LlmCallDraft): LlmCallDraft {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    if (key === 'family' || key === 'kind' || value === undefined) continue;
    const current = out[key];
    const isEmpty = current === undefined || (Array.isArray(current) && current.length === 0);
    if (isEmpty) out[key] = value;
  }
  if (base.tool && extra.tool) out.tool = { ...extra.tool, ...definedFields(base.tool) };
  return out as LlmCallDraft;
}

function definedFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
