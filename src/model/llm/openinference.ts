/**
 * OpenInference (Arize / Phoenix): `openinference.span.kind`, flattened
 * `llm.input_messages.<i>.message.*` / `llm.output_messages.<i>.message.*`, `llm.token_count.*`,
 * `input.value` / `output.value`, `retrieval.documents.*`, `embedding.embeddings.*`.
 *
 * Models: `llm.model_name` is the served model for OpenAI (the requested one is only in
 * `llm.invocation_parameters`), and equals the request when the call failed or streamed.
 * `llm.token_count.prompt` includes cache reads (OpenAI and Anthropic alike).
 */
import {
  EMBEDDING_EMBEDDINGS,
  EMBEDDING_MODEL_NAME,
  EMBEDDING_TEXT,
  INPUT_MIME_TYPE,
  INPUT_VALUE,
  LLM_FINISH_REASON,
  LLM_INPUT_MESSAGES,
  LLM_INVOCATION_PARAMETERS,
  LLM_MODEL_NAME,
  LLM_OUTPUT_MESSAGES,
  LLM_PROVIDER,
  LLM_REQUEST_MODEL_NAME,
  LLM_RESPONSE_MODEL_NAME,
  LLM_SYSTEM,
  LLM_TOKEN_COUNT_COMPLETION,
  LLM_TOKEN_COUNT_COMPLETION_DETAILS_REASONING,
  LLM_TOKEN_COUNT_PROMPT,
  LLM_TOKEN_COUNT_PROMPT_DETAILS_CACHE_READ,
  LLM_TOKEN_COUNT_PROMPT_DETAILS_CACHE_WRITE,
  LLM_TOKEN_COUNT_TOTAL,
  LLM_TOOLS,
  OUTPUT_VALUE,
  OpenInferenceSpanKind,
  SemanticConventions,
  TOOL_ID,
  TOOL_JSON_SCHEMA,
  TOOL_NAME,
  TOOL_PARAMETERS,
} from '@arizeai/openinference-semantic-conventions';
import { normalizeUsage, type LlmCallDraft, type ReadContext } from './call-common';
import { MAX_MESSAGES, type LlmKind, type LlmMessage } from './llm-call';
import {
  normalizeMessage,
  normalizeToolDefinition,
  normalizeInstructions,
  optionalText,
  textMessage,
} from './message-json';
import { readOiMessages, readOiDocuments } from './openinference-messages';
import { entryString, isRecord, parseJsonText, type SpanAttrs } from './span-attrs';

const KIND_BY_SPAN_KIND: Readonly<Record<string, LlmKind>> = {
  [OpenInferenceSpanKind.LLM]: 'llm',
  [OpenInferenceSpanKind.EMBEDDING]: 'embedding',
  [OpenInferenceSpanKind.RETRIEVER]: 'retrieval',
  [OpenInferenceSpanKind.RERANKER]: 'retrieval',
  [OpenInferenceSpanKind.TOOL]: 'tool',
  [OpenInferenceSpanKind.AGENT]: 'agent',
  [OpenInferenceSpanKind.CHAIN]: 'chain',
};

export function isOpenInferenceSpan(attrs: SpanAttrs): boolean {
  return attrs.has(SemanticConventions.OPENINFERENCE_SPAN_KIND);
}

/** `OpenInference`-style span kinds (also used by traceAI's `fi.span.kind`). */
export function kindFromSpanKind(value: string | undefined): LlmKind {
  return (value && KIND_BY_SPAN_KIND[value.toUpperCase()]) || 'other';
}

export function readOpenInference(ctx: ReadContext): LlmCallDraft {
  const { attrs } = ctx;
  const kind = kindFromSpanKind(attrs.string(SemanticConventions.OPENINFERENCE_SPAN_KIND));
  const draft = readOiFields(ctx, kind);
  draft.family = 'openinference';
  return draft;
}

/** Everything but the family; traceAI reuses it for its OpenInference-shaped attributes. */
export function readOiFields(ctx: ReadContext, kind: LlmKind): LlmCallDraft {
  const { attrs } = ctx;
  const params = kind === 'llm' ? attrs.json(LLM_INVOCATION_PARAMETERS) : undefined;
  const invocation = isRecord(params) ? params : {};
  const requestModel =
    attrs.firstString(LLM_REQUEST_MODEL_NAME, EMBEDDING_MODEL_NAME) ??
    optionalText(invocation.model) ??
    attrs.string(LLM_MODEL_NAME);
  const modelName = attrs.string(LLM_MODEL_NAME);
  const draft: LlmCallDraft = {
    family: 'openinference',
    kind,
    provider: attrs.firstString(LLM_PROVIDER, LLM_SYSTEM),
    requestModel,
    responseModel:
      attrs.string(LLM_RESPONSE_MODEL_NAME) ?? (modelName !== requestModel ? modelName : undefined),
    usage: normalizeUsage({
      input: attrs.count(LLM_TOKEN_COUNT_PROMPT),
      output: attrs.count(LLM_TOKEN_COUNT_COMPLETION),
      cacheRead: attrs.count(LLM_TOKEN_COUNT_PROMPT_DETAILS_CACHE_READ),
      cacheWrite: attrs.count(LLM_TOKEN_COUNT_PROMPT_DETAILS_CACHE_WRITE),
      reasoning: attrs.count(LLM_TOKEN_COUNT_COMPLETION_DETAILS_REASONING),
      total: attrs.count(LLM_TOKEN_COUNT_TOTAL),
    }),
    finishReasons: attrs.stringList(LLM_FINISH_REASON),
    isStreaming: invocation.stream === true ? true : undefined,
  };
  if (kind === 'tool') {
    draft.tool = {
      name: attrs.string(TOOL_NAME),
      callId: attrs.string(TOOL_ID),
      arguments: ctx.includeContent ? attrs.firstString(TOOL_PARAMETERS, INPUT_VALUE) : undefined,
      result: ctx.includeContent ? attrs.string(OUTPUT_VALUE) : undefined,
    };
  }
  if (ctx.includeContent) readContent(attrs, kind, invocation, draft);
  return draft;
}

function readContent(
  attrs: SpanAttrs,
  kind: LlmKind,
  invocation: Record<string, unknown>,
  draft: LlmCallDraft,
): void {
  // The request body in `input.value` is preferred: the flattened list can lose content (the
  // Anthropic instrumentation keeps only the last of several tool_result blocks of a message).
  const request = kind === 'llm' ? messagesFromRequest(attrs) : [];
  const input = request.length > 0 ? undefined : readOiMessages(attrs, LLM_INPUT_MESSAGES);
  const output = readOiMessages(attrs, LLM_OUTPUT_MESSAGES);
  draft.inputMessages = input?.messages ?? request;
  draft.outputMessages = output.messages;
  draft.isContentTruncated = !!input?.isTruncated || output.isTruncated;
  draft.systemInstructions = normalizeInstructions(invocation.system);
  if (kind === 'llm' && draft.outputMessages.length === 0) {
    draft.outputMessages = messagesFromResponse(attrs);
  }
  if (draft.inputMessages.length === 0) draft.inputText = attrs.string(INPUT_VALUE);
  if (draft.outputMessages.length === 0) draft.outputText = attrs.string(OUTPUT_VALUE);
  draft.toolDefinitions = attrs.indexed(LLM_TOOLS, MAX_MESSAGES).flatMap((group) => {
    const schema = entryString(group, TOOL_JSON_SCHEMA);
    const parsed = schema === undefined ? undefined : parseJsonText(schema);
    return (parsed?.ok && normalizeToolDefinition(parsed.value)) || [];
  });
  if (kind === 'retrieval') draft.retrievalDocuments = readOiDocuments(attrs);
  if (kind === 'embedding') {
    draft.embeddingInputs = attrs
      .indexed(EMBEDDING_EMBEDDINGS, MAX_MESSAGES)
      .flatMap((group) => entryString(group, EMBEDDING_TEXT) ?? []);
  }
}

/** `input.value` holding the request body (`{messages:[…]}`), when no flattened messages exist. */
function messagesFromRequest(attrs: SpanAttrs): LlmMessage[] {
  if (attrs.string(INPUT_MIME_TYPE) !== 'application/json') return [];
  const body = attrs.json(INPUT_VALUE);
  if (!isRecord(body) || !Array.isArray(body.messages)) return [];
  return body.messages.slice(0, MAX_MESSAGES).flatMap((m) => normalizeMessage(m, 'user') ?? []);
}

/** `output.value` holding an OpenAI (`choices`) or Anthropic (`content`) response body. */
function messagesFromResponse(attrs: SpanAttrs): LlmMessage[] {
  const body = attrs.json(OUTPUT_VALUE);
  if (isRecord(body) && Array.isArray(body.choices)) {
    return body.choices.slice(0, MAX_MESSAGES).flatMap((choice) => {
      if (!isRecord(choice)) return [];
      const message = normalizeMessage(choice.message ?? {}, 'assistant');
      return message ? [{ ...message, finishReason: optionalText(choice.finish_reason) }] : [];
    });
  }
  if (isRecord(body) && Array.isArray(body.content)) {
    const message = normalizeMessage(body, 'assistant');
    return message ? [{ ...message, finishReason: optionalText(body.stop_reason) }] : [];
  }
  const text = attrs.string(OUTPUT_VALUE);
  return text !== undefined && body === undefined ? [textMessage('assistant', text)] : [];
}
