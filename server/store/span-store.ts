/**
 * The embedded store: one SQLite file (via @libsql/client) in the data directory.
 *
 * Writes are serialized in one queue, and each batch is a single transaction that has
 * committed when `writeSpans`/`writeLogs` resolves, so the receiver acknowledges only what is
 * on disk. The queue is bounded: past `maxPendingItems` queued spans/records a write is
 * refused at once with StoreSaturatedError (the receiver answers 429, the exporter retries).
 * Reads do not queue: the client runs every statement synchronously on one connection, so a
 * read never sees half a batch.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient } from '@libsql/client';
import type { Client } from '@libsql/client';
import type { LogBatch, SpanBatch, SpanRecord } from './records';
import {
  CONNECTION_PRAGMAS,
  PRE_SCHEMA_PRAGMAS,
  SCHEMA_STATEMENTS,
  SCHEMA_VERSION,
} from './schema';
import { chunked, asNumber, asText } from './sql-rows';
import { logStatements, originStatements, spanStatements } from './write-statements';

export const DATABASE_FILE = 'tracefall.db';
/** Queued spans + log records before writes are refused (≈ 100 default-size OTLP batches). */
export const DEFAULT_MAX_PENDING_ITEMS = 50_000;
const EXISTING_KEYS_CHUNK = 400;

export interface StoreOptions {
  readonly dataDir: string;
  readonly maxPendingItems?: number;
  /** Wall clock in ms (injected by tests). */
  readonly now?: () => number;
}

/** The write queue is full; nothing of the batch was stored. */
export class StoreSaturatedError extends Error {
  constructor() {
    super('the local store is saturated; retry later');
    this.name = 'StoreSaturatedError';
  }
}

/** The store is closing or closed; nothing of the batch was stored. */
export class StoreClosedError extends Error {
  constructor() {
    super('the local store is shutting down');
    this.name = 'StoreClosedError';
  }
}

export interface WriteResult {
  readonly stored: number;
  /** Spans already stored (an exporter retry) or repeated inside the batch; not stored again. */
  readonly duplicates: number;
}

export class SpanStore {
  readonly client: Client;
  readonly filePath: string;
  readonly now: () => number;
  private readonly maxPendingItems: number;
  private queue: Promise<unknown> = Promise.resolve();
  private pendingItems = 0;
  private closed = false;

  private constructor(client: Client, filePath: string, options: StoreOptions) {
    this.client = client;
    this.filePath = filePath;
    this.now = options.now ?? Date.now;
    this.maxPendingItems = options.maxPendingItems ?? DEFAULT_MAX_PENDING_ITEMS;
  }

  /** Opens (creating the directory and schema if needed) the store in `options.dataDir`. */
  static async open(options: StoreOptions): Promise<SpanStore> {
    const dir = path.resolve(options.dataDir);
    mkdirSync(dir, { recursive: true });
    const filePath = path.join(dir, DATABASE_FILE);
    // One connection: every call is synchronous underneath, and per-connection pragmas stick.
    const client = createClient({
      url: pathToFileURL(filePath).href,
      intMode: 'bigint',
      concurrency: 1,
    });
    try {
      const version = asNumber((await client.execute('PRAGMA user_version')).rows[0]?.[0]);
      if (version !== 0 && version !== SCHEMA_VERSION) {
        throw new Error(
          `${filePath} has schema version ${version}, this Tracefall expects ${SCHEMA_VERSION}: ` +
            'move the file away (or set TRACEFALL_DATA_DIR) to start a new store',
        );
      }
      if (version === 0) for (const pragma of PRE_SCHEMA_PRAGMAS) await client.execute(pragma);
      for (const pragma of CONNECTION_PRAGMAS) await client.execute(pragma);
      await client.batch(
        [...SCHEMA_STATEMENTS, `PRAGMA user_version = ${SCHEMA_VERSION}`],
        'write',
      );
    } catch (error) {
      client.close();
      throw error;
    }
    return new SpanStore(client, filePath, options);
  }

  /**
   * Runs `task` alone in the write queue. `items` counts against the queue bound; pass 0 for
   * housekeeping (retention), which must never be refused.
   */
  exclusive<T>(task: () => Promise<T>, items = 0): Promise<T> {
    if (this.closed) return Promise.reject(new StoreClosedError());
    if (items > 0 && this.pendingItems > 0 && this.pendingItems + items > this.maxPendingItems) {
      return Promise.reject(new StoreSaturatedError());
    }
    this.pendingItems += items;
    const run = this.queue.then(task);
    const settle = () => {
      this.pendingItems -= items;
    };
    this.queue = run.then(settle, settle);
    return run;
  }

  /** Stores the spans not stored yet, in one transaction; resolves once it has committed. */
  writeSpans(batch: SpanBatch): Promise<WriteResult> {
    if (batch.spans.length === 0) return Promise.resolve({ stored: 0, duplicates: 0 });
    return this.exclusive(async () => {
      const fresh = await this.withoutStored(batch.spans);
      if (fresh.length > 0) {
        const nowMs = this.now();
        // Span ids are given here (writes are serialized) so attribute rows can point at them.
        const maxId = await this.client.execute('SELECT max(id) FROM spans');
        const firstRowId = asNumber(maxId.rows[0]?.[0]) + 1;
        await this.client.batch(
          [...originStatements(batch.origins, nowMs), ...spanStatements(fresh, firstRowId, nowMs)],
          'write',
        );
      }
      return { stored: fresh.length, duplicates: batch.spans.length - fresh.length };
    }, batch.spans.length);
  }

  /** Stores log records in one transaction; resolves once it has committed. */
  writeLogs(batch: LogBatch): Promise<WriteResult> {
    if (batch.logs.length === 0) return Promise.resolve({ stored: 0, duplicates: 0 });
    return this.exclusive(async () => {
      await this.client.batch(logStatements(batch, this.now()), 'write');
      return { stored: batch.logs.length, duplicates: 0 };
    }, batch.logs.length);
  }

  /** Drops spans repeated in the batch or already stored (exporters retry whole batches). */
  private async withoutStored(spans: readonly SpanRecord[]): Promise<SpanRecord[]> {
    const unique = new Map<string, SpanRecord>();
    for (const span of spans) {
      const key = `${span.traceId}/${span.spanId}`;
      if (!unique.has(key)) unique.set(key, span);
    }
    const candidates = [...unique.values()];
    for (const chunk of chunked(candidates, EXISTING_KEYS_CHUNK)) {
      const tuples = chunk.map(() => '(?,?)').join(',');
      const result = await this.client.execute({
        sql: `SELECT trace_id, span_id FROM spans WHERE (trace_id, span_id) IN (VALUES ${tuples})`,
        args: chunk.flatMap((s) => [s.traceId, s.spanId]),
      });
      for (const row of result.rows) unique.delete(`${asText(row[0])}/${asText(row[1])}`);
    }
    return [...unique.values()];
  }

  async getMeta(key: string): Promise<string | undefined> {
    const result = await this.client.execute({
      sql: 'SELECT value FROM meta WHERE key = ?',
      args: [key],
    });
    const value = result.rows[0]?.[0];
    return value === undefined ? undefined : asText(value);
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.exclusive(async () => {
      await this.client.execute({
        sql: 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        args: [key, value],
      });
    });
  }

  async countTraces(): Promise<number> {
    const result = await this.client.execute('SELECT count(*) FROM traces');
    return asNumber(result.rows[0]?.[0]);
  }

  /** Refuses new writes, waits for the queued ones to commit, and closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    this.client.close();
  }
}
