import { useMemo, useState } from 'react';
import { CopyButton } from '../shared/CopyButton';
import { formatCount } from '../shared/format';
import {
  PRETTY_AUTO_MAX_CHARS,
  VALUE_TRUNCATE_CHARS,
  prettyJson,
  truncateText,
} from './attribute-text';

interface AttributeValueViewProps {
  readonly text: string;
  readonly isStructured: boolean;
  /** Names the value for the copy button, e.g. the attribute key. */
  readonly name: string;
}

/**
 * One attribute value: plain text, or pretty JSON in a <pre> with a toggle. Never puts more than
 * VALUE_TRUNCATE_CHARS into the DOM until "show all" is clicked, so 5 MB values stay cheap.
 */
export function AttributeValueView({ text, isStructured, name }: AttributeValueViewProps) {
  const [isPretty, setIsPretty] = useState(isStructured && text.length <= PRETTY_AUTO_MAX_CHARS);
  const [isExpanded, setIsExpanded] = useState(false);
  const pretty = useMemo(
    () => (isStructured && isPretty ? prettyJson(text) : null),
    [isStructured, isPretty, text],
  );
  const shown = pretty ?? text;
  // Structured-looking text that does not parse stays raw, and the toggle goes away.
  const canTogglePretty = isStructured && !(isPretty && pretty === null);
  const isTruncated = !isExpanded && shown.length > VALUE_TRUNCATE_CHARS;
  const visible = isTruncated ? truncateText(shown, VALUE_TRUNCATE_CHARS) : shown;

  return (
    <div className="sd-value">
      <div className="sd-value-text">
        {text === '' ? (
          <span className="sd-empty">(empty)</span>
        ) : pretty !== null ? (
          <pre className="sd-pre">{visible}</pre>
        ) : (
          <span className="sd-plain">{visible}</span>
        )}
        {isTruncated && <span className="sd-ellipsis">…</span>}
      </div>
      <div className="sd-value-actions">
        {isTruncated && (
          <button type="button" className="sd-link" onClick={() => setIsExpanded(true)}>
            show all ({formatCount(shown.length)} chars)
          </button>
        )}
        {isExpanded && shown.length > VALUE_TRUNCATE_CHARS && (
          <button type="button" className="sd-link" onClick={() => setIsExpanded(false)}>
            show less
          </button>
        )}
        {canTogglePretty && (
          <button type="button" className="sd-link" onClick={() => setIsPretty((value) => !value)}>
            {isPretty ? 'raw' : 'pretty'}
          </button>
        )}
        <CopyButton text={text} label={`Copy value of ${name}`} />
      </div>
    </div>
  );
}
