import { useMemo } from 'react';
import type { LlmMessage } from '../../model/llm/llm-call';
import { ChatMessage } from './ChatMessage';
import { JsonBlock } from './JsonBlock';
import { MessageBody, type TextView } from './MessageBody';

export type MessageView = TextView | 'json';

interface MessageListProps {
  readonly messages: readonly LlmMessage[];
  /** Free-form input/output of a span that has no chat messages. */
  readonly fallbackText?: string;
  readonly view: MessageView;
  readonly testId: 'detail-input' | 'detail-output';
}

/** The conversation by role, or the span's plain input/output; raw JSON on request. */
export function MessageList({ messages, fallbackText, view, testId }: MessageListProps) {
  const json = useMemo(
    () => (view === 'json' && messages.length > 0 ? JSON.stringify(messages, null, 2) : undefined),
    [view, messages],
  );
  const copyLabel = testId === 'detail-input' ? 'Copy input' : 'Copy output';
  let body;
  if (messages.length === 0) {
    const text = fallbackText ?? '';
    const looksLikeJson = /^\s*[[{]/.test(text);
    body =
      view === 'json' || looksLikeJson ? (
        <JsonBlock text={text} copyLabel={copyLabel} />
      ) : (
        <MessageBody text={text} view={view} copyLabel={copyLabel} />
      );
  } else if (json !== undefined) {
    body = <JsonBlock text={json} copyLabel={copyLabel} />;
  } else {
    body = (
      <ol className="llm-msgs">
        {messages.map((message, index) => (
          <ChatMessage key={index} message={message} view={view === 'json' ? 'text' : view} />
        ))}
      </ol>
    );
  }
  return (
    <div className="llm-messages" data-testid={testId}>
      {body}
    </div>
  );
}
