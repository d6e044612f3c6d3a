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
