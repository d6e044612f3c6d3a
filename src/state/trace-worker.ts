/// <reference lib="webworker" />
/**
 * The trace worker's entry: fetches, reads and builds traces off the page's thread (see
 * trace-worker-host.ts for what it does, trace-worker-protocol.ts for the messages).
 *
 * Kept small on purpose: when the worker's name carries a Jaeger trace to open (the page's boot
 * script, src/boot.ts), its request goes out first, and the rest of the worker's code
 * (trace-worker-main.ts and everything it imports) downloads and compiles while the backend
 * answers.
 */
import { bootFetch, bootOpenRequest } from './trace-worker-boot';
import type { WorkerRequest } from './trace-worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const queued: WorkerRequest[] = [];
const queue = (event: MessageEvent<WorkerRequest>) => queued.push(event.data);
scope.addEventListener('message', queue);

const boot = bootOpenRequest(scope.name);
const fetchImpl = boot && bootFetch(boot);
const { startTraceWorker } = await import('./trace-worker-main');
scope.removeEventListener('message', queue);
startTraceWorker(scope, { boot, queued, fetchImpl });
