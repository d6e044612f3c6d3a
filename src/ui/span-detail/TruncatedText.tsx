import { useState } from 'react';
import { formatCount } from '../shared/format';
import { VALUE_TRUNCATE_CHARS, truncateText } from './attribute-text';

interface TruncatedTextProps {
  readonly text: string;
  readonly limit?: number;
}

/** Trace text (names, messages) cut at `limit` chars until the user asks for all of it. */
export function TruncatedText({ text, limit = VALUE_TRUNCATE_CHARS }: TruncatedTextProps) {
  const [isExpanded, setIsExpanded] = useState(false);
  if (isExpanded || text.length <= limit) return <>{text}</>;
  return (
    <>
      {truncateText(text, limit)}…{' '}
      <button type="button" className="sd-link" onClick={() => setIsExpanded(true)}>
        show all ({formatCount(text.length)} chars)
      </button>
    </>
  );
}
