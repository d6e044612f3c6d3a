import { usePreferences, type TimeZonePreference } from '../../state/preferences';
import { PriceOverridesEditor } from './PriceOverridesEditor';
import { PrivacySettings } from './PrivacySettings';
import './SettingsDialog.css';

/** Preferences kept in this browser: time zone of absolute times, model prices and privacy. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const timeZone = usePreferences((state) => state.timeZone);
  const setTimeZone = usePreferences((state) => state.setTimeZone);
  return (
    <div className="shortcut-backdrop" role="presentation" onClick={onClose}>
      <div
        className="settings-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Settings"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.key === 'Escape' && onClose()}
      >
        <h2>Settings</h2>
        <section>
          <h3>Absolute times</h3>
          <label className="filter-check">
            <select
              aria-label="Time zone"
              value={timeZone}
              onChange={(event) => setTimeZone(event.target.value as TimeZonePreference)}
            >
              <option value="local">Local time</option>
              <option value="utc">UTC</option>
            </select>
          </label>
        </section>
        <section>
          <h3>Model prices</h3>
          <p className="muted">
            Prices come from <code>@pydantic/genai-prices</code>. Add a model it does not know, or
            replace its price; a price recorded on a span still wins.
          </p>
          <PriceOverridesEditor />
        </section>
        <section>
          <h3>Privacy</h3>
          <PrivacySettings />
        </section>
        <button type="button" className="icon-button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
