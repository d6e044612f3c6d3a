import { useState, type PointerEvent } from 'react';
import { formatDuration } from '../shared/format';
import type { TimeScale } from './use-time-scale';

export const TICK_COUNT = 8;

interface TimeRulerProps {
  scale: TimeScale;
  /** Called with a time window (ns offsets) the user dragged across the ruler. */
  onSelectRange: (fromNs: number, toNs: number) => void;
}

/** Tick labels on the shared time axis (offsets from the trace start); drag across it to zoom. */
export function TimeRuler({ scale, onSelectRange }: TimeRulerProps) {
  const ticks = scale.ticks(TICK_COUNT);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const fraction = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
  };

  return (
    <div
      className="time-ruler"
      data-testid="time-ruler"
      aria-label="Time axis: drag to zoom"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        const at = fraction(event);
        setDrag({ from: at, to: at });
      }}
      onPointerMove={(event) => drag && setDrag({ ...drag, to: fraction(event) })}
      onPointerUp={() => {
        if (drag && Math.abs(drag.to - drag.from) > 0.005) {
          const [from, to] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
          onSelectRange(scale.invert(from), scale.invert(to));
        }
        setDrag(null);
      }}
      onPointerCancel={() => setDrag(null)}
    >
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
      {drag && (
        <div
          className="time-ruler-selection"
          style={{
            left: `${Math.min(drag.from, drag.to) * 100}%`,
            width: `${Math.abs(drag.to - drag.from) * 100}%`,
          }}
        />
      )}
    </div>
  );
}
