/**
 * The trace worker's message handling, as a plain object over a `post` function so it runs (and
 * is tested) without a worker. trace-worker.ts only connects it to `self`.
 */
import type { SpanFilter } from '../model/search';
import type { FetchLike } from '../sources/http-fetch';
import { TraceLoadError, type SourceInfo } from '../sources/source';
import { fetchSources } from './source-registry';
import { loadTraceInput } from './trace-loader';
import { TraceSession } from './trace-session';
import { packBase, packDerived, packRecords } from './trace-transfer';
import {
  serializeError,
  type PrefetchedBody,
  type WorkerRequest,
  type WorkerResponse,
} from './trace-worker-protocol';

export type Post = (message: WorkerResponse, transfer?: Transferable[]) => void;

interface OpenTrace {
  readonly controller: AbortController;
  session?: TraceSession;
  /** The latest filter asked for while the trace was still loading or deriving. */
  pendingMatch?: { readonly seq: number; readonly filter: SpanFilter };
  isDerived: boolean;
  /** Settles when the page has painted the rows (a `shown` message). */
  readonly shown: Promise<void>;
  readonly markShown: () => void;
}

/**
 * How long the derived work waits for the page to say the rows are painted. A page that never
 * paints (a tab in the background has no frames) still gets its derived data after this.
 */
export const SHOWN_WAIT_MS = 500;

/** Lets queued messages (a newer filter, a close) in between the stages of one trace. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function newEntry(): OpenTrace {
  let markShown: () => void = () => undefined;
  const shown = new Promise<void>((resolve) => {
    markShown = resolve;
  });
  return { controller: new AbortController(), isDerived: false, shown, markShown };
}

/**
 * Until the page has painted the rows, or `SHOWN_WAIT_MS`. On two cores, deriving while the
 * page renders its first rows slowed them by about 45 ms on a 1,000-span trace (median of 40).
 */
function untilShown(entry: OpenTrace, waitMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
  return Promise.race([entry.shown, waited]).finally(() => clearTimeout(timer));
}

/** A fetch that answers with the response the page started (read whole, or still streaming). */
function replayBody(body: PrefetchedBody): FetchLike {
  return () =>
    Promise.resolve(
      new Response(body.body, {
        status: body.status,
        headers: body.headers as [string, string][],
      }),
    );
}

/** A source named only by its id (a trace opened at boot): look it up in `/api/sources`. */
async function resolveSource(
  source: SourceInfo | { readonly id: string },
  signal: AbortSignal,
): Promise<SourceInfo> {
  if ('kind' in source) return source;
  const sources = await fetchSources(signal);
  const found = sources.find((candidate) => candidate.id === source.id);
  if (!found) {
    throw new TraceLoadError('unknown-source', `There is no source called "${source.id}".`);
  }
  return found;
}

export function createWorkerHost(post: Post, fetchImpl?: FetchLike, shownWaitMs = SHOWN_WAIT_MS) {
  const traces = new Map<number, OpenTrace>();

  async function open(id: number, request: Extract<WorkerRequest, { type: 'open' }>) {
    const entry = newEntry();
    traces.set(id, entry);
    try {
      const { signal } = entry.controller;
      const source = await resolveSource(request.source, signal);
      const { body } = request;
      const loaded = await loadTraceInput(source, request.traceId, {
        signal,
        fetchImpl: body ? replayBody(body) : fetchImpl,
        keepPayload: false,
        // The page fetched it, and marked its timing itself.
        hasTiming: !body,
      });
      if (traces.get(id) !== entry) return;
      const session = new TraceSession(loaded.input);
      entry.session = session;
      const { payload, transfer, later } = packBase(session.base, loaded.records);
      post({ type: 'base', id, payload, timing: loaded.timing }, transfer);
      await untilShown(entry, shownWaitMs);
      if (traces.get(id) !== entry) return;
      if (later) post({ type: 'records', id, records: packRecords(later) });
      const derived = await session.derived();
      if (traces.get(id) !== entry) return;
      post({ type: 'derived', id, payload: packDerived(derived) });
      loaded.releaseRecords?.();
      entry.isDerived = true;
      answerPending(id, entry);
      // While nobody is filtering yet: have the search index ready for the first keystroke.
      await nextTask();
      if (traces.get(id) === entry) session.prepareSearch();
    } catch (error) {
      if (traces.get(id) === entry) post({ type: 'error', id, error: serializeError(error) });
      traces.delete(id);
    }
  }

  /** Filters wait for the derived data (the facets), then only the newest one is answered. */
  function answerPending(id: number, entry: OpenTrace) {
    const pending = entry.pendingMatch;
    if (!pending || !entry.session || !entry.isDerived) return;
    entry.pendingMatch = undefined;
    const result = entry.session.match(pending.filter);
    const transfer = result.isActive ? [result.matches.buffer as ArrayBuffer] : [];
    post({ type: 'matches', id, seq: pending.seq, result }, transfer);
  }

  return {
    handle(request: WorkerRequest): void {
      switch (request.type) {
        case 'open':
          void open(request.id, request);
          return;
        case 'match': {
          const entry = traces.get(request.id);
          if (!entry) return;
          entry.pendingMatch = { seq: request.seq, filter: request.filter };
          // Coalesce a burst of keystrokes: answer after the queue has drained.
          void nextTask().then(() => answerPending(request.id, entry));
          return;
        }
        case 'shown':
          traces.get(request.id)?.markShown();
          return;
        case 'close': {
          traces.get(request.id)?.controller.abort();
          traces.delete(request.id);
          return;
        }
      }
    },
  };
}
