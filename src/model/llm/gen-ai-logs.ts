/**
 * Message content the official OTel GenAI instrumentations write as OTLP log records (or span
 * events) instead of span attributes: `gen_ai.{system,user,assistant,tool}.message`,
 * `gen_ai.choice`, and the newer `gen_ai.client.inference.operation.details` that carries the
 * same JSON as the `gen_ai.input.messages` / `gen_ai.output.messages` attributes.
 */
import {
  ATTR_EVENT_NAME,
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
  EVENT_GEN_AI_ASSISTANT_MESSAGE,
  EVENT_GEN_AI_CHOICE,
  EVENT_GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS,
  EVENT_GEN_AI_SYSTEM_MESSAGE,
  EVENT_GEN_AI_TOOL_MESSAGE,
  EVENT_GEN_AI_USER_MESSAGE,
} from '@opentelemetry/semantic-conventions/incubating';
import { attributeValueToJson, type Attribute, type AttributeValue } from '../trace';
import { MAX_MESSAGES, type LlmMessage } from './llm-call';
import { normalizeInstructions, normalizeMessage, normalizeMessages } from './message-json';
import { SpanAttrs, isRecord, jsonText, parseJsonText } from './span-attrs';

/**
 * The fields of a log record this module reads; `OtlpLogRecord` from the OTLP logs reader
 * fits it, so the model stays free of source types.
 */
export interface LlmLogRecord {
  readonly traceId?: string;
  readonly spanId?: string;
  readonly eventName?: string;
  readonly body: AttributeValue;
  readonly attributes: readonly Attribute[];
}

export interface LogContent {
  readonly inputMessages: LlmMessage[];
  readonly outputMessages: LlmMessage[];
  readonly systemInstructions: string[];
  readonly finishReasons: string[];
  readonly isTruncated: boolean;
}

const ROLE_BY_EVENT: Readonly<Record<string, string>> = {
  [EVENT_GEN_AI_SYSTEM_MESSAGE]: 'system',
  [EVENT_GEN_AI_USER_MESSAGE]: 'user',
  [EVENT_GEN_AI_ASSISTANT_MESSAGE]: 'assistant',
  [EVENT_GEN_AI_TOOL_MESSAGE]: 'tool',
};

/** Event name of a record: the field, else its `event.name` attribute. */
function eventNameOf(record: LlmLogRecord): string | undefined {
  if (record.eventName) return record.eventName;
  const attribute = record.attributes.find((a) => a.key === ATTR_EVENT_NAME)?.value;
  return attribute?.type === 'string' ? attribute.value : undefined;
}

/** The body as plain JSON; a string body that holds JSON is parsed (size-guarded). */
function bodyJson(body: AttributeValue): unknown {
  const json = attributeValueToJson(body);
  if (typeof json === 'string' && (json.startsWith('{') || json.startsWith('['))) {
    const parsed = parseJsonText(json);
    return parsed.ok ? parsed.value : json;
  }
  return json;
}

/** Messages of the log records attached to one span, in record order. */
export function readLogContent(logs: readonly LlmLogRecord[]): LogContent {
  const content: LogContent = {
    inputMessages: [],
    outputMessages: [],
    systemInstructions: [],
    finishReasons: [],
    isTruncated: false,
  };
  let seen = 0;
  for (const record of logs) {
    if (++seen > MAX_MESSAGES) return { ...content, isTruncated: true };
    const name = eventNameOf(record);
    if (name === undefined) continue;
    const role = ROLE_BY_EVENT[name];
    if (role !== undefined) {
      const message = normalizeMessage(bodyJson(record.body), role);
      if (message) content.inputMessages.push(message);
    } else if (name === EVENT_GEN_AI_CHOICE) {
      readChoice(bodyJson(record.body), content);
    } else if (name === EVENT_GEN_AI_CLIENT_INFERENCE_OPERATION_DETAILS) {
      readDetails(new SpanAttrs(record.attributes), content);
    }
  }
  return content;
}

/** `{finish_reason, index, message:{role?, content?, tool_calls?}}` */
function readChoice(body: unknown, content: LogContent): void {
  if (!isRecord(body)) return;
  const finishReason = jsonText(body.finish_reason);
  const message = normalizeMessage(body.message ?? {}, 'assistant');
  if (message) {
    content.outputMessages.push(
      finishReason === ''
        ? message
        : { ...message, finishReason: message.finishReason ?? finishReason },
    );
  }
  if (finishReason !== '') content.finishReasons.push(finishReason);
}

function readDetails(attrs: SpanAttrs, content: LogContent): void {
  const input = normalizeMessages(attrs.json(ATTR_GEN_AI_INPUT_MESSAGES), 'user');
  const output = normalizeMessages(attrs.json(ATTR_GEN_AI_OUTPUT_MESSAGES), 'assistant');
  content.inputMessages.push(...input.messages);
  content.outputMessages.push(...output.messages);
  content.systemInstructions.push(
    ...normalizeInstructions(attrs.json(ATTR_GEN_AI_SYSTEM_INSTRUCTIONS)),
  );
  for (const message of output.messages) {
    if (message.finishReason) content.finishReasons.push(message.finishReason);
  }
}
