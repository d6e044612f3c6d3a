/**
 * The first script of the page, an entry of its own (see index.html and vite.config.ts) with no
 * imports but boot-start.ts, which only it uses: a module shared with the app would be a chunk
 * the browser fetches before this can run. Before the app's bundle has even downloaded it
 * starts the trace worker and, on a trace URL whose source the page lists, asks the worker to
 * open that trace: the worker fetches it and reads it while it downloads, on its own thread,
 * whatever the page's thread is busy with. What it started is handed to the app through
 * state/boot-handoff.ts.
 */
import type { BOOT_TRACE_ID, BootGlobal, BootHandoff } from './state/boot-handoff';
import { bootTraceTarget, canTransferStreams, SOURCES_ELEMENT_ID } from './state/boot-start';
import type { WorkerRequest } from './state/trace-worker-protocol';

/** `BOOT_TRACE_ID` (typed by it: a type-only import keeps this file free of imports). */
const BOOT_ID: typeof BOOT_TRACE_ID = 0;

performance.mark('tracefall:boot');
if (typeof Worker !== 'undefined') start();

function start() {
  const worker = new Worker(new URL('./state/trace-worker.ts', import.meta.url), {
    type: 'module',
    name: 'tracefall-traces',
  });
  const early: unknown[] = [];
  const target = bootTraceTarget(
    location.pathname,
    document.getElementById(SOURCES_ELEMENT_ID)?.textContent,
  );
  if (target) {
    const { source, traceId } = target;
    const open: WorkerRequest = { type: 'open', id: BOOT_ID, source, traceId };
    worker.postMessage(open, []);
  }
  const handoff: BootHandoff = {
    worker,
    early,
    trace: target && { sourceId: target.sourceId, traceId: target.traceId },
    streamsMove: canTransferStreams(),
  };
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (handoff.onMessage) handoff.onMessage(event.data);
    else early.push(event.data);
  });
  worker.addEventListener('error', (event) => {
    handoff.failure ??= event.message || 'unknown error';
  });
  (globalThis as BootGlobal).tracefallBoot = handoff;
}
