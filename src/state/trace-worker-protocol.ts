/**
 * Messages between the page and the trace worker. One worker serves every open trace; each
 * trace is an `id` chosen by the page.
 *
 * ```
 *   page                          worker
 *   open {id, source, traceId} ─▶ fetch + read while downloading, build tree
 *                              ◀─ base {id, payload, timing}     (first rows can show)
 *   shown {id}                 ─▶ (the rows are painted: the rest may come)
 *                              ◀─ records {id, records}          (an adapter's span records)
 *                              ◀─ derived {id, payload}          (LLM, critical path, skew)
 *   match {id, seq, filter}    ─▶
 *                              ◀─ matches {id, seq, result}
 *   close {id}                 ─▶ forgets the trace
 * ```
 */
import type { SpanFilter } from '../model/search';
import { TraceLoadError, type LoadErrorReason, type SourceInfo } from '../sources/source';
import type { BasePayload, DerivedPayload, TransferredRecords } from './trace-transfer';
import type { FilterResult } from './trace-session';

export type WorkerRequest =
  | {
      readonly type: 'open';
      readonly id: number;
      /** The source, or only its id: the worker then reads `/api/sources` itself (at boot). */
      readonly source: SourceInfo | { readonly id: string };
      readonly traceId: string;
      /** The answer, when the page already fetched it (a small trace, at boot). */
      readonly body?: PrefetchedBody;
    }
  | {
      readonly type: 'match';
      readonly id: number;
      readonly seq: number;
      readonly filter: SpanFilter;
    }
  /**
   * The page has painted the trace's first rows. The worker holds the derived work back until
   * then (or `SHOWN_WAIT_MS`), so it does not compete with the page's first render for the CPU.
   */
  | { readonly type: 'shown'; readonly id: number }
  | { readonly type: 'close'; readonly id: number };

/**
 * A response the page started itself: status, headers, and the body read whole (small) or
 * still streaming in (large); either is transferred, not copied.
 */
export interface PrefetchedBody {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: ArrayBuffer | ReadableStream<Uint8Array>;
}

/** When the trace response arrived, in ms since the epoch (the worker has its own clock origin). */
export interface FetchTiming {
  readonly requestStartEpochMs: number;
  readonly responseEndEpochMs: number;
  /** True when the payload was read while it downloaded (the Jaeger fast path). */
  readonly isStreamed: boolean;
}

export type WorkerResponse =
  | {
      readonly type: 'base';
      readonly id: number;
      readonly payload: BasePayload;
      readonly timing: FetchTiming | undefined;
    }
  | { readonly type: 'records'; readonly id: number; readonly records: TransferredRecords }
  | { readonly type: 'derived'; readonly id: number; readonly payload: DerivedPayload }
  | {
      readonly type: 'matches';
      readonly id: number;
      readonly seq: number;
      readonly result: FilterResult;
    }
  | { readonly type: 'error'; readonly id: number; readonly error: SerializedError }
  | { readonly type: 'unauthorized' };

/** An error as it crosses the thread boundary (Error objects lose their class on the way). */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly reason?: LoadErrorReason;
  readonly status?: number;
  readonly detail?: string;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof TraceLoadError) {
    const { name, message, reason, status, detail } = error;
    return { name, message, reason, status, detail };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** The error again, a `TraceLoadError` when it was one (the UI explains those). */
export function reviveError(error: SerializedError): Error {
  if (error.reason) {
    return new TraceLoadError(error.reason, error.message, {
      status: error.status,
      detail: error.detail,
    });
  }
  const revived = new Error(error.message);
  revived.name = error.name;
  return revived;
}
