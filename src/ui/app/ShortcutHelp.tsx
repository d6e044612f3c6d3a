const SHORTCUTS: readonly [string, string][] = [
  ['↑ / ↓', 'Select the previous / next row'],
  ['←', 'Collapse the selected span, or go to its parent'],
  ['→', 'Expand the selected span'],
  ['- / +', 'Collapse / expand every span'],
  ['/', 'Focus the filter'],
  ['Enter / Shift+Enter', 'In the filter: next / previous match'],
  ['n / N', 'Next / previous match'],
  ['Esc', 'Close the span details, or leave the filter'],
  ['?', 'Show or hide this list'],
];

/** The `?` overlay listing keyboard shortcuts. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="shortcut-backdrop" role="presentation" onClick={onClose}>
      <div
        className="shortcut-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        onClick={(event) => event.stopPropagation()}
      >
        <h2>Keyboard shortcuts</h2>
        <dl>
          {SHORTCUTS.map(([keys, meaning]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="icon-button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
