/**
 * Chat messages as JSON → `LlmMessage`. One normaliser reads every shape seen in the
 * conventions, by the part's `type`:
 * - OTel GenAI parts: `{role, parts:[{type:'text',content} | {type:'tool_call',id,name,arguments}
 *   | {type:'tool_call_response',id,response}]}`
 * - OpenAI chat: `{role, content: string | [{type:'text',text}], tool_calls:[{id,function:{…}}]}`
 * - Anthropic: content blocks `text`, `tool_use {id,name,input}`, `tool_result`, `thinking`
 * - Vercel AI: `text`, `tool-call {toolCallId,toolName,input|args}`, `tool-result`, `reasoning`
 */
import type { LlmMessage, LlmPart, LlmToolCall, LlmToolDefinition } from './llm-call';
import { MAX_MESSAGES } from './llm-call';
import { isRecord, jsonText } from './span-attrs';

export interface MessageList {
  readonly messages: LlmMessage[];
  readonly isTruncated: boolean;
}

/** A message list from JSON: an array, `{messages:[…]}`, a single message, or plain text. */
export function normalizeMessages(raw: unknown, defaultRole: string): MessageList {
  if (raw === undefined || raw === null) return { messages: [], isTruncated: false };
  let list: unknown[];
  if (Array.isArray(raw)) list = raw;
  else if (isRecord(raw) && Array.isArray(raw.messages)) list = raw.messages;
  else list = [raw];
  const messages: LlmMessage[] = [];
  for (const item of list.slice(0, MAX_MESSAGES)) {
    const message = normalizeMessage(item, defaultRole);
    if (message) messages.push(message);
  }
  return { messages, isTruncated: list.length > MAX_MESSAGES };
}

/** One message from any known JSON shape; a bare string is a text message of `defaultRole`. */
export function normalizeMessage(raw: unknown, defaultRole: string): LlmMessage | undefined {
  if (typeof raw === 'string') return textMessage(defaultRole, raw);
  if (!isRecord(raw)) return undefined;
  const parts: LlmPart[] = [];
  const toolCalls: LlmToolCall[] = [];
  const content = raw.parts ?? raw.content;
  if (typeof content === 'string') {
    if (content !== '') parts.push({ type: 'text', text: content });
  } else if (Array.isArray(content)) {
    for (const part of content.slice(0, MAX_MESSAGES)) readPart(part, parts, toolCalls);
  } else if (isRecord(content)) {
    readPart(content, parts, toolCalls);
  }
  if (Array.isArray(raw.tool_calls)) {
    for (const call of raw.tool_calls.slice(0, MAX_MESSAGES)) {
      const toolCall = normalizeToolCall(call);
      if (toolCall) toolCalls.push(toolCall);
    }
  }
  const toolCallId = optionalText(raw.tool_call_id ?? raw.toolCallId ?? raw.id);
  const role = optionalText(raw.role) ?? defaultRole;
  return {
    role,
    parts,
    toolCalls,
    toolCallId: role === 'tool' ? toolCallId : optionalText(raw.tool_call_id),
    name: optionalText(raw.name),
    finishReason: optionalText(raw.finish_reason ?? raw.finishReason),
  };
}

export function textMessage(role: string, text: string): LlmMessage {
  return { role, parts: text === '' ? [] : [{ type: 'text', text }], toolCalls: [] };
}

function readPart(raw: unknown, parts: LlmPart[], toolCalls: LlmToolCall[]): void {
  if (typeof raw === 'string') {
    parts.push({ type: 'text', text: raw });
    return;
  }
  if (!isRecord(raw)) return;
  const type = typeof raw.type === 'string' ? raw.type : 'text';
  switch (type) {
    case 'text':
    case 'input_text':
    case 'output_text':
      parts.push({ type: 'text', text: jsonText(raw.content ?? raw.text) });
      return;
    case 'reasoning':
    case 'thinking':
      parts.push({ type: 'reasoning', text: jsonText(raw.content ?? raw.text ?? raw.thinking) });
      return;
    case 'tool_call':
    case 'tool_use':
    case 'tool-call':
    case 'function_call': {
      const call = normalizeToolCall(raw);
      if (call) toolCalls.push(call);
      return;
    }
    case 'tool_call_response':
    case 'tool_result':
    case 'tool-result':
    case 'function_call_output':
      parts.push({
        type: 'tool-result',
        toolCallId: optionalText(raw.id ?? raw.tool_use_id ?? raw.toolCallId ?? raw.call_id),
        name: optionalText(raw.toolName ?? raw.name),
        text: toolResultText(raw.response ?? raw.result ?? raw.content ?? raw.output),
        isError: raw.is_error === true || isErrorOutput(raw.output) || undefined,
      });
      return;
    default:
      parts.push({ type: 'media', label: type, text: mediaText(raw) });
  }
}

/** Anthropic tool_result content may itself be a list of text blocks. */
function toolResultText(value: unknown): string {
  if (Array.isArray(value) && value.every((b) => isRecord(b) && typeof b.text === 'string')) {
    return value.map((b) => (b as { text: string }).text).join('\n');
  }
  // Vercel AI ≥5 tool output: `{type: 'text' | 'json' | 'error-text' | 'error-json', value}`.
  if (isRecord(value) && typeof value.type === 'string' && 'value' in value) {
    return jsonText(value.value);
  }
  return jsonText(value);
}

function isErrorOutput(output: unknown): boolean {
  return isRecord(output) && typeof output.type === 'string' && output.type.startsWith('error');
}

/** A URL when there is one (never fetched), else the part as JSON. */
function mediaText(raw: Record<string, unknown>): string {
  const url = raw.uri ?? raw.url ?? (isRecord(raw.image_url) ? raw.image_url.url : raw.image_url);
  if (typeof url === 'string') return url;
  return jsonText(raw);
}

/** `{id, name, arguments}`, `{id, function:{name, arguments}}`, `{toolCallId, toolName, input}`. */
export function normalizeToolCall(raw: unknown): LlmToolCall | undefined {
  if (!isRecord(raw)) return undefined;
  const fn = isRecord(raw.function) ? raw.function : raw;
  const name = optionalText(fn.name ?? raw.toolName);
  if (name === undefined) return undefined;
  const args = fn.arguments ?? raw.input ?? raw.args;
  return {
    id: optionalText(raw.id ?? raw.toolCallId ?? raw.call_id),
    name,
    arguments: args === undefined ? undefined : jsonText(args),
  };
}

/** OpenAI `{type:'function', function:{…}}`, Anthropic `{name, input_schema}`, Vercel `{name, inputSchema}`. */
export function normalizeToolDefinition(raw: unknown): LlmToolDefinition | undefined {
  if (!isRecord(raw)) return undefined;
  const fn = isRecord(raw.function) ? raw.function : raw;
  const name = optionalText(fn.name);
  if (name === undefined) return undefined;
  const schema = fn.parameters ?? fn.input_schema ?? fn.inputSchema;
  return {
    name,
    description: optionalText(fn.description),
    parameters: schema === undefined ? undefined : jsonText(schema),
  };
}

export function normalizeToolDefinitions(raw: unknown): LlmToolDefinition[] {
  const list = Array.isArray(raw)
    ? raw
    : isRecord(raw) && Array.isArray(raw.tools)
      ? raw.tools
      : [];
  const out: LlmToolDefinition[] = [];
  for (const item of list.slice(0, MAX_MESSAGES)) {
    const definition = normalizeToolDefinition(item);
    if (definition) out.push(definition);
  }
  return out;
}

/** System instructions: a string, a list of text parts, or Anthropic system blocks. */
export function normalizeInstructions(raw: unknown): string[] {
  if (typeof raw === 'string') return raw === '' ? [] : [raw];
  if (!Array.isArray(raw)) return isRecord(raw) ? normalizeInstructions([raw]) : [];
  const out: string[] = [];
  for (const item of raw.slice(0, MAX_MESSAGES)) {
    if (typeof item === 'string') out.push(item);
    else if (isRecord(item)) out.push(jsonText(item.content ?? item.text ?? item));
  }
  return out.filter((text) => text !== '');
}

export function optionalText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
