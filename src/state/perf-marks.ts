/**
 * User Timing marks for the moments that matter when a trace opens, so benchmarks (and the
 * browser's performance panel) can measure them in the page: when the trace request started and
 * its response ended (from the worker's Resource Timing entry), and when the first row painted.
 */
import { afterNextPaint } from './after-paint';
import type { FetchTiming } from './trace-worker-protocol';

export const PERF_MARKS = {
  requestStart: 'tracefall:trace-request-start',
  responseEnd: 'tracefall:trace-response-end',
  firstRow: 'tracefall:first-row',
  derived: 'tracefall:trace-derived',
  /** The kept payload of a streamed trace is packed (state/payload-packing.ts). */
  payloadPacked: 'tracefall:payload-packed',
} as const;

function mark(name: string, epochMs?: number): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  const startTime = epochMs === undefined ? undefined : epochMs - performance.timeOrigin;
  performance.mark(name, startTime === undefined ? undefined : { startTime });
}

export function markTraceTiming(timing: FetchTiming): void {
  mark(PERF_MARKS.requestStart, timing.requestStartEpochMs);
  mark(PERF_MARKS.responseEnd, timing.responseEndEpochMs);
}

export function markDerived(): void {
  mark(PERF_MARKS.derived);
}

export function markPayloadPacked(): void {
  mark(PERF_MARKS.payloadPacked);
}

let firstRowFor: unknown;

/**
 * Marks the first painted row of a trace, once per loaded trace: after the frame that shows it
 * (the next task after the animation frame runs once the frame is painted).
 */
export function markFirstRow(trace: unknown): void {
  if (firstRowFor === trace || typeof requestAnimationFrame !== 'function') return;
  firstRowFor = trace;
  afterNextPaint(() => mark(PERF_MARKS.firstRow));
}
