import { useMemo, useState } from 'react';
import { CopyButton } from '../shared/CopyButton';
import { formatCount } from '../shared/format';
import { collapsePoint, prettyJson } from './llm-format';

interface JsonBlockProps {
  /** JSON text (pretty-printed when it parses) or any other text, shown as-is; already masked. */
  readonly text: string;
  /** Accessible name of the block, e.g. "Arguments of get_weather". */
  readonly label?: string;
  /** Accessible name of the copy button; defaults to "Copy <label>" or "Copy JSON". */
  readonly copyLabel?: string;
}

/** Monospace block for tool arguments, results and raw JSON, collapsed when long. */
export function JsonBlock({ text, label, copyLabel }: JsonBlockProps) {
  const [isExpanded, setIsExpanded] = useState(false);
  const pretty = useMemo(() => prettyJson(text).text, [text]);
  const cut = isExpanded ? undefined : collapsePoint(pretty);
  return (
    <div className="llm-json">
      <pre aria-label={label}>{cut === undefined ? pretty : `${pretty.slice(0, cut)}…`}</pre>
      <div className="llm-actions">
        {cut !== undefined && (
          <button type="button" className="llm-link" onClick={() => setIsExpanded(true)}>
            show all ({formatCount(pretty.length)} chars)
          </button>
        )}
        {text !== '' && (
          <CopyButton
            text={pretty}
            label={copyLabel ?? (label ? `Copy ${lowerFirst(label)}` : 'Copy JSON')}
          />
        )}
      </div>
    </div>
  );
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
