/**
 * The one trace worker, on its own and without dependencies, so that src/boot.ts can start it
 * (and the worker can start loading its code) before anything else of the app has loaded.
 * trace-worker-client.ts talks to it; messages that arrive before the client listens are kept.
 */

let worker: Worker | undefined;
let listener: ((data: unknown) => void) | undefined;
let early: unknown[] = [];

/** Module workers exist in every browser Tracefall supports, but not in jsdom or Node. */
export function canUseTraceWorker(): boolean {
  return typeof Worker !== 'undefined' && typeof window !== 'undefined';
}

/** The running worker, started on first use. */
export function traceWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./trace-worker.ts', import.meta.url), {
      type: 'module',
      name: 'tracefall-traces',
    });
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (listener) listener(event.data);
      else early.push(event.data);
    });
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
