/**
 * The one trace worker: the one src/boot.ts started (taken over from its handoff, with the
 * messages it has kept), or one started here where boot.ts did not run (tests, dev fallbacks).
 * trace-worker-client.ts talks to it; messages that arrive before the client listens are kept.
 */
import { bootHandoff } from './boot-handoff';
import type { TRACE_WORKER_NAME } from './boot-start';

/** The worker's name as boot.ts gives it (boot-start.ts stays out of the app's chunks). */
const WORKER_NAME: typeof TRACE_WORKER_NAME = 'tracefall-traces';

let worker: Worker | undefined;
let listener: ((data: unknown) => void) | undefined;
let early: unknown[] = [];

/** Module workers exist in every browser Tracefall supports, but not in jsdom or Node. */
export function canUseTraceWorker(): boolean {
  return typeof Worker !== 'undefined' && typeof window !== 'undefined';
}

function receive(data: unknown): void {
  if (listener) listener(data);
  else early.push(data);
}

/** The running worker, taken from boot.ts or started on first use. */
export function traceWorker(): Worker {
  if (!worker) {
    const boot = bootHandoff();
    if (boot && !boot.onMessage && boot.failure === undefined) {
      worker = boot.worker;
      boot.onMessage = receive;
      for (const data of boot.early.splice(0)) receive(data);
    } else {
      worker = new Worker(new URL('./trace-worker.ts', import.meta.url), {
        type: 'module',
        name: WORKER_NAME,
      });
      worker.addEventListener('message', (event: MessageEvent<unknown>) => receive(event.data));
    }
  }
  return worker;
}

/** Where the worker's messages go (the client); those that came before are delivered now. */
export function listenToTraceWorker(next: (data: unknown) => void): void {
  listener = next;
  const pending = early;
  early = [];
  for (const data of pending) next(data);
}

/** Forgets a worker that failed, so the next use starts a new one. */
export function forgetTraceWorker(failed: Worker): void {
  if (worker === failed) worker = undefined;
}
