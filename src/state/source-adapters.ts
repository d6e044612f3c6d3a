/**
 * The adapter of any source, the opened file included. Apart from source-registry.ts so the trace
 * page's first bundle carries no adapter (the trace worker and the search pages load them).
 */
import { TraceLoadError, type SourceInfo, type TraceSource } from '../sources/source';
import type { SearchableSource } from '../sources/search-types';
import { fileTraceSource } from './opened-files';
import { createRemoteSource } from './remote-sources';

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
