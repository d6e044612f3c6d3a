/**
 * OTLP times are uint64 ns since the epoch (~1.8e18), past 2^53, so they are never read with
 * `Number()`. A decimal string is split into seconds and nanoseconds, each a safe integer, and
 * offsets are computed from the halves; they stay exact while under 2^53 ns (~104 days).
 */
import { asEpochMicros, asNanos, type EpochMicros, type Nanos } from '../../model/trace';

/** An absolute time as seconds since the epoch plus `nsec` in [0, 1e9). */
export interface EpochNanos {
  readonly sec: number;
  readonly nsec: number;
}

/** `missing`: absent, null or 0 (proto3's "unset"); `invalid`: not a non-negative integer. */
export type TimeReading = EpochNanos | 'missing' | 'invalid';

const UINT64_RE = /^\d{1,20}$/;

function splitDecimal(digits: string): EpochNanos {
  const cut = digits.length - 9;
  return cut > 0
    ? { sec: Number(digits.slice(0, cut)), nsec: Number(digits.slice(cut)) }
    : { sec: 0, nsec: Number(digits) };
}

/** Reads a `*UnixNano` field: a decimal string (exact) or a JSON number (exact as far as JSON was). */
export function readEpochNanos(raw: unknown): TimeReading {
  if (raw === undefined || raw === null) return 'missing';
  let time: EpochNanos;
  if (typeof raw === 'string' && UINT64_RE.test(raw)) time = splitDecimal(raw);
  else if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) {
    time = splitDecimal(BigInt(raw).toString());
  } else return 'invalid';
  return time.sec === 0 && time.nsec === 0 ? 'missing' : time;
}

export function compareEpochNanos(a: EpochNanos, b: EpochNanos): number {
  return a.sec - b.sec || a.nsec - b.nsec;
}

/** `b - a` in ns. */
export function diffNanos(a: EpochNanos, b: EpochNanos): Nanos {
  return asNanos((b.sec - a.sec) * 1e9 + (b.nsec - a.nsec));
}

/** The origin for a trace whose earliest start is `earliest`: that time, truncated to the µs. */
export function originOf(earliest: EpochNanos): EpochNanos {
  return { sec: earliest.sec, nsec: earliest.nsec - (earliest.nsec % 1000) };
}

/** µs since the epoch of a µs-aligned origin. */
export function toEpochMicros(origin: EpochNanos): EpochMicros {
  return asEpochMicros(origin.sec * 1e6 + Math.floor(origin.nsec / 1000));
}

/** Canonical decimal text of a time (no leading zeros). */
export function formatEpochNanos(time: EpochNanos): string {
  if (time.sec === 0) return String(time.nsec);
  return `${time.sec}${String(time.nsec).padStart(9, '0')}`;
}

/**
 * Offset of an absolute OTLP time (a `*UnixNano` decimal string) from a trace origin given in
 * µs since the epoch, as `Trace.startEpochUs`. Null when the text is not a valid time.
 * Used to place records parsed separately (log records) on a trace's timeline.
 */
export function offsetFromEpochUs(timeUnixNano: string, startEpochUs: EpochMicros): Nanos | null {
  const time = readEpochNanos(timeUnixNano);
  if (typeof time === 'string') return null;
  const originSec = Math.floor(startEpochUs / 1e6);
  const origin = { sec: originSec, nsec: (startEpochUs - originSec * 1e6) * 1000 };
  return diffNanos(origin, time);
}
