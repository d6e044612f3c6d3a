/// <reference lib="webworker" />
/**
 * The trace worker: fetches, reads and builds traces off the page's thread (see
 * trace-worker-host.ts for what it does, trace-worker-protocol.ts for the messages).
 */
import { setUnauthorizedListener } from '../sources/http-fetch';
import { bootOpenRequest } from './trace-worker-boot';
import { createWorkerHost } from './trace-worker-host';
import type { WorkerRequest, WorkerResponse } from './trace-worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: WorkerResponse, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

// The login prompt lives in the page: tell it when the server asks for a login.
setUnauthorizedListener(() => post({ type: 'unauthorized' }));

const host = createWorkerHost(post);
scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => host.handle(event.data));
// The trace the page's boot script wants, named at the worker's start: opened before any message.
const boot = bootOpenRequest(scope.name);
if (boot) host.handle(boot);
