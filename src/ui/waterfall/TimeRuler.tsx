import { formatDuration } from '../shared/format';
import type { TimeScale } from './use-time-scale';

export const TICK_COUNT = 8;

/** Tick labels on the shared time axis, as offsets from the trace start. */
export function TimeRuler({ scale }: { scale: TimeScale }) {
  const ticks = scale.ticks(TICK_COUNT);
  return (
    <div className="time-ruler" aria-hidden="true">
      {ticks.map((tick) => {
        const pct = scale(tick) * 100;
        return (
          <span
            key={tick}
            className={`time-ruler-tick${pct > 92 ? ' is-last' : ''}`}
            style={{ left: `${pct}%` }}
          >
            {formatDuration(tick)}
          </span>
        );
      })}
    </div>
  );
}
