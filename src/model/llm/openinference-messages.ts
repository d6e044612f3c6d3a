/**
 * OpenInference flattened lists: messages (`<prefix>.<i>.message.{role, content, contents.<k>.
 * message_content.*, tool_calls.<j>.tool_call.*, tool_call_id, name}`) and retrieval documents.
 * The Anthropic instrumentation repeats each tool call under `contents.<k>.tool_call.*`; those
 * copies are used only when `tool_calls` is absent.
 */
import {
  DOCUMENT_CONTENT,
  DOCUMENT_ID,
  DOCUMENT_METADATA,
  DOCUMENT_SCORE,
  IMAGE_URL,
  MESSAGE_CONTENT,
  MESSAGE_CONTENT_IMAGE,
  MESSAGE_CONTENT_TEXT,
  MESSAGE_CONTENT_TYPE,
  MESSAGE_CONTENTS,
  MESSAGE_NAME,
  MESSAGE_ROLE,
  MESSAGE_TOOL_CALL_ID,
  MESSAGE_TOOL_CALLS,
  RERANKER_OUTPUT_DOCUMENTS,
  RETRIEVAL_DOCUMENTS,
  TOOL_CALL_FUNCTION_ARGUMENTS_JSON,
  TOOL_CALL_FUNCTION_NAME,
  TOOL_CALL_ID,
} from '@arizeai/openinference-semantic-conventions';
import type { LlmMessage, LlmPart, LlmToolCall, RetrievalDocument } from './llm-call';
import { MAX_MESSAGES } from './llm-call';
import {
  entryString,
  indexEntries,
  toNumber,
  type IndexedEntries,
  type SpanAttrs,
} from './span-attrs';

export interface OiMessageList {
  readonly messages: LlmMessage[];
  readonly isTruncated: boolean;
}

export function readOiMessages(attrs: SpanAttrs, prefix: string): OiMessageList {
  const groups = attrs.indexed(prefix, MAX_MESSAGES + 1);
  return {
    messages: groups.slice(0, MAX_MESSAGES).map(readMessage),
    isTruncated: groups.length > MAX_MESSAGES,
  };
}

function readMessage(group: IndexedEntries): LlmMessage {
  const parts: LlmPart[] = [];
  const content = entryString(group, MESSAGE_CONTENT);
  if (content !== undefined && content !== '') parts.push({ type: 'text', text: content });
  const contentCalls: LlmToolCall[] = [];
  for (const item of indexEntries(group.entries(), MESSAGE_CONTENTS, MAX_MESSAGES)) {
    const type = entryString(item, MESSAGE_CONTENT_TYPE);
    const text = entryString(item, MESSAGE_CONTENT_TEXT);
    const imageUrl = entryString(item, `${MESSAGE_CONTENT_IMAGE}.${IMAGE_URL}`);
    if (text !== undefined && (type === undefined || type === 'text')) {
      parts.push({ type: 'text', text });
    } else if (imageUrl !== undefined) {
      parts.push({ type: 'media', label: 'image', text: imageUrl });
    }
    const call = readToolCall(item);
    if (call) contentCalls.push(call);
  }
  const toolCalls = indexEntries(group.entries(), MESSAGE_TOOL_CALLS, MAX_MESSAGES).flatMap(
    (item) => readToolCall(item) ?? [],
  );
  return {
    role: entryString(group, MESSAGE_ROLE) ?? 'unknown',
    parts,
    toolCalls: toolCalls.length > 0 ? toolCalls : contentCalls,
    toolCallId: entryString(group, MESSAGE_TOOL_CALL_ID),
    name: entryString(group, MESSAGE_NAME),
  };
}

/** `tool_call.{id, function.name, function.arguments}` inside one group. */
function readToolCall(item: IndexedEntries): LlmToolCall | undefined {
  const name = entryString(item, TOOL_CALL_FUNCTION_NAME);
  if (name === undefined) return undefined;
  return {
    id: entryString(item, TOOL_CALL_ID),
    name,
    arguments: entryString(item, TOOL_CALL_FUNCTION_ARGUMENTS_JSON),
  };
}

/** `retrieval.documents.<i>.document.{id, content, score, metadata}` (reranker output too). */
export function readOiDocuments(attrs: SpanAttrs): RetrievalDocument[] {
  let groups = attrs.indexed(RETRIEVAL_DOCUMENTS, MAX_MESSAGES);
  if (groups.length === 0) groups = attrs.indexed(RERANKER_OUTPUT_DOCUMENTS, MAX_MESSAGES);
  return groups.map((group) => ({
    id: entryString(group, DOCUMENT_ID),
    content: entryString(group, DOCUMENT_CONTENT),
    score: toNumber(group.get(DOCUMENT_SCORE)),
    metadata: entryString(group, DOCUMENT_METADATA),
  }));
}
