/**
 * OpenTelemetry GenAI (`gen_ai.*`), in all three shapes seen: the current JSON message
 * attributes (`gen_ai.input.messages` / `gen_ai.output.messages` / `gen_ai.system_instructions`),
 * the older flattened `gen_ai.prompt.<i>.*` / `gen_ai.completion.<i>.*`, and content in OTLP
 * log records attached to the span (official `@opentelemetry/instrumentation-openai`).
 * Also the base reader for OpenLLMetry, native Anthropic SDK and traceAI spans.
 */
import {
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
  ATTR_GEN_AI_RETRIEVAL_DOCUMENTS,
  ATTR_GEN_AI_RETRIEVAL_QUERY_TEXT,
  ATTR_GEN_AI_SYSTEM,
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
  ATTR_GEN_AI_TOOL_CALL_ARGUMENTS,
  ATTR_GEN_AI_TOOL_CALL_ID,
  ATTR_GEN_AI_TOOL_CALL_RESULT,
  ATTR_GEN_AI_TOOL_DEFINITIONS,
  ATTR_GEN_AI_TOOL_NAME,
  ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_COMPLETION_TOKENS,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_USAGE_PROMPT_TOKENS,
  ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
  GEN_AI_OPERATION_NAME_VALUE_CHAT,
  GEN_AI_OPERATION_NAME_VALUE_CREATE_AGENT,
  GEN_AI_OPERATION_NAME_VALUE_EMBEDDINGS,
  GEN_AI_OPERATION_NAME_VALUE_EXECUTE_TOOL,
  GEN_AI_OPERATION_NAME_VALUE_GENERATE_CONTENT,
  GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT,
  GEN_AI_OPERATION_NAME_VALUE_INVOKE_WORKFLOW,
  GEN_AI_OPERATION_NAME_VALUE_RETRIEVAL,
  GEN_AI_OPERATION_NAME_VALUE_TEXT_COMPLETION,
} from '@opentelemetry/semantic-conventions/incubating';
import { SpanAttributes } from '@traceloop/ai-semantic-conventions';
import { asNanos } from '../trace';
import { normalizeUsage, type LlmCallDraft, type RawUsage, type ReadContext } from './call-common';
import {
  readLegacyCompletions,
  readLegacyFinishReasons,
  readLegacyFunctions,
  readLegacyPrompts,
} from './gen-ai-legacy';
import { readLogContent, type LlmLogRecord } from './gen-ai-logs';
import type { LlmFamily, LlmKind, RetrievalDocument } from './llm-call';
import { MAX_MESSAGES } from './llm-call';
import {
  normalizeInstructions,
  normalizeMessages,
  normalizeToolDefinitions,
  optionalText,
} from './message-json';
import { isRecord, jsonText, type SpanAttrs } from './span-attrs';

/** Spellings of cache tokens besides the semconv ones (see the reference's pitfalls). */
const CACHE_WRITE_ANTHROPIC_SDK = 'gen_ai.usage.cache_write.input_tokens';
const KIND_BY_OPERATION: Readonly<Record<string, LlmKind>> = {
  [GEN_AI_OPERATION_NAME_VALUE_CHAT]: 'llm',
  [GEN_AI_OPERATION_NAME_VALUE_TEXT_COMPLETION]: 'llm',
  [GEN_AI_OPERATION_NAME_VALUE_GENERATE_CONTENT]: 'llm',
  [GEN_AI_OPERATION_NAME_VALUE_EMBEDDINGS]: 'embedding',
  [GEN_AI_OPERATION_NAME_VALUE_EXECUTE_TOOL]: 'tool',
  [GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT]: 'agent',
  [GEN_AI_OPERATION_NAME_VALUE_CREATE_AGENT]: 'agent',
  [GEN_AI_OPERATION_NAME_VALUE_RETRIEVAL]: 'retrieval',
  [GEN_AI_OPERATION_NAME_VALUE_INVOKE_WORKFLOW]: 'chain',
  // Values seen outside semconv (older instrumentations).
  completion: 'llm',
  embedding: 'embedding',
};

/** Keys that make a span a GenAI span (a conversation id alone does not). */
const GEN_AI_SIGNALS = [
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_SYSTEM,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_TOOL_NAME,
];

export function isGenAiSpan(attrs: SpanAttrs): boolean {
  return GEN_AI_SIGNALS.some((key) => attrs.has(key));
}

export interface GenAiOptions {
  readonly family: LlmFamily;
  readonly kind?: LlmKind;
  readonly inputIncludesCache?: boolean;
  /** Extra token-count spellings, tried after the semconv ones. */
  readonly cacheReadKeys?: readonly string[];
  readonly cacheWriteKeys?: readonly string[];
  readonly reasoningKeys?: readonly string[];
}

export function readGenAi(
  ctx: ReadContext,
  logs: readonly LlmLogRecord[],
  options: GenAiOptions,
): LlmCallDraft {
  const { attrs } = ctx;
  const operation = attrs.string(ATTR_GEN_AI_OPERATION_NAME);
  const requestModel = attrs.string(ATTR_GEN_AI_REQUEST_MODEL);
  const usage = normalizeUsage(readGenAiUsage(attrs, options));
  const kind = options.kind ?? kindOf(operation, attrs, requestModel !== undefined || !!usage);
  const ttftSeconds = attrs.number(ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK);
  const stream = attrs.value(ATTR_GEN_AI_REQUEST_STREAM);
  const draft: LlmCallDraft = {
    family: options.family,
    kind,
    operation,
    provider: attrs.firstString(ATTR_GEN_AI_PROVIDER_NAME, ATTR_GEN_AI_SYSTEM),
    requestModel,
    responseModel: attrs.string(ATTR_GEN_AI_RESPONSE_MODEL),
    usage,
    finishReasons: attrs.stringList(ATTR_GEN_AI_RESPONSE_FINISH_REASONS),
    timeToFirstTokenNs:
      ttftSeconds === undefined ? undefined : asNanos(Math.round(ttftSeconds * 1e9)),
    isStreaming: stream?.type === 'bool' ? stream.value : undefined,
  };
  if (kind === 'tool') readTool(attrs, draft, ctx.includeContent);
  if (ctx.includeContent) readContent(attrs, logs, draft);
  else if (draft.finishReasons?.length === 0) draft.finishReasons = readLegacyFinishReasons(attrs);
  return draft;
}

function kindOf(operation: string | undefined, attrs: SpanAttrs, isModelCall: boolean): LlmKind {
  const byOperation = operation === undefined ? undefined : KIND_BY_OPERATION[operation];
  if (byOperation) return byOperation;
  const requestType = attrs.string(SpanAttributes.LLM_REQUEST_TYPE);
  if (requestType === 'embedding') return 'embedding';
  if (requestType === 'rerank') return 'retrieval';
  if (isModelCall || requestType !== undefined) return 'llm';
  if (attrs.has(ATTR_GEN_AI_TOOL_NAME)) return 'tool';
  return 'other';
}

export function readGenAiUsage(attrs: SpanAttrs, options: GenAiOptions): RawUsage {
  return {
    input: attrs.count(ATTR_GEN_AI_USAGE_INPUT_TOKENS, ATTR_GEN_AI_USAGE_PROMPT_TOKENS),
    output: attrs.count(ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, ATTR_GEN_AI_USAGE_COMPLETION_TOKENS),
    cacheRead: attrs.count(
      ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
      // @traceloop/ai-semantic-conventions spells it with an underscore; match both.
      SpanAttributes.GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
      ...(options.cacheReadKeys ?? []),
    ),
    cacheWrite: attrs.count(
      ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
      CACHE_WRITE_ANTHROPIC_SDK,
      SpanAttributes.GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
      ...(options.cacheWriteKeys ?? []),
    ),
    reasoning: attrs.count(
      ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
      SpanAttributes.GEN_AI_USAGE_REASONING_TOKENS,
      ...(options.reasoningKeys ?? []),
    ),
    total: attrs.count(
      SpanAttributes.GEN_AI_USAGE_TOTAL_TOKENS,
      SpanAttributes.LLM_USAGE_TOTAL_TOKENS,
    ),
    inputIncludesCache: options.inputIncludesCache,
  };
}

function readTool(attrs: SpanAttrs, draft: LlmCallDraft, includeContent: boolean): void {
  draft.tool = {
    name: attrs.string(ATTR_GEN_AI_TOOL_NAME),
    callId: attrs.string(ATTR_GEN_AI_TOOL_CALL_ID),
    arguments: includeContent ? jsonValue(attrs, ATTR_GEN_AI_TOOL_CALL_ARGUMENTS) : undefined,
    result: includeContent ? jsonValue(attrs, ATTR_GEN_AI_TOOL_CALL_RESULT) : undefined,
  };
}

/** A value that may be a string or a structured attribute, as display text. */
function jsonValue(attrs: SpanAttrs, key: string): string | undefined {
  const value = attrs.value(key);
  if (value === undefined) return undefined;
  return value.type === 'array' || value.type === 'map'
    ? jsonText(attrs.json(key))
    : attrs.string(key);
}

/** Messages: JSON attributes first, then the flattened legacy ones, then log records. */
function readContent(attrs: SpanAttrs, logs: readonly LlmLogRecord[], draft: LlmCallDraft): void {
  const input = normalizeMessages(attrs.json(ATTR_GEN_AI_INPUT_MESSAGES), 'user');
  const output = normalizeMessages(attrs.json(ATTR_GEN_AI_OUTPUT_MESSAGES), 'assistant');
  const legacyIn = input.messages.length === 0 ? readLegacyPrompts(attrs) : undefined;
  const legacyOut = output.messages.length === 0 ? readLegacyCompletions(attrs) : undefined;
  draft.inputMessages = legacyIn?.messages.length ? legacyIn.messages : input.messages;
  draft.outputMessages = legacyOut?.messages.length ? legacyOut.messages : output.messages;
  draft.systemInstructions = normalizeInstructions(attrs.json(ATTR_GEN_AI_SYSTEM_INSTRUCTIONS));
  draft.isContentTruncated =
    input.isTruncated || output.isTruncated || !!legacyIn?.isTruncated || !!legacyOut?.isTruncated;
  if (logs.length > 0) {
    const fromLogs = readLogContent(logs);
    if (draft.inputMessages.length === 0) draft.inputMessages = fromLogs.inputMessages;
    if (draft.outputMessages.length === 0) draft.outputMessages = fromLogs.outputMessages;
    if (draft.systemInstructions.length === 0)
      draft.systemInstructions = fromLogs.systemInstructions;
    if (draft.finishReasons?.length === 0) draft.finishReasons = fromLogs.finishReasons;
    draft.isContentTruncated ||= fromLogs.isTruncated;
  }
  if (draft.finishReasons?.length === 0) {
    draft.finishReasons = draft.outputMessages.flatMap((m) =>
      m.finishReason ? [m.finishReason] : [],
    );
  }
  const tools = normalizeToolDefinitions(attrs.json(ATTR_GEN_AI_TOOL_DEFINITIONS));
  draft.toolDefinitions = tools.length > 0 ? tools : readLegacyFunctions(attrs);
  if (draft.kind === 'retrieval') {
    draft.retrievalDocuments = readDocuments(attrs.json(ATTR_GEN_AI_RETRIEVAL_DOCUMENTS));
    draft.inputText = attrs.string(ATTR_GEN_AI_RETRIEVAL_QUERY_TEXT);
  }
  if (draft.kind === 'embedding' && draft.inputMessages.length > 0) {
    draft.embeddingInputs = draft.inputMessages.flatMap((m) =>
      m.parts.flatMap((p) => (p.type === 'text' ? [p.text] : [])),
    );
  }
}

/**
 * `[{id, score, content | text, metadata}]` as written by `gen_ai.retrieval.documents` (and by
 * apps that return search hits); other fields of a hit become its metadata.
 */
export function readDocuments(raw: unknown): RetrievalDocument[] {
  if (!Array.isArray(raw)) return [];
  const out: RetrievalDocument[] = [];
  for (const item of raw.slice(0, MAX_MESSAGES)) {
    if (!isRecord(item)) continue;
    const { id, score, content, text, page_content: pageContent, metadata, ...rest } = item;
    const body = content ?? text ?? pageContent;
    const extra = metadata ?? (Object.keys(rest).length > 0 ? rest : undefined);
    out.push({
      id: optionalText(id),
      content: body === undefined ? undefined : jsonText(body),
      score: typeof score === 'number' ? score : undefined,
      metadata: extra === undefined ? undefined : jsonText(extra),
    });
  }
  return out;
}
