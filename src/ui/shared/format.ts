import type { Nanos } from '../../model/trace';

/** Human duration: 812ns, 14.2µs, 3.41ms, 1.27s, 2m 05s. */
export function formatDuration(ns: Nanos | number): string {
  const abs = Math.abs(ns);
  if (abs < 1_000) return `${trim(ns)}ns`;
  if (abs < 1_000_000) return `${trim(ns / 1_000)}µs`;
  if (abs < 1_000_000_000) return `${trim(ns / 1_000_000)}ms`;
  const seconds = ns / 1_000_000_000;
  if (Math.abs(seconds) < 60) return `${trim(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return `${minutes}m ${String(rest).padStart(2, '0')}s`;
}

function trim(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return Number(value.toFixed(digits)).toString();
}

let countFormat: Intl.NumberFormat | undefined;

/** 1,234,567. Integers are grouped by hand: `toLocaleString` costs ms on a cold page. */
export function formatCount(value: number): string {
  if (Number.isSafeInteger(value)) {
    const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return value < 0 ? `-${digits}` : digits;
  }
  countFormat ??= new Intl.NumberFormat('en-US');
  return countFormat.format(value);
}

/** Absolute time with ms precision, in local time or UTC: 2026-11-21 16:18:07.123 */
export function formatDateTime(epochMs: number, timeZone: 'local' | 'utc' = 'local'): string {
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return 'invalid time';
  const utc = timeZone === 'utc';
  const parts = utc
    ? [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours()]
    : [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours()];
  const [year, month, day, hours] = parts as [number, number, number, number];
  const minutes = utc ? date.getUTCMinutes() : date.getMinutes();
  const seconds = utc ? date.getUTCSeconds() : date.getSeconds();
  const millis = utc ? date.getUTCMilliseconds() : date.getMilliseconds();
  return (
    `${year}-${pad(month)}-${pad(day)} ${pad(hours)}:${pad(minutes)}:${pad(seconds)}.` +
    `${pad(millis, 3)}${utc ? ' UTC' : ''}`
  );
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}
