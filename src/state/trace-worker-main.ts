/// <reference lib="webworker" />
/**
 * The trace worker's body, loaded by its entry (trace-worker.ts) once the boot trace's request
 * is on its way: connects the host (trace-worker-host.ts) to the worker's scope.
 */
import { setUnauthorizedListener, type FetchLike } from '../sources/http-fetch';
import { createWorkerHost } from './trace-worker-host';
import type { WorkerRequest, WorkerResponse } from './trace-worker-protocol';

export function startTraceWorker(
  scope: DedicatedWorkerGlobalScope,
  options: {
    /** The trace the worker's name asks for, opened before any message. */
    readonly boot: WorkerRequest | undefined;
    /** Messages that came while this module loaded, in order. */
    readonly queued: readonly WorkerRequest[];
    readonly fetchImpl?: FetchLike;
  },
): void {
  const post = (message: WorkerResponse, transfer: Transferable[] = []) =>
    scope.postMessage(message, transfer);
  // The login prompt lives in the page: tell it when the server asks for a login.
  setUnauthorizedListener(() => post({ type: 'unauthorized' }));
  const host = createWorkerHost(post, options.fetchImpl);
  scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) =>
    host.handle(event.data),
  );
  if (options.boot) host.handle(options.boot);
  for (const request of options.queued) host.handle(request);
}
