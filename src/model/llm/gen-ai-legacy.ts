/**
 * The older flattened GenAI content that OpenLLMetry ≤0.22 (and most Python OpenLLMetry)
 * still emits: `gen_ai.prompt.<i>.{role,content}`, `gen_ai.completion.<i>.{role,content,
 * finish_reason,tool_calls.<j>.{id,name,arguments}}`, `llm.request.functions.<i>.*`.
 */
import {
  ATTR_GEN_AI_COMPLETION,
  ATTR_GEN_AI_PROMPT,
} from '@opentelemetry/semantic-conventions/incubating';
import { SpanAttributes } from '@traceloop/ai-semantic-conventions';
import {
  MAX_MESSAGES,
  type LlmMessage,
  type LlmToolCall,
  type LlmToolDefinition,
} from './llm-call';
import { normalizeMessage, textMessage } from './message-json';
import {
  entryString,
  indexEntries,
  parseJsonText,
  type IndexedEntries,
  type SpanAttrs,
} from './span-attrs';

export interface LegacyList {
  readonly messages: LlmMessage[];
  readonly isTruncated: boolean;
}

export function hasLegacyContent(attrs: SpanAttrs): boolean {
  return attrs.hasPrefix(`${ATTR_GEN_AI_PROMPT}.`) || attrs.hasPrefix(`${ATTR_GEN_AI_COMPLETION}.`);
}

export function readLegacyPrompts(attrs: SpanAttrs): LegacyList {
  return readList(attrs.indexed(ATTR_GEN_AI_PROMPT, MAX_MESSAGES + 1), 'user');
}

export function readLegacyCompletions(attrs: SpanAttrs): LegacyList {
  return readList(attrs.indexed(ATTR_GEN_AI_COMPLETION, MAX_MESSAGES + 1), 'assistant');
}

/** Finish reasons of the completions, without reading their content. */
export function readLegacyFinishReasons(attrs: SpanAttrs): string[] {
  const out: string[] = [];
  for (const group of attrs.indexed(ATTR_GEN_AI_COMPLETION, MAX_MESSAGES)) {
    const reason = entryString(group, 'finish_reason');
    if (reason) out.push(reason);
  }
  return out;
}

function readList(groups: IndexedEntries[], defaultRole: string): LegacyList {
  const messages = groups.slice(0, MAX_MESSAGES).map((g) => readMessage(g, defaultRole));
  return { messages, isTruncated: groups.length > MAX_MESSAGES };
}

function readMessage(group: IndexedEntries, defaultRole: string): LlmMessage {
  const role = entryString(group, 'role') ?? defaultRole;
  const base = contentMessage(role, entryString(group, 'content') ?? '');
  const toolCalls: LlmToolCall[] = [...base.toolCalls];
  for (const call of indexEntries(group.entries(), 'tool_calls', MAX_MESSAGES)) {
    const name = entryString(call, 'name');
    if (name)
      toolCalls.push({
        id: entryString(call, 'id'),
        name,
        arguments: entryString(call, 'arguments'),
      });
  }
  return {
    ...base,
    role,
    toolCalls,
    toolCallId: entryString(group, 'tool_call_id'),
    finishReason: entryString(group, 'finish_reason'),
  };
}

/**
 * Content is plain text, except that assistant turns which only made tool calls are recorded
 * as the text `null`, and the old Anthropic instrumentation stored content blocks as JSON.
 */
function contentMessage(role: string, content: string): LlmMessage {
  if (content === 'null') return textMessage(role, '');
  if (content.startsWith('[{')) {
    const parsed = parseJsonText(content);
    if (parsed.ok && Array.isArray(parsed.value)) {
      const message = normalizeMessage({ role, content: parsed.value }, role);
      if (message) return message;
    }
  }
  return textMessage(role, content);
}

/** `llm.request.functions.<i>.{name, description, arguments}` (arguments = JSON schema). */
export function readLegacyFunctions(attrs: SpanAttrs): LlmToolDefinition[] {
  const out: LlmToolDefinition[] = [];
  for (const group of attrs.indexed(SpanAttributes.LLM_REQUEST_FUNCTIONS, MAX_MESSAGES)) {
    const name = entryString(group, 'name');
    if (!name) continue;
    out.push({
      name,
      description: entryString(group, 'description'),
      parameters: entryString(group, 'arguments') ?? entryString(group, 'parameters'),
    });
  }
  return out;
}
