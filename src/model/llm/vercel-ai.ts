/**
 * Vercel AI SDK `experimental_telemetry` (`ai.*`). Each call makes an outer span
 * (`ai.generateText`, `ai.streamText`, `ai.embed`, …) over one provider call per step
 * (`…doGenerate`, `…doStream`, `…doEmbed`); tool executions are `ai.toolCall` spans.
 * The outer span repeats the summed usage of its steps; extract.ts counts only the inner ones.
 * `ai.usage.inputTokens` includes cached tokens (`inputTokenDetails.noCacheTokens` is the rest).
 * No constants package exists for these names; they are taken from the reference document.
 */
import {
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_SYSTEM,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
} from '@opentelemetry/semantic-conventions/incubating';
import { asNanos } from '../trace';
import { normalizeUsage, type LlmCallDraft, type ReadContext } from './call-common';
import { MAX_MESSAGES, type LlmKind, type LlmMessage } from './llm-call';
import {
  normalizeMessages,
  normalizeToolCall,
  normalizeToolDefinition,
  textMessage,
} from './message-json';
import { SpanAttrs, isRecord, jsonText, parseJsonText } from './span-attrs';

export const AI_OPERATION_ID = 'ai.operationId';
const AI = {
  modelId: 'ai.model.id',
  provider: 'ai.model.provider',
  promptMessages: 'ai.prompt.messages',
  prompt: 'ai.prompt',
  tools: 'ai.prompt.tools',
  responseText: 'ai.response.text',
  responseToolCalls: 'ai.response.toolCalls',
  responseObject: 'ai.response.object',
  responseModel: 'ai.response.model',
  finishReason: 'ai.response.finishReason',
  msToFirstChunk: 'ai.response.msToFirstChunk',
  toolName: 'ai.toolCall.name',
  toolId: 'ai.toolCall.id',
  toolArgs: 'ai.toolCall.args',
  toolInput: 'ai.toolCall.input',
  toolResult: 'ai.toolCall.result',
  toolOutput: 'ai.toolCall.output',
  value: 'ai.value',
  values: 'ai.values',
} as const;
const USAGE = {
  input: ['ai.usage.inputTokens', 'ai.usage.promptTokens', 'ai.usage.tokens'],
  output: ['ai.usage.outputTokens', 'ai.usage.completionTokens'],
  cacheRead: ['ai.usage.inputTokenDetails.cacheReadTokens', 'ai.usage.cachedInputTokens'],
  cacheWrite: ['ai.usage.inputTokenDetails.cacheWriteTokens'],
  reasoning: ['ai.usage.outputTokenDetails.reasoningTokens', 'ai.usage.reasoningTokens'],
  total: ['ai.usage.totalTokens'],
} as const;
const FIRST_CHUNK_EVENT = 'ai.stream.firstChunk';

export function isVercelAiSpan(attrs: SpanAttrs): boolean {
  return attrs.has(AI_OPERATION_ID);
}

function kindOf(operationId: string): LlmKind {
  if (operationId === 'ai.toolCall') return 'tool';
  if (/\.embed/i.test(operationId)) return 'embedding';
  return 'llm';
}

export function readVercelAi(ctx: ReadContext): LlmCallDraft {
  const { attrs, span } = ctx;
  const operation = attrs.string(AI_OPERATION_ID) ?? '';
  const kind = kindOf(operation);
  const firstChunk = span.events.find((e) => e.name === FIRST_CHUNK_EVENT);
  const ttftMs =
    attrs.number(AI.msToFirstChunk) ??
    (firstChunk ? new SpanAttrs(firstChunk.attributes).number(AI.msToFirstChunk) : undefined);
  const finishReason = attrs.string(AI.finishReason);
  const draft: LlmCallDraft = {
    family: 'vercel-ai',
    kind,
    operation,
    provider: attrs.firstString(AI.provider, ATTR_GEN_AI_SYSTEM),
    requestModel: attrs.firstString(AI.modelId, ATTR_GEN_AI_REQUEST_MODEL),
    responseModel: attrs.firstString(AI.responseModel, ATTR_GEN_AI_RESPONSE_MODEL),
    usage: normalizeUsage({
      input: attrs.count(...USAGE.input, ATTR_GEN_AI_USAGE_INPUT_TOKENS),
      output: attrs.count(...USAGE.output, ATTR_GEN_AI_USAGE_OUTPUT_TOKENS),
      cacheRead: attrs.count(...USAGE.cacheRead),
      cacheWrite: attrs.count(...USAGE.cacheWrite),
      reasoning: attrs.count(...USAGE.reasoning),
      total: attrs.count(...USAGE.total),
      inputIncludesCache: true,
    }),
    finishReasons: finishReason
      ? [finishReason]
      : attrs.stringList(ATTR_GEN_AI_RESPONSE_FINISH_REASONS),
    timeToFirstTokenNs: ttftMs === undefined ? undefined : asNanos(Math.round(ttftMs * 1e6)),
    isStreaming: operation.includes('stream') || undefined,
  };
  if (kind === 'tool') {
    draft.tool = {
      name: attrs.string(AI.toolName),
      callId: attrs.string(AI.toolId),
      arguments: ctx.includeContent ? attrs.firstString(AI.toolArgs, AI.toolInput) : undefined,
      result: ctx.includeContent ? attrs.firstString(AI.toolResult, AI.toolOutput) : undefined,
    };
  }
  if (ctx.includeContent) readContent(attrs, kind, draft);
  return draft;
}

function readContent(attrs: SpanAttrs, kind: LlmKind, draft: LlmCallDraft): void {
  if (kind === 'embedding') {
    draft.embeddingInputs = readEmbeddingInputs(attrs);
    return;
  }
  if (kind !== 'llm') return;
  const messages = normalizeMessages(attrs.json(AI.promptMessages), 'user');
  draft.inputMessages = messages.messages;
  draft.isContentTruncated = messages.isTruncated;
  // The outer span has only `ai.prompt` = {system?, prompt? | messages?}.
  const prompt = attrs.json(AI.prompt);
  if (draft.inputMessages.length === 0 && isRecord(prompt)) {
    if (typeof prompt.system === 'string') draft.systemInstructions = [prompt.system];
    if (Array.isArray(prompt.messages)) {
      draft.inputMessages = normalizeMessages(prompt.messages, 'user').messages;
    } else if (typeof prompt.prompt === 'string') {
      draft.inputMessages = [textMessage('user', prompt.prompt)];
    }
  }
  draft.outputMessages = readOutput(attrs, draft.finishReasons?.[0]);
  draft.toolDefinitions = attrs
    .stringList(AI.tools)
    .slice(0, MAX_MESSAGES)
    .flatMap((text) => {
      const parsed = parseJsonText(text);
      return (parsed.ok && normalizeToolDefinition(parsed.value)) || [];
    });
}

function readOutput(attrs: SpanAttrs, finishReason: string | undefined): LlmMessage[] {
  const text = attrs.string(AI.responseText) ?? jsonTextOf(attrs, AI.responseObject);
  const rawCalls = attrs.json(AI.responseToolCalls);
  const toolCalls = Array.isArray(rawCalls)
    ? rawCalls.slice(0, MAX_MESSAGES).flatMap((c) => normalizeToolCall(c) ?? [])
    : [];
  if (text === undefined && toolCalls.length === 0) return [];
  return [{ ...textMessage('assistant', text ?? ''), toolCalls, finishReason }];
}

function jsonTextOf(attrs: SpanAttrs, key: string): string | undefined {
  return attrs.has(key) ? jsonText(attrs.json(key) ?? attrs.string(key)) : undefined;
}

/** `ai.values` is an array of JSON-encoded strings; `ai.value` one JSON-encoded string. */
function readEmbeddingInputs(attrs: SpanAttrs): string[] {
  const raw = attrs.has(AI.values) ? attrs.stringList(AI.values) : attrs.stringList(AI.value);
  return raw.slice(0, MAX_MESSAGES).map((text) => {
    const parsed = parseJsonText(text);
    return parsed.ok ? jsonText(parsed.value) : text;
  });
}
