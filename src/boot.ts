/**
 * The first script of the page, an entry of its own (see index.html and vite.config.ts) with no
 * imports but boot-start.ts, which only it uses: a module shared with the app would be a chunk
 * the browser fetches before this can run. Before the app's bundle has even downloaded it
 * starts the trace worker and, on a trace URL whose source the page lists, has the worker open
 * that trace (named in the worker's name, as trace `BOOT_TRACE_ID`): the worker fetches it and
 * reads it while it downloads, on its own thread, whatever the page's thread is busy with. What it started is handed to the app through
 * state/boot-handoff.ts.
 */
import type { BootGlobal, BootHandoff } from './state/boot-handoff';
import {
  bootTraceTarget,
  bootWorkerName,
  canTransferStreams,
  SOURCES_ELEMENT_ID,
} from './state/boot-start';

performance.mark('tracefall:boot');
if (typeof Worker !== 'undefined') start();

function start() {
  const target = bootTraceTarget(
    location.pathname,
    document.getElementById(SOURCES_ELEMENT_ID)?.textContent,
  );
  // The worker opens the trace its name carries as soon as it runs (trace-worker-boot.ts).
  const worker = new Worker(new URL('./state/trace-worker.ts', import.meta.url), {
    type: 'module',
    name: bootWorkerName(target),
  });
  const early: unknown[] = [];
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
