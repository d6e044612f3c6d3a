import type { MessageView } from './MessageList';

interface ViewToggleProps {
  readonly view: MessageView;
  readonly onChange: (view: MessageView) => void;
}

const VIEWS: readonly (readonly [MessageView, string])[] = [
  ['markdown', 'Markdown'],
  ['text', 'Text'],
  ['json', 'JSON'],
];

/** Plain text / markdown / raw JSON switch for the messages of a call. */
export function ViewToggle({ view, onChange }: ViewToggleProps) {
  return (
    <div className="llm-view-toggle" role="radiogroup" aria-label="Message view">
      {VIEWS.map(([value, label]) => (
        <button
          key={value}
          type="button"
          role="radio"
          aria-checked={view === value}
          className="llm-view-option"
          onClick={() => onChange(value)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
