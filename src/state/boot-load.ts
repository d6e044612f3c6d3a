/**
 * What the app starts as its bundle is evaluated, before it renders: the source list, and on a
 * trace URL the trace. The worker and the trace are usually already under way (src/boot.ts,
 * handed over through boot-handoff.ts): the trace is then adopted, not asked for again. The
 * queries take the answers started here instead of asking again.
 */
import type { SourceInfo } from '../sources/source';
import type { LoadedTrace } from './loaded-trace';
import { isSmallBody, streamedTraceUrl } from '../sources/jaeger/jaeger-trace-url';
import { markTraceTiming } from './perf-marks';
import { embeddedSources, fetchSources, FILE_SOURCE_ID } from './source-registry';
import { bootHandoff } from './boot-handoff';
import { adoptBootTrace, openInWorker, prewarmTraceWorker } from './trace-worker-client';
import { canUseTraceWorker } from './trace-worker-instance';

const TRACE_PATH = /^\/trace\/([^/]+)\/([^/]+)\/?$/;

let bootSources: Promise<SourceInfo[]> | undefined;
interface BootTraceLoad {
  readonly sourceId: string;
  readonly traceId: string;
  readonly loaded: Promise<LoadedTrace>;
}

let bootTrace: BootTraceLoad | undefined;

let isStarted = false;

/** Starts the early loads, once (main.tsx calls it as the app's bundle runs). */
export function startBootLoad(pathname: string): void {
  if (isStarted || !canUseTraceWorker()) return;
  isStarted = true;
  prewarmTraceWorker();
  const embedded = embeddedSources();
  bootSources = embedded ? Promise.resolve(embedded) : fetchSources();
  bootSources.catch(() => undefined); // the sources query reports failures itself
  const match = TRACE_PATH.exec(pathname);
  if (!match) return;
  const sourceId = safeDecode(match[1] ?? '');
  const traceId = safeDecode(match[2] ?? '');
  if (sourceId === FILE_SOURCE_ID || sourceId === '' || traceId === '') return;
  const loaded = bootOpen(bootSources, sourceId, traceId);
  loaded.catch(() => undefined); // a failed early load is simply asked again by the query
  bootTrace = { sourceId, traceId, loaded };
}

/**
 * The trace boot.ts already asked the worker for is adopted as it is. Otherwise (the source
 * list was not embedded: an access token is required) a Jaeger trace is fetched right here and
 * handed to the worker as its body stream, which the worker reads while it downloads (read
 * whole first where streams cannot be transferred); any other kind, the worker fetches.
 */
async function bootOpen(
  sources: Promise<SourceInfo[]>,
  sourceId: string,
  traceId: string,
): Promise<LoadedTrace> {
  const early = bootHandoff()?.trace;
  if (early?.sourceId === sourceId && early.traceId === traceId) return adoptBootTrace();
  const info = (await sources.catch(() => [])).find((source) => source.id === sourceId);
  if (info?.kind !== 'jaeger') return openInWorker(info ?? { id: sourceId }, traceId);
  const url = streamedTraceUrl(info.id, traceId);
  const response = await fetch(url, { headers: { Accept: 'application/json' } }).catch(
    () => undefined,
  );
  if (!response) return openInWorker(info, traceId);
  const { status } = response;
  const headers = [...response.headers.entries()];
  if (response.ok && response.body && canTransferStreams()) {
    // The worker reads the body, small or large, while this thread goes on evaluating the app:
    // one hop through this (busy) thread instead of two. The page marks when the last byte came.
    void afterResponseEnd(url).then(() => markPageFetch(url));
    return openInWorker(info, traceId, undefined, { status, headers, body: response.body });
  }
  if (response.ok && response.body && !isSmallBody(response)) {
    // Older engines cannot hand a stream over: the worker asks again and reads it itself.
    void response.body.cancel();
    return openInWorker(info, traceId);
  }
  const body = await response.arrayBuffer();
  markPageFetch(url);
  return openInWorker(info, traceId, undefined, { status, headers, body });
}

/** Whether streams move to workers here, as boot.ts found (no boot.ts: assume they do not). */
function canTransferStreams(): boolean {
  return bootHandoff()?.streamsMove ?? false;
}

/** Resolves once the page's Resource Timing has an entry for `url` (the body has ended). */
function afterResponseEnd(url: string): Promise<void> {
  const name = new URL(url, location.href).href;
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntriesByName(name).length) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: 'resource', buffered: true });
  });
}

/** The trace request's Resource Timing, as the worker would have reported it. */
function markPageFetch(url: string): void {
  const entry = performance.getEntriesByName(new URL(url, location.href).href).at(-1);
  if (!(entry instanceof PerformanceResourceTiming)) return;
  markTraceTiming({
    requestStartEpochMs: performance.timeOrigin + entry.startTime,
    responseEndEpochMs: performance.timeOrigin + entry.responseEnd,
    isStreamed: false,
  });
}

/** The source list asked for at boot, once (later calls fetch anew). */
export function takeBootSources(): Promise<SourceInfo[]> | undefined {
  const sources = bootSources;
  bootSources = undefined;
  return sources;
}

/** The trace loaded at boot when it is this one, once. */
export function takeBootTrace(sourceId: string, traceId: string): Promise<LoadedTrace> | undefined {
  if (bootTrace?.sourceId !== sourceId || bootTrace.traceId !== traceId) return undefined;
  const { loaded } = bootTrace;
  bootTrace = undefined;
  return loaded;
}

/**
 * Calls `ready` with the boot trace as soon as its base data is in, unless a query has taken
 * it by then (`takeBootTrace`): the trace can then be in the query cache before the app's first
 * render.
 */
export function whenBootTraceReady(
  ready: (sourceId: string, traceId: string, loaded: LoadedTrace) => void,
): void {
  const load = bootTrace;
  if (!load) return;
  load.loaded.then(
    (loaded) => {
      if (bootTrace !== load) return;
      bootTrace = undefined;
      ready(load.sourceId, load.traceId, loaded);
    },
    () => undefined,
  );
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}
