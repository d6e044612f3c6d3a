import { TraceLoadError, type SourceInfo, type TraceSource } from '../sources/source';
import type { SearchableSource } from '../sources/search-types';
import { createJaegerSource } from '../sources/jaeger/jaeger-source';
import { createJaegerV3Source } from '../sources/jaeger-v3/jaeger-v3-source';
import { createTempoSource } from '../sources/tempo/tempo-source';
import { createZipkinSource } from '../sources/zipkin/zipkin-source';
import { fileTraceSource, FILE_SOURCE } from './opened-files';

/** Id of the last opened trace file as a source (`/trace/file/:traceId`). */
export const FILE_SOURCE_ID = FILE_SOURCE.id;

/** The adapter of a backend (or the embedded store); undefined for kinds that cannot search. */
function createRemoteSource(info: SourceInfo): SearchableSource | undefined {
  switch (info.kind) {
    case 'jaeger':
      return createJaegerSource(info.id);
    case 'jaeger-v3':
    case 'local':
      return createJaegerV3Source(info.id, { kind: info.kind });
    case 'tempo':
      return createTempoSource(info.id);
    case 'zipkin':
      return createZipkinSource(info.id);
    case 'file':
      return undefined;
  }
}

function unsupported(info: SourceInfo): TraceLoadError {
  return new TraceLoadError('unknown-source', `Sources of kind "${info.kind}" are not supported.`);
}

/** Picks the adapter for a source. Every adapter returns the same model. */
export function createSource(info: SourceInfo): TraceSource {
  if (info.kind === 'file') return fileTraceSource;
  const source = createRemoteSource(info);
  if (!source) throw unsupported(info);
  return source;
}

/** The adapter of a source that can search (every kind but `file`). */
export function createSearchSource(info: SourceInfo): SearchableSource {
  const source = createRemoteSource(info);
  if (!source) throw unsupported(info);
  return source;
}

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
  if (!response.ok) throw new Error(`Could not list sources (HTTP ${response.status})`);
  const body: unknown = await response.json();
  if (!Array.isArray(body)) throw new Error('The server answered /api/sources with a non-list');
  return body as SourceInfo[];
}
