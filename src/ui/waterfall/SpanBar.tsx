import type { Nanos } from '../../model/trace';
import type { TimeScale } from './use-time-scale';

interface SpanBarProps {
  scale: TimeScale;
  startNs: Nanos;
  /** `null`: the span never ended; the bar runs open to the end of the trace. */
  durationNs: Nanos | null;
  endOfTraceNs: Nanos;
  color: string;
  label: string;
  isPlaceholder: boolean;
}

/** A duration bar placed in percent of the timeline, with its label on the roomier side. */
export function SpanBar(props: SpanBarProps) {
  const { scale, startNs, durationNs, endOfTraceNs, color, label, isPlaceholder } = props;
  const isOpen = durationNs === null;
  const endNs = isOpen ? endOfTraceNs : startNs + durationNs;
  // Entirely outside the zoom window: nothing to draw.
  if (scale(endNs) < 0 || scale(startNs) > 1) return null;
  const leftPct = clampPct(scale(startNs) * 100);
  const rightPct = clampPct(scale(endNs) * 100);
  const widthPct = Math.max(rightPct - leftPct, 0);
  // Labels go right of the bar; a bar reaching the right edge takes it on its left, or inside
  // when it also starts near the left edge (long root spans).
  const placement = rightPct <= 72 ? 'right' : leftPct >= 12 ? 'left' : 'inside';
  const className = `span-bar${isOpen ? ' is-open' : ''}${isPlaceholder ? ' is-placeholder' : ''}`;

  return (
    <>
      <div
        className={className}
        style={{ left: `${leftPct}%`, width: `${widthPct}%`, ['--bar-color' as string]: color }}
      />
      <span
        className={`span-bar-label${isOpen ? ' is-open' : ''} is-${placement}`}
        style={
          placement === 'right'
            ? { left: `calc(${rightPct}% + 6px)` }
            : placement === 'left'
              ? { right: `calc(${100 - leftPct}% + 6px)` }
              : { right: `calc(${100 - rightPct}% + 6px)` }
        }
      >
        {label}
      </span>
    </>
  );
}

function clampPct(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, value));
}
