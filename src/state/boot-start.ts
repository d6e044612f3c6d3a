/**
 * The decisions src/boot.ts makes before the app exists, as plain functions it inlines: this
 * module is imported by boot.ts only, so the bundler keeps it inside the boot chunk. The app
 * reads the same page with its own code (boot-load.ts); boot-start.test.ts checks they agree.
 */
import type { EMBEDDED_SOURCES_ELEMENT_ID, SourceInfo } from '../sources/source';

/** The element the server embeds the source list in (the type ties it to the app's name). */
export const SOURCES_ELEMENT_ID: typeof EMBEDDED_SOURCES_ELEMENT_ID = 'tracefall-sources';

const TRACE_PATH = /^\/trace\/([^/]+)\/([^/]+)\/?$/;
const FILE_SOURCE = 'file';

export interface BootTraceTarget {
  readonly source: SourceInfo;
  readonly sourceId: string;
  readonly traceId: string;
}

/**
 * The trace a page at `pathname` shows, with its source from `sourcesJson` (the embedded
 * source list); undefined for a file, an unknown source, or no list (the app decides then).
 */
export function bootTraceTarget(
  pathname: string,
  sourcesJson: string | null | undefined,
): BootTraceTarget | undefined {
  const match = TRACE_PATH.exec(pathname);
  if (!match || !sourcesJson) return undefined;
  const sourceId = safeDecode(match[1] ?? '');
  const traceId = safeDecode(match[2] ?? '');
  if (sourceId === '' || sourceId === FILE_SOURCE || traceId === '') return undefined;
  let sources: unknown;
  try {
    sources = JSON.parse(sourcesJson);
  } catch {
    return undefined;
  }
  if (!Array.isArray(sources)) return undefined;
  const source = sources.find(
    (candidate: unknown): candidate is SourceInfo =>
      typeof candidate === 'object' &&
      candidate !== null &&
      (candidate as Partial<SourceInfo>).id === sourceId &&
      typeof (candidate as Partial<SourceInfo>).kind === 'string' &&
      typeof (candidate as Partial<SourceInfo>).name === 'string',
  );
  return source && { source, sourceId, traceId };
}

/** Whether this engine can transfer a ReadableStream to a worker (not every browser can). */
export function canTransferStreams(): boolean {
  try {
    const stream = new ReadableStream();
    const channel = new MessageChannel();
    channel.port1.postMessage(stream, [stream]);
    channel.port1.close();
    channel.port2.close();
    return true;
  } catch {
    return false;
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}

/** The trace worker's name (as the browser's task manager and DevTools show it). */
export const TRACE_WORKER_NAME = 'tracefall-traces';

/**
 * The worker's name, carrying the trace to open when there is one (`name#<JSON>`). A message
 * posted to a worker that has not started yet is relayed by the page's thread once the worker
 * runs, and at that moment the page's thread is busy evaluating the app's bundle: the request
 * waited 25–75 ms there. The name reaches the worker with its start (trace-worker-boot.ts reads
 * it).
 */
export function bootWorkerName(target: BootTraceTarget | undefined): string {
  if (!target) return TRACE_WORKER_NAME;
  const request = { source: target.source, traceId: target.traceId };
  return `${TRACE_WORKER_NAME}#${encodeURIComponent(JSON.stringify(request))}`;
}
