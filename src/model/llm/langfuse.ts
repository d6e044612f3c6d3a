/**
 * Langfuse (`@langfuse/otel`): `langfuse.observation.*`. A `generation` is an LLM or embedding
 * call; its one model name is the served model for a successful chat call and the requested one
 * when streaming or failed, so it is used for both. `usage_details.input` leaves cached tokens
 * out (122 = 186 − 64): they are added back. A failed call is `level=ERROR` while the OTel status
 * stays UNSET. No constants package exists for these names; they come from the reference.
 */
import { asNanos } from '../trace';
import { normalizeUsage, type LlmCallDraft, type ReadContext } from './call-common';
import { readDocuments } from './gen-ai';
import type { LlmKind, SpanCost } from './llm-call';
import { normalizeMessages, normalizeToolDefinitions } from './message-json';
import { isRecord, jsonText, type SpanAttrs } from './span-attrs';

export const LANGFUSE_OBSERVATION_TYPE = 'langfuse.observation.type';
const LF = {
  input: 'langfuse.observation.input',
  output: 'langfuse.observation.output',
  model: 'langfuse.observation.model.name',
  parameters: 'langfuse.observation.model.parameters',
  usage: 'langfuse.observation.usage_details',
  cost: 'langfuse.observation.cost_details',
  level: 'langfuse.observation.level',
  statusMessage: 'langfuse.observation.status_message',
  completionStart: 'langfuse.observation.completion_start_time',
  toolCallId: 'langfuse.observation.metadata.tool_call_id',
} as const;
const CACHE_READ_KEYS = ['input_cached_tokens', 'input_cache_read', 'cache_read_input_tokens'];
const CACHE_WRITE_KEYS = [
  'input_cache_creation',
  'input_cache_write',
  'cache_creation_input_tokens',
];

const KIND_BY_TYPE: Readonly<Record<string, LlmKind>> = {
  generation: 'llm',
  embedding: 'embedding',
  agent: 'agent',
  tool: 'tool',
  chain: 'chain',
  retriever: 'retrieval',
};

export function isLangfuseSpan(attrs: SpanAttrs): boolean {
  return attrs.has(LANGFUSE_OBSERVATION_TYPE);
}

export function readLangfuse(ctx: ReadContext): LlmCallDraft {
  const { attrs, span } = ctx;
  const type = attrs.string(LANGFUSE_OBSERVATION_TYPE) ?? '';
  const model = attrs.string(LF.model);
  let kind = KIND_BY_TYPE[type] ?? 'other';
  if (kind === 'llm' && model !== undefined && /embed/i.test(model)) kind = 'embedding';
  const isFailed = attrs.string(LF.level) === 'ERROR';
  const params = attrs.json(LF.parameters);
  const isStreaming = isRecord(params) && params.stream === true;
  const draft: LlmCallDraft = {
    family: 'langfuse',
    kind,
    operation: type,
    requestModel: model,
    responseModel: isFailed || isStreaming ? undefined : model,
    usage: readUsage(attrs.json(LF.usage)),
    spanCost: readCost(attrs.json(LF.cost)),
    timeToFirstTokenNs: readTimeToFirstToken(attrs, ctx.spanStartEpochMs),
    isStreaming: isStreaming || undefined,
  };
  if (isFailed) {
    draft.error = { message: attrs.string(LF.statusMessage) ?? span.status.message };
  }
  if (kind === 'tool') draft.tool = { name: span.name, callId: attrs.string(LF.toolCallId) };
  if (ctx.includeContent) readContent(attrs, draft);
  return draft;
}

function readUsage(raw: unknown) {
  if (!isRecord(raw)) return undefined;
  const count = (...keys: string[]) => {
    for (const key of keys) {
      const value = raw[key];
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
    }
    return undefined;
  };
  return normalizeUsage({
    input: count('input', 'promptTokens'),
    output: count('output', 'completionTokens'),
    cacheRead: count(...CACHE_READ_KEYS),
    cacheWrite: count(...CACHE_WRITE_KEYS),
    reasoning: count('output_reasoning_tokens'),
    total: count('total', 'totalTokens'),
    inputIncludesCache: false,
  });
}

function readCost(raw: unknown): SpanCost | undefined {
  if (!isRecord(raw)) return undefined;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const input = num(raw.input);
  const output = num(raw.output);
  const total = num(raw.total) ?? (input ?? 0) + (output ?? 0);
  return { total, input, output };
}

/** `completion_start_time` is an ISO timestamp inside JSON quotes. */
function readTimeToFirstToken(attrs: SpanAttrs, spanStartEpochMs: number | undefined) {
  if (spanStartEpochMs === undefined) return undefined;
  const raw = attrs.json(LF.completionStart) ?? attrs.string(LF.completionStart);
  const epochMs = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
  if (!Number.isFinite(epochMs) || epochMs < spanStartEpochMs) return undefined;
  return asNanos(Math.round((epochMs - spanStartEpochMs) * 1e6));
}

function readContent(attrs: SpanAttrs, draft: LlmCallDraft): void {
  const input = attrs.json(LF.input);
  const output = attrs.json(LF.output);
  const inputText = attrs.string(LF.input);
  const outputText = attrs.string(LF.output);
  if (draft.kind === 'llm') {
    const inMessages = normalizeMessages(input ?? inputText, 'user');
    const outMessages = normalizeMessages(output ?? (outputText || undefined), 'assistant');
    draft.inputMessages = inMessages.messages;
    draft.outputMessages = outMessages.messages;
    draft.isContentTruncated = inMessages.isTruncated || outMessages.isTruncated;
    draft.toolDefinitions = isRecord(input) ? normalizeToolDefinitions(input.tools) : [];
    draft.finishReasons = draft.outputMessages.flatMap((m) => m.finishReason ?? []);
    return;
  }
  draft.inputText = inputText;
  draft.outputText = outputText;
  if (draft.kind === 'embedding') {
    const text = typeof input === 'string' ? input : inputText;
    draft.embeddingInputs = Array.isArray(input) ? input.map(jsonText) : text ? [text] : [];
  }
  if (draft.kind === 'tool') {
    draft.tool = { ...draft.tool, arguments: draft.inputText, result: draft.outputText };
  }
  if (draft.kind === 'retrieval') draft.retrievalDocuments = readDocuments(output);
}
