import { useId, useState } from 'react';
import {
  selectMaskInPanel,
  selectMaskOnExport,
  selectMaskedKeys,
  usePrivacy,
} from '../../state/privacy';

/** One key per line; commas also separate, since keys never contain them. */
function parseKeys(text: string): string[] {
  return text.split(/[\n,]/);
}

/**
 * The privacy preferences: masking in the span panel, masking of downloads, and the attribute
 * keys whose values are always masked. Keys are saved as they are typed; the text area keeps
 * the user's own spacing while the store keeps the cleaned list.
 */
export function PrivacySettings() {
  const maskInPanel = usePrivacy(selectMaskInPanel);
  const maskOnExport = usePrivacy(selectMaskOnExport);
  const maskedKeys = usePrivacy(selectMaskedKeys);
  const setMaskInPanel = usePrivacy((state) => state.setMaskInPanel);
  const setMaskOnExport = usePrivacy((state) => state.setMaskOnExport);
  const setMaskedKeys = usePrivacy((state) => state.setMaskedKeys);
  const resetMaskedKeys = usePrivacy((state) => state.resetMaskedKeys);
  const [draft, setDraft] = useState(() => maskedKeys.join('\n'));
  const keysId = useId();
  const hintId = useId();

  const onKeysChange = (text: string) => {
    setDraft(text);
    setMaskedKeys(parseKeys(text));
  };
  const onReset = () => {
    resetMaskedKeys();
    setDraft(usePrivacy.getState().maskedKeys.join('\n'));
  };

  return (
    <div className="privacy-settings">
      <p className="settings-note">
        Masking replaces e-mail addresses, phone numbers, API keys, bearer tokens, JWTs and card
        numbers with <code>[email]</code>, <code>[api-key]</code>… and hides the whole value of an
        attribute whose key names a secret.
      </p>
      <label className="settings-check">
        <input
          type="checkbox"
          role="switch"
          data-testid="settings-mask-panel"
          checked={maskInPanel}
          onChange={(event) => setMaskInPanel(event.target.checked)}
        />
        Mask sensitive values in the span panel and in what is copied from it
      </label>
      <label className="settings-check">
        <input
          type="checkbox"
          role="switch"
          data-testid="settings-mask-downloads"
          checked={maskOnExport}
          onChange={(event) => setMaskOnExport(event.target.checked)}
        />
        Mask downloaded trace files
      </label>
      <label className="settings-label" htmlFor={keysId}>
        Masked attribute keys, one per line ({maskedKeys.length})
      </label>
      <textarea
        id={keysId}
        className="settings-keys mono"
        data-testid="settings-mask-keys"
        aria-describedby={hintId}
        rows={8}
        spellCheck={false}
        value={draft}
        onChange={(event) => onKeysChange(event.target.value)}
      />
      <p className="settings-note" id={hintId}>
        A key matches as whole words inside longer keys: <code>password</code> masks{' '}
        <code>db.password</code>, <code>user.id</code> masks <code>app.user.id</code>. Text such as{' '}
        <code>user.id: 42</code> inside messages is masked too.
      </p>
      <button type="button" className="settings-link" onClick={onReset}>
        Reset keys to defaults
      </button>
    </div>
  );
}
