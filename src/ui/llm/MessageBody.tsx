import { useState } from 'react';
import { CopyButton } from '../shared/CopyButton';
import { formatCount } from '../shared/format';
import { MAX_MARKDOWN_CHARS, collapsePoint } from './llm-format';
import { Markdown } from './Markdown';

export type TextView = 'text' | 'markdown';

interface MessageBodyProps {
  /** The text as the panel shows it (already masked when masking is on). */
  readonly text: string;
  readonly view: TextView;
  /** Accessible name of the copy button. */
  readonly copyLabel?: string;
}

/**
 * Message text as plain text or safe markdown. Long text is cut (by chars or lines) until the
 * user asks for all of it; markdown past `MAX_MARKDOWN_CHARS` is shown as plain text. The copy
 * button copies the whole text, never the cut preview.
 */
export function MessageBody({ text, view, copyLabel = 'Copy text' }: MessageBodyProps) {
  const [isExpanded, setIsExpanded] = useState(false);
  const cut = isExpanded ? undefined : collapsePoint(text);
  const shown = cut === undefined ? text : `${text.slice(0, cut)}…`;
  const isMarkdown = view === 'markdown' && shown.length <= MAX_MARKDOWN_CHARS;
  return (
    <div className="llm-body">
      {isMarkdown ? <Markdown source={shown} /> : <div className="llm-plain">{shown}</div>}
      <div className="llm-actions">
        {cut !== undefined && (
          <button type="button" className="llm-link" onClick={() => setIsExpanded(true)}>
            show all ({formatCount(text.length)} chars)
          </button>
        )}
        {text !== '' && <CopyButton text={text} label={copyLabel} />}
      </div>
    </div>
  );
}
