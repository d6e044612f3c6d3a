/**
 * The adapter of each remote source kind, and nothing else: the trace worker imports it, so it
 * may not pull in the page's state (stores, query client).
 */
import type { FetchLike } from '../sources/http-fetch';
import type { SourceInfo } from '../sources/source';
import type { SearchableSource } from '../sources/search-types';
import { createJaegerSource } from '../sources/jaeger/jaeger-source';
import { createJaegerV3Source } from '../sources/jaeger-v3/jaeger-v3-source';
import { createTempoSource } from '../sources/tempo/tempo-source';
import { createZipkinSource } from '../sources/zipkin/zipkin-source';

/**
 * The adapter of a backend (or the embedded store); undefined for kinds that cannot search.
 * `fetchImpl` is for tests; the adapters use the browser's fetch otherwise.
 */
export function createRemoteSource(
  info: SourceInfo,
  fetchImpl?: FetchLike,
): SearchableSource | undefined {
  switch (info.kind) {
    case 'jaeger':
      return createJaegerSource(info.id, fetchImpl);
    case 'jaeger-v3':
    case 'local':
      return createJaegerV3Source(info.id, { kind: info.kind, fetchImpl });
    case 'tempo':
      return createTempoSource(info.id, { fetchImpl });
    case 'zipkin':
      return createZipkinSource(info.id, fetchImpl);
    case 'file':
      return undefined;
  }
}
