import { useMemo } from 'react';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { Nanos } from '../../model/trace';

/** Maps a trace offset (ns) to a fraction [0, 1] of the timeline width. */
export type TimeScale = ScaleLinear<number, number>;

/** The one time scale of the waterfall, shared by the ruler, the grid and every bar. */
export function useTimeScale(startNs: Nanos, endNs: Nanos): TimeScale {
  return useMemo(() => {
    const end = endNs > startNs ? endNs : startNs + 1;
    return scaleLinear().domain([startNs, end]).range([0, 1]);
  }, [startNs, endNs]);
}
