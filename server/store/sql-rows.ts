/** Small helpers for building multi-row statements for @libsql/client. */
import type { InStatement, InValue } from '@libsql/client';

/** SQLite (≥3.32) allows 32,766 bound parameters per statement; stay well below. */
const MAX_PARAMS = 16_000;
/** Longer statements cost more to prepare than they save. */
const MAX_ROWS = 500;

/**
 * `head VALUES (?,…),(?,…)… tail` statements covering `rows`, each row having `width` values.
 * Returns no statement for no rows.
 */
export function multiRowInsert(
  head: string,
  width: number,
  rows: readonly (readonly InValue[])[],
  tail = '',
): InStatement[] {
  const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / width)));
  const tuple = `(${placeholders(width)})`;
  const statements: InStatement[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const sql = `${head} VALUES ${repeatJoined(tuple, chunk.length)} ${tail}`;
    statements.push({ sql, args: chunk.flat() });
  }
  return statements;
}

/** Splits a list into chunks of at most `size`. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** `?,?,…` for an IN list. */
export function placeholders(count: number): string {
  return repeatJoined('?', count);
}

function repeatJoined(item: string, count: number): string {
  return Array.from({ length: count }, () => item).join(',');
}

/** A column read with intMode "bigint": integers arrive as bigint, text as string. */
export function asBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(Math.trunc(value));
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  return 0n;
}

export function asNumber(value: unknown): number {
  return typeof value === 'bigint' ? Number(value) : typeof value === 'number' ? value : 0;
}

export function asText(value: unknown): string {
  return typeof value === 'string'
    ? value
    : value === null || value === undefined
      ? ''
      : String(value);
}
