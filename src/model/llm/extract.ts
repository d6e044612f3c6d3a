/**
 * Span → `LlmCall`, and trace → calls + totals.
 *
 * Family detection is PER SPAN (one trace mixes families), first match wins:
 *   1. `ai.operationId`                       → vercel-ai
 *   2. `langfuse.observation.type`            → langfuse
 *   3. `openinference.span.kind`              → openinference
 *   4. `fi.span.kind`                         → traceai
 *   5. `traceloop.span.kind`, `llm.request.type`, `llm.usage.total_tokens`, legacy
 *      `gen_ai.prompt.<i>.*` / `gen_ai.completion.<i>.*`, or scope `@traceloop/*` → openllmetry
 *   6. `anthropic.request.id` or scope `com.anthropic.*` → anthropic-sdk
 *   7. any GenAI signal (`gen_ai.operation.name`, `.request.model`, `.provider.name`, `.system`,
 *      `.usage.*_tokens`, `.input.messages`, `.tool.name`) → gen-ai
 * A span matching none has no LlmCall (a lone `gen_ai.conversation.id` is not enough).
 */
import { FLAG_LLM_HINT } from '../span-table';
import { childrenOf, spanOfNode, type SpanTree } from '../span-tree';
import { offsetToEpochMillis, spanIdKey, type Span } from '../trace';
import { computeCost, sumCallCosts, type Pricer, type PriceOverrides } from '../cost';
import { isAnthropicSdkSpan, readAnthropicSdk } from './anthropic-sdk';
import { finishCall, type LlmCallDraft, type ReadContext } from './call-common';
import { countInnermostCalls } from './count-calls';
import { isGenAiSpan, readGenAi } from './gen-ai';
import type { LlmLogRecord } from './gen-ai-logs';
import { isLangfuseSpan, readLangfuse } from './langfuse';
import type { LlmCall, LlmFamily, LlmTotals, TraceLlm } from './llm-call';
import { isOpenInferenceSpan, readOpenInference } from './openinference';
import { isOpenLlmetrySpan, readOpenLlmetry } from './openllmetry';
import { SpanAttrs } from './span-attrs';
import { groupLogsBySpan } from './span-logs';
import { isTraceAiSpan, readTraceAi } from './traceai';
import { isVercelAiSpan, readVercelAi } from './vercel-ai';

export type { LlmLogRecord };
export { groupLogsBySpan };

export interface ExtractOptions {
  /** Messages, tool definitions, documents… (default true). Off = usage, models, kind only. */
  readonly includeContent?: boolean;
  /** Absolute start of the span in ms since epoch; needed for Langfuse's first-token time. */
  readonly spanStartEpochMs?: number;
}

export function detectFamily(attrs: SpanAttrs, scopeName?: string): LlmFamily | undefined {
  if (isVercelAiSpan(attrs)) return 'vercel-ai';
  if (isLangfuseSpan(attrs)) return 'langfuse';
  if (isOpenInferenceSpan(attrs)) return 'openinference';
  if (isTraceAiSpan(attrs)) return 'traceai';
  if (isOpenLlmetrySpan(attrs, scopeName)) return 'openllmetry';
  if (isAnthropicSdkSpan(attrs, scopeName)) return 'anthropic-sdk';
  if (isGenAiSpan(attrs)) return 'gen-ai';
  return undefined;
}

/**
 * The LLM view of one span, or undefined when no convention's attributes are on it.
 * `logsForSpan` are the OTLP log records pointing at this span (OTel GenAI content events).
 */
export function extractLlmCall(
  span: Span,
  logsForSpan: readonly LlmLogRecord[] = [],
  options: ExtractOptions = {},
): LlmCall | undefined {
  const attrs = new SpanAttrs(span.attributes);
  const scopeName = span.scope?.name;
  const family = detectFamily(attrs, scopeName);
  if (family === undefined) return undefined;
  const ctx: ReadContext = {
    span,
    attrs,
    includeContent: options.includeContent ?? true,
    spanStartEpochMs: options.spanStartEpochMs,
  };
  return finishCall(readFamily(family, ctx, logsForSpan, scopeName), ctx);
}

function readFamily(
  family: LlmFamily,
  ctx: ReadContext,
  logs: readonly LlmLogRecord[],
  scopeName: string | undefined,
): LlmCallDraft {
  switch (family) {
    case 'vercel-ai':
      return readVercelAi(ctx);
    case 'langfuse':
      return readLangfuse(ctx);
    case 'openinference':
      return readOpenInference(ctx);
    case 'traceai':
      return readTraceAi(ctx, logs);
    case 'openllmetry':
      return readOpenLlmetry(ctx, logs, scopeName);
    case 'anthropic-sdk':
      return readAnthropicSdk(ctx, logs);
    case 'gen-ai':
      return readGenAi(ctx, logs, { family: 'gen-ai' });
  }
}

export interface TraceExtractOptions {
  /** Default false: the panel extracts the selected span's content with `extractLlmCall`. */
  readonly includeContent?: boolean;
  /** Without a pricer only costs carried on spans (and overrides) are known. */
  readonly pricer?: Pricer;
  readonly overrides?: PriceOverrides;
}

/**
 * Every node's call, the calls that count, and trace totals. Counting rule (count-calls.ts):
 * only the innermost model call of nested spans describing the same call counts, so an
 * OpenInference LLM span over the SDK's own span, or `ai.generateText` over its
 * `…doGenerate` steps, is never added twice.
 */
export function extractTraceLlm(
  tree: SpanTree,
  logs: readonly LlmLogRecord[] = [],
  options: TraceExtractOptions = {},
): TraceLlm {
  const { trace } = tree;
  const logsBySpan = groupLogsBySpan(logs, trace.traceId);
  const calls: (LlmCall | undefined)[] = Array.from({ length: tree.nodeCount }, () => undefined);
  for (let node = 0; node < trace.count; node++) {
    // Spans without any LLM attribute or scope have no call: skip decoding their records.
    if (((trace.flags[node] as number) & FLAG_LLM_HINT) === 0) continue;
    const span = spanOfNode(tree, node);
    if (!span) continue;
    calls[node] = extractLlmCall(span, logsBySpan.get(spanIdKey(span.sourceSpanId)), {
      includeContent: options.includeContent ?? false,
      spanStartEpochMs: offsetToEpochMillis(trace, span.startNs),
    });
  }
  const { countedNodes, countedCalls } = countInnermostCalls(tree, calls, (n) =>
    childrenOf(tree, n),
  );
  const costs = countedCalls.map((call, i) => {
    const span = spanOfNode(tree, countedNodes[i] ?? -1);
    const at = span ? offsetToEpochMillis(trace, span.startNs) : undefined;
    return computeCost(call, options.pricer, options.overrides, at);
  });
  return { calls, countedNodes, countedCalls, totals: sumTotals(countedCalls, costs) };
}

function sumTotals(
  calls: readonly LlmCall[],
  costs: Parameters<typeof sumCallCosts>[1],
): LlmTotals {
  let llmCallCount = 0;
  let embeddingCallCount = 0;
  let errorCount = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let cacheReadTokens = 0;
  let cacheWriteTokens = 0;
  let totalTokens = 0;
  for (const call of calls) {
    if (call.kind === 'embedding') embeddingCallCount++;
    else llmCallCount++;
    if (call.error) errorCount++;
    inputTokens += call.usage?.input ?? 0;
    outputTokens += call.usage?.output ?? 0;
    cacheReadTokens += call.usage?.cacheRead ?? 0;
    cacheWriteTokens += call.usage?.cacheWrite ?? 0;
    totalTokens += call.usage?.total ?? 0;
  }
  const { costUsd, isPartial } = sumCallCosts(calls, costs);
  return {
    llmCallCount,
    embeddingCallCount,
    errorCount,
    inputTokens,
    outputTokens,
    cacheReadTokens,
    cacheWriteTokens,
    totalTokens,
    costUsd,
    isCostPartial: isPartial,
  };
}
