/**
 * The first script of the page, a small entry of its own (see index.html and vite.config.ts).
 * It starts the trace worker at once, which then loads its code while the app's bundle
 * downloads and evaluates, and then (from the app's own chunks) starts loading the source list
 * and, on a trace URL, the trace. main.tsx makes the same call, in case it runs first.
 */
import { canUseTraceWorker, traceWorker } from './state/trace-worker-instance';

performance.mark('tracefall:boot');
if (canUseTraceWorker()) traceWorker();
void import('./state/boot-load').then(({ startBootLoad }) => startBootLoad(location.pathname));
