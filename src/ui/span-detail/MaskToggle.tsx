import { selectMaskInPanel, usePrivacy } from '../../state/privacy';
import './MaskToggle.css';

/** The "mask sensitive values" switch of the detail panel (e-mails, keys, tokens, cards…). */
export function MaskToggle() {
  const isOn = usePrivacy(selectMaskInPanel);
  const setMaskInPanel = usePrivacy((state) => state.setMaskInPanel);
  return (
    <label
      className="sd-mask-toggle"
      data-testid="mask-toggle"
      title="Mask e-mails, phone numbers, API keys, tokens, card numbers and secret attributes in this panel and in what you copy"
    >
      <input
        type="checkbox"
        role="switch"
        aria-checked={isOn}
        checked={isOn}
        onChange={(event) => setMaskInPanel(event.target.checked)}
      />
      Mask sensitive values
    </label>
  );
}
