import { useMemo, useState } from 'react';
import { formatCount } from '../shared/format';
import { collapsePoint, prettyJson } from './llm-format';

interface JsonBlockProps {
  /** JSON text (pretty-printed when it parses) or any other text, shown as-is. */
  readonly text: string;
  readonly label?: string;
}

/** Monospace block for tool arguments, results and raw JSON, collapsed when long. */
export function JsonBlock({ text, label }: JsonBlockProps) {
  const [isExpanded, setIsExpanded] = useState(false);
  const pretty = useMemo(() => prettyJson(text).text, [text]);
  const cut = isExpanded ? undefined : collapsePoint(pretty);
  return (
    <div className="llm-json">
      <pre aria-label={label}>{cut === undefined ? pretty : `${pretty.slice(0, cut)}…`}</pre>
      {cut !== undefined && (
        <button type="button" className="llm-link" onClick={() => setIsExpanded(true)}>
          show all ({formatCount(pretty.length)} chars)
        </button>
      )}
    </div>
  );
}
