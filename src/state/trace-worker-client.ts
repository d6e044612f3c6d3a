/**
 * The page's side of the trace worker: one module worker, started early (`prewarmTraceWorker`)
 * so it is ready when the first trace is asked for, serving every open trace by id.
 */
import type { SpanFilter } from '../model/search';
import { AUTH_CHALLENGE_HEADER, reportIfUnauthorized } from '../sources/http-fetch';
import type { PackedChunks } from '../sources/jaeger/packed-chunks';
import type { SourceInfo } from '../sources/source';
import type { LoadedTrace } from './loaded-trace';
import { BOOT_TRACE_ID, bootHandoff } from './boot-handoff';
import { packWhenIdle } from './payload-packing';
import { afterNextPaint } from './after-paint';
import { markDerived, markTraceTiming } from './perf-marks';
import type { BaseData, DerivedData, FilterResult } from './trace-session';
import { fillRecords, reviveBase, reviveDerived } from './trace-transfer';
import {
  canUseTraceWorker,
  forgetTraceWorker,
  listenToTraceWorker,
  traceWorker,
} from './trace-worker-instance';
import {
  reviveError,
  type PrefetchedBody,
  type WorkerRequest,
  type WorkerResponse,
} from './trace-worker-protocol';

let nextId = BOOT_TRACE_ID + 1;
const traces = new Map<number, WorkerTrace>();
/** Messages about the trace boot.ts opened, until the app adopts it (`adoptBootTrace`). */
let bootMessages: WorkerResponse[] | undefined = [];
/** The worker instance this client watches for failures (a new one after a crash). */
let watched: Worker | undefined;

listenToTraceWorker((data) => dispatch(data as WorkerResponse));

function getWorker(): Worker {
  const worker = traceWorker();
  if (worker !== watched) {
    watched = worker;
    worker.addEventListener('error', (event) => {
      // The worker itself failed (it could not load, or crashed): every open trace fails.
      const error = new Error(`The trace worker stopped: ${event.message || 'unknown error'}`);
      for (const trace of traces.values()) trace.fail(error);
      traces.clear();
      forgetTraceWorker(worker);
    });
  }
  return worker;
}

/** Starts the worker (loading its code) before any trace is asked for. */
export function prewarmTraceWorker(): void {
  if (canUseTraceWorker()) getWorker();
}

function send(request: WorkerRequest): void {
  getWorker().postMessage(request, []);
}

function dispatch(message: WorkerResponse): void {
  if (message.type === 'unauthorized') {
    reportIfUnauthorized({
      status: 401,
      headers: new Headers({ [AUTH_CHALLENGE_HEADER]: 'required' }),
    });
    return;
  }
  const trace = traces.get(message.id);
  if (!trace) {
    if (message.id === BOOT_TRACE_ID) bootMessages?.push(message);
    return;
  }
  switch (message.type) {
    case 'base':
      if (message.timing) markTraceTiming(message.timing);
      trace.receiveBase(reviveBase(message.payload, (payload) => trace.packLater(payload)));
      return;
    case 'records':
      fillRecords(trace.base, message.records);
      return;
    case 'derived':
      trace.receiveDerived(reviveDerived(message.payload, trace.nodeCount));
      return;
    case 'matches':
      trace.receiveMatches(message.seq, message.result);
      return;
    case 'error':
      trace.fail(reviveError(message.error));
      traces.delete(message.id);
      return;
  }
}

/** Loads a trace in the worker; resolves when the base data (enough for the rows) is in. */
export function openInWorker(
  source: SourceInfo | { readonly id: string },
  traceId: string,
  signal?: AbortSignal,
  body?: PrefetchedBody,
): Promise<LoadedTrace> {
  const id = nextId++;
  return new Promise<LoadedTrace>((resolve, reject) => {
    const trace = new WorkerTrace(id, resolve, reject);
    traces.set(id, trace);
    signal?.addEventListener('abort', () => {
      trace.dispose();
      reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    });
    getWorker().postMessage(
      { type: 'open', id, source, traceId, body } satisfies WorkerRequest,
      body ? [body.body] : [],
    );
  });
}

/**
 * The trace boot.ts asked the worker to open (as `BOOT_TRACE_ID`), as if `openInWorker` had
 * opened it: what the worker already said about it is played back first. Once only.
 */
export function adoptBootTrace(signal?: AbortSignal): Promise<LoadedTrace> {
  const kept = bootMessages ?? [];
  bootMessages = undefined;
  const worker = getWorker();
  const boot = bootHandoff();
  if (boot?.failure !== undefined || boot?.worker !== worker) {
    // The worker boot.ts started failed (or was never taken over): the trace is not coming.
    return Promise.reject(new Error(`The trace worker stopped: ${boot?.failure ?? 'replaced'}`));
  }
  return new Promise<LoadedTrace>((resolve, reject) => {
    const trace = new WorkerTrace(BOOT_TRACE_ID, resolve, reject);
    traces.set(BOOT_TRACE_ID, trace);
    signal?.addEventListener('abort', () => {
      trace.dispose();
      reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    });
    for (const message of kept) dispatch(message);
  });
}

class WorkerTrace implements LoadedTrace {
  private baseData: BaseData | undefined;
  derived: DerivedData | undefined;
  private readonly listeners = new Set<() => void>();
  private seq = 0;
  private readonly waiting = new Map<number, (result: FilterResult) => void>();
  private isShown = false;
  /** Stops packing the kept payload when the trace is closed. */
  private readonly closed = new AbortController();

  constructor(
    private readonly id: number,
    private readonly onBase: (trace: LoadedTrace) => void,
    private readonly onError: (error: Error) => void,
  ) {}

  get base(): BaseData {
    if (!this.baseData) throw new Error('the trace has not loaded yet');
    return this.baseData;
  }

  get nodeCount(): number {
    return this.baseData?.tree.nodeCount ?? 0;
  }

  receiveBase(base: BaseData): void {
    this.baseData = base;
    this.onBase(this);
  }

  /**
   * The derived data is applied after the next paint: when it arrives while the first rows are
   * being rendered, they show first and the second render (badges, critical path) follows.
   */
  receiveDerived(derived: DerivedData): void {
    afterNextPaint(() => {
      this.derived = derived;
      markDerived();
      for (const listener of this.listeners) listener();
    });
  }

  /**
   * Packs the kept payload once the derived data is in (the page's busiest moments are over),
   * in idle time. Until then, and throughout, spans read from it as usual.
   */
  packLater(payload: PackedChunks): void {
    const start = () => void packWhenIdle(payload, this.closed.signal);
    if (this.derived) start();
    else {
      const unsubscribe = this.subscribe(() => {
        unsubscribe();
        start();
      });
    }
  }

  /** Answers every filter request up to `seq` (the worker only answers the newest). */
  receiveMatches(seq: number, result: FilterResult): void {
    for (const [waitingSeq, resolve] of this.waiting) {
      if (waitingSeq > seq) continue;
      this.waiting.delete(waitingSeq);
      resolve(result);
    }
  }

  fail(error: Error): void {
    if (!this.baseData) this.onError(error);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  match(filter: SpanFilter): Promise<FilterResult> {
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.waiting.set(seq, resolve);
      send({ type: 'match', id: this.id, seq, filter });
    });
  }

  shown(): void {
    if (this.isShown || !traces.has(this.id)) return;
    this.isShown = true;
    send({ type: 'shown', id: this.id });
  }

  dispose(): void {
    this.closed.abort();
    if (!traces.delete(this.id)) return;
    send({ type: 'close', id: this.id });
  }
}
