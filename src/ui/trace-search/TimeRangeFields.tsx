import { LOOKBACK_PRESETS, type Lookback } from '../../state/search-params';

const LABELS: Readonly<Record<Lookback, string>> = {
  '15m': 'Last 15 minutes',
  '1h': 'Last hour',
  '6h': 'Last 6 hours',
  '24h': 'Last 24 hours',
  '2d': 'Last 2 days',
  custom: 'Custom range…',
};

export interface TimeRange {
  readonly lookback: Lookback;
  readonly startMs: number;
  readonly endMs: number;
}

interface TimeRangeFieldsProps {
  value: TimeRange;
  onChange: (value: TimeRange) => void;
}

/** `<input type="datetime-local">` works in local time without a zone: convert both ways. */
function toLocalInput(epochMs: number): string {
  if (!epochMs) return '';
  const date = new Date(epochMs);
  const local = new Date(epochMs - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 19);
}

function fromLocalInput(text: string): number {
  const ms = text ? new Date(text).getTime() : 0;
  return Number.isFinite(ms) ? ms : 0;
}

/** Time window: a preset relative to now, or a custom start and end. */
export function TimeRangeFields({ value, onChange }: TimeRangeFieldsProps) {
  const choose = (lookback: Lookback) => {
    if (lookback !== 'custom' || value.startMs) return onChange({ ...value, lookback });
    // Start the custom range from the last hour, so both fields have a value.
    const now = Date.now();
    onChange({ lookback, startMs: now - 3_600_000, endMs: now });
  };
  return (
    <div className="search-time">
      <label className="search-field">
        <span>Time range</span>
        <select value={value.lookback} onChange={(e) => choose(e.target.value as Lookback)}>
          {[...LOOKBACK_PRESETS, 'custom' as const].map((lookback) => (
            <option key={lookback} value={lookback}>
              {LABELS[lookback]}
            </option>
          ))}
        </select>
      </label>
      {value.lookback === 'custom' && (
        <>
          <label className="search-field">
            <span>From</span>
            <input
              type="datetime-local"
              step={1}
              value={toLocalInput(value.startMs)}
              onChange={(e) => onChange({ ...value, startMs: fromLocalInput(e.target.value) })}
            />
          </label>
          <label className="search-field">
            <span>To</span>
            <input
              type="datetime-local"
              step={1}
              value={toLocalInput(value.endMs)}
              onChange={(e) => onChange({ ...value, endMs: fromLocalInput(e.target.value) })}
            />
          </label>
        </>
      )}
    </div>
  );
}
