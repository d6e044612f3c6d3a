/**
 * Retention: traces whose last span arrived longer ago than the age limit, then the oldest
 * traces while the database is over its size limit, are deleted in the background. Each
 * delete is a small transaction (≤ ~5,000 spans) queued like any write, so ingestion keeps
 * flowing between them. Age counts from when the store received the trace, not from span
 * timestamps, so replayed old traces are not dropped on arrival.
 */
import type { InValue } from '@libsql/client';
import type { SpanStore } from './span-store';
import { StoreClosedError } from './span-store';
import { asNumber, asText, placeholders } from './sql-rows';

export const DEFAULT_RETENTION_DAYS = 7;
export const DEFAULT_RETENTION_MB = 1024;
const DAY_MS = 86_400_000;
const CANDIDATES_PER_BATCH = 200;
const MAX_SPANS_PER_DELETE = 5_000;
const VACUUM_PAGES_PER_STEP = 2_000;

export interface RetentionLimits {
  readonly maxAgeDays: number;
  readonly maxSizeMb: number;
}

export interface RetentionResult {
  readonly deletedTraces: number;
  readonly deletedLogs: number;
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Bytes in use: pages that hold data (free pages are reused before the file grows). */
export async function usedBytes(store: SpanStore): Promise<number> {
  const read = async (pragma: string) =>
    asNumber((await store.client.execute(`PRAGMA ${pragma}`)).rows[0]?.[0]);
  const pages = await read('page_count');
  const free = await read('freelist_count');
  return (pages - free) * (await read('page_size'));
}

/**
 * Picks the next traces to delete, oldest first: those received before `cutoffMs`, or (no
 * cutoff) at most `maxTraces`; in either case up to about MAX_SPANS_PER_DELETE spans.
 */
async function nextVictims(
  store: SpanStore,
  cutoffMs: number | undefined,
  maxTraces = CANDIDATES_PER_BATCH,
): Promise<string[]> {
  const where = cutoffMs === undefined ? '' : 'WHERE last_received_ms < ?';
  const args: InValue[] = cutoffMs === undefined ? [] : [cutoffMs];
  const limit = Math.max(1, Math.min(CANDIDATES_PER_BATCH, maxTraces));
  const result = await store.client.execute({
    sql: `SELECT trace_id, span_count FROM traces ${where} ORDER BY last_received_ms LIMIT ${limit}`,
    args,
  });
  const ids: string[] = [];
  let spans = 0;
  for (const row of result.rows) {
    spans += asNumber(row[1]);
    if (ids.length > 0 && spans > MAX_SPANS_PER_DELETE) break;
    ids.push(asText(row[0]));
  }
  return ids;
}

/** Deletes whole traces (spans, attributes, summaries, log records) in one transaction. */
export function deleteTraces(store: SpanStore, traceIds: readonly string[]): Promise<void> {
  const inList = placeholders(traceIds.length);
  const args = [...traceIds];
  return store.exclusive(async () => {
    await store.client.batch(
      [
        {
          sql: `DELETE FROM span_attrs WHERE span_row IN (SELECT id FROM spans WHERE trace_id IN (${inList}))`,
          args,
        },
        ...['spans', 'trace_services', 'logs', 'traces'].map((table) => ({
          sql: `DELETE FROM ${table} WHERE trace_id IN (${inList})`,
          args,
        })),
      ],
      'write',
    );
  });
}

/** Log records bound to traces that never arrived age out on their own. */
async function deleteOldLogs(store: SpanStore, cutoffMs: number): Promise<number> {
  let deleted = 0;
  for (;;) {
    const count = await store.exclusive(async () => {
      const result = await store.client.execute({
        sql: `DELETE FROM logs WHERE id IN (SELECT id FROM logs WHERE received_ms < ? LIMIT ${MAX_SPANS_PER_DELETE})`,
        args: [cutoffMs],
      });
      return result.rowsAffected;
    });
    deleted += count;
    if (count < MAX_SPANS_PER_DELETE) return deleted;
    await yieldToIo();
  }
}

/** Origins no remaining span or log record can reference (see span-store write order). */
async function deleteUnusedOrigins(store: SpanStore): Promise<void> {
  const now = store.now();
  await store.exclusive(async () => {
    await store.client.execute({
      sql: `DELETE FROM origins
            WHERE last_used_ms < (SELECT coalesce(min(first_received_ms), ?) FROM traces)
              AND last_used_ms < (SELECT coalesce(min(received_ms), ?) FROM logs)`,
      args: [now, now],
    });
  });
}

/** Returns freed pages to the file system a step at a time. */
async function shrinkFile(store: SpanStore, isStopping: () => boolean): Promise<void> {
  for (;;) {
    const free = asNumber((await store.client.execute('PRAGMA freelist_count')).rows[0]?.[0]);
    if (free === 0 || isStopping()) return;
    await store.exclusive(async () => {
      await store.client.execute(`PRAGMA incremental_vacuum(${VACUUM_PAGES_PER_STEP})`);
    });
    await yieldToIo();
  }
}

/** One full retention pass. `isStopping` lets a shutdown cut it short between batches. */
export async function enforceRetention(
  store: SpanStore,
  limits: RetentionLimits,
  isStopping: () => boolean = () => false,
): Promise<RetentionResult> {
  const cutoffMs = store.now() - limits.maxAgeDays * DAY_MS;
  const maxBytes = limits.maxSizeMb * 1024 * 1024;
  let deletedTraces = 0;
  const deleteBatch = async (victims: string[]) => {
    await deleteTraces(store, victims);
    deletedTraces += victims.length;
    await yieldToIo();
  };
  for (let v = await nextVictims(store, cutoffMs); v.length > 0 && !isStopping();) {
    await deleteBatch(v);
    v = await nextVictims(store, cutoffMs);
  }
  for (let used = await usedBytes(store); used > maxBytes && !isStopping();) {
    // Delete about the share of traces that is over the limit, then measure again.
    const share = Math.ceil(((await store.countTraces()) * (used - maxBytes)) / used);
    const victims = await nextVictims(store, undefined, share);
    if (victims.length === 0) break;
    await deleteBatch(victims);
    used = await usedBytes(store);
  }
  const deletedLogs = isStopping() ? 0 : await deleteOldLogs(store, cutoffMs);
  if (deletedTraces + deletedLogs > 0 && !isStopping()) {
    await deleteUnusedOrigins(store);
    await shrinkFile(store, isStopping);
  }
  return { deletedTraces, deletedLogs };
}

export interface RetentionTimer {
  /** Stops the timer and waits for a pass in progress to reach a stopping point. */
  stop(): Promise<void>;
}

/** Runs a pass `firstDelayMs` after start, then every `intervalMs`. */
export function startRetention(
  store: SpanStore,
  limits: RetentionLimits,
  options: {
    intervalMs?: number;
    firstDelayMs?: number;
    log?: (message: string) => void;
  } = {},
): RetentionTimer {
  const { intervalMs = 60_000, firstDelayMs = 5_000, log = () => {} } = options;
  let stopping = false;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = enforceRetention(store, limits, () => stopping).then(
      ({ deletedTraces, deletedLogs }) => {
        if (deletedTraces + deletedLogs > 0) {
          log(`retention: deleted ${deletedTraces} traces and ${deletedLogs} log records`);
        }
      },
      (error: unknown) => {
        if (!(error instanceof StoreClosedError)) log(`retention failed: ${String(error)}`);
      },
    );
  };
  let timer: NodeJS.Timeout = setTimeout(function tick() {
    run();
    void running.then(() => {
      if (!stopping) timer = setTimeout(tick, intervalMs).unref();
    });
  }, firstDelayMs).unref();
  return {
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await running;
    },
  };
}
