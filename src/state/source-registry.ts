import { EMBEDDED_SOURCES_ELEMENT_ID, type SourceInfo } from '../sources/source';
import { reportIfUnauthorized } from '../sources/http-fetch';

/** The last opened trace file, as a source (`/trace/file/:traceId`). */
export const FILE_SOURCE: SourceInfo = { id: 'file', name: 'Opened file', kind: 'file' };

/** Id of the last opened trace file as a source (`/trace/file/:traceId`). */
export const FILE_SOURCE_ID = FILE_SOURCE.id;

/** The source a trace URL names: the opened file, or one of the server's sources. */
export function findSourceInfo(
  sources: readonly SourceInfo[] | undefined,
  sourceId: string,
): SourceInfo | undefined {
  if (sourceId === FILE_SOURCE.id) return FILE_SOURCE;
  return sources?.find((source) => source.id === sourceId);
}

/** Reads `GET /api/sources`. */
export async function fetchSources(signal?: AbortSignal): Promise<SourceInfo[]> {
  const response = await fetch('/api/sources', { signal, headers: { Accept: 'application/json' } });
  reportIfUnauthorized(response);
  if (!response.ok) throw new Error(`Could not list sources (HTTP ${response.status})`);
  const body: unknown = await response.json();
  if (!Array.isArray(body)) throw new Error('The server answered /api/sources with a non-list');
  return body as SourceInfo[];
}

/**
 * The source list the server embedded in index.html (see server/static.ts), when it did: lets
 * the first script open a trace without a round trip. Anything malformed reads as absent.
 */
export function embeddedSources(): SourceInfo[] | undefined {
  if (typeof document === 'undefined') return undefined;
  const text = document.getElementById(EMBEDDED_SOURCES_ELEMENT_ID)?.textContent;
  if (!text) return undefined;
  try {
    const body: unknown = JSON.parse(text);
    if (!Array.isArray(body)) return undefined;
    const isSource = (value: unknown): value is SourceInfo =>
      typeof value === 'object' &&
      value !== null &&
      typeof (value as SourceInfo).id === 'string' &&
      typeof (value as SourceInfo).name === 'string' &&
      typeof (value as SourceInfo).kind === 'string';
    return body.every(isSource) ? body : undefined;
  } catch {
    return undefined;
  }
}
