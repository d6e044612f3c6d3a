/**
 * The first script of the page, a small entry of its own (see index.html): it starts loading the
 * source list and, on a trace URL, the trace in the trace worker, while the app's larger bundle
 * is still downloading and evaluating.
 */
import { startBootLoad } from './state/boot-load';

performance.mark('tracefall:boot');
startBootLoad(location.pathname);
