import type { LlmMessage, LlmPart } from '../../model/llm/llm-call';
import { JsonBlock } from './JsonBlock';
import { MessageBody, type TextView } from './MessageBody';
import { ToolCallList } from './ToolCallList';

interface ChatMessageProps {
  readonly message: LlmMessage;
  readonly view: TextView;
}

/** One message of the conversation: role, text parts, tool calls and tool results. */
export function ChatMessage({ message, view }: ChatMessageProps) {
  const isEmpty = message.parts.length === 0 && message.toolCalls.length === 0;
  const isToolMessage = message.role === 'tool';
  return (
    <li className="llm-msg" data-role={message.role}>
      <div className="llm-msg-head">
        <span className="llm-role">{message.role}</span>
        {message.name && <span className="mono llm-faint">{message.name}</span>}
        {message.toolCallId && (
          <span className="mono llm-faint" title="Answers tool call">
            ↩ {message.toolCallId}
          </span>
        )}
        {message.finishReason && <span className="llm-faint">finish: {message.finishReason}</span>}
      </div>
      {message.parts.map((part, index) => (
        <MessagePart
          key={index}
          part={part}
          view={view}
          isToolMessage={isToolMessage}
          role={message.role}
        />
      ))}
      {message.toolCalls.length > 0 && <ToolCallList calls={message.toolCalls} />}
      {isEmpty && <p className="llm-empty">(no content)</p>}
    </li>
  );
}

function MessagePart({
  part,
  view,
  isToolMessage,
  role,
}: {
  readonly part: LlmPart;
  readonly view: TextView;
  readonly isToolMessage: boolean;
  readonly role: string;
}) {
  switch (part.type) {
    case 'text':
      // A tool message's content is the tool's output, usually JSON.
      return isToolMessage ? (
        <JsonBlock text={part.text} copyLabel={`Copy ${role} message`} />
      ) : (
        <MessageBody text={part.text} view={view} copyLabel={`Copy ${role} message`} />
      );
    case 'reasoning':
      return (
        <div className="llm-reasoning">
          <span className="llm-part-label">reasoning</span>
          <MessageBody text={part.text} view={view} copyLabel="Copy reasoning" />
        </div>
      );
    case 'tool-result':
      return (
        <div className="llm-tool-result" data-error={part.isError ? 'true' : undefined}>
          <span className="llm-part-label">
            {part.isError ? 'tool error' : 'tool result'}
            {part.name && <span className="mono"> {part.name}</span>}
            {part.toolCallId && <span className="mono llm-faint"> ↩ {part.toolCallId}</span>}
          </span>
          <JsonBlock text={part.text} copyLabel="Copy tool result" />
        </div>
      );
    case 'media':
      return (
        <p className="llm-media">
          <span className="llm-part-label">{part.label}</span>{' '}
          <span className="mono llm-faint">{part.text}</span>
        </p>
      );
  }
}
