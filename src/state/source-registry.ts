import { TraceLoadError, type SourceInfo, type TraceSource } from '../sources/source';
import { createJaegerSource } from '../sources/jaeger/jaeger-source';

/** Picks the adapter for a configured source. Every adapter returns the same model. */
export function createSource(info: SourceInfo): TraceSource {
  switch (info.kind) {
    case 'jaeger':
      return createJaegerSource(info.id);
    default:
      throw new TraceLoadError(
        'unknown-source',
        `Sources of kind "${info.kind}" are not supported yet.`,
      );
  }
}

/** Reads `GET /api/sources`. */
export async function fetchSources(signal?: AbortSignal): Promise<SourceInfo[]> {
  const response = await fetch('/api/sources', { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`Could not list sources (HTTP ${response.status})`);
  const body: unknown = await response.json();
  if (!Array.isArray(body)) throw new Error('The server answered /api/sources with a non-list');
  return body as SourceInfo[];
}
