import { TICK_COUNT } from './TimeRuler';
import type { TimeScale } from './use-time-scale';

/** Vertical gridlines behind the bars, at the ruler's ticks. */
export function TimeGrid({ scale }: { scale: TimeScale }) {
  return (
    <div className="time-grid" aria-hidden="true">
      {scale.ticks(TICK_COUNT).map((tick) => (
        <span key={tick} className="time-grid-line" style={{ left: `${scale(tick) * 100}%` }} />
      ))}
    </div>
  );
}
