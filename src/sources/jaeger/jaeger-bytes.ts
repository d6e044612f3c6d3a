/**
 * Span records of a streamed Jaeger trace, decoded from the payload bytes only when asked for:
 * the span's JSON slice goes through `convertSpan`, the same function the exact path uses, so an
 * opened span looks exactly as if the whole payload had been parsed.
 */
import type { SpanRecords } from '../../model/span-table';
import type { Span } from '../../model/trace';
import { convertSpan, type SpanContext } from './jaeger-span';
import { plainChunks, type ChunkedBytes } from './packed-chunks';

/** Where each span's JSON lies in the kept payload chunks. Plain data: it crosses threads. */
export interface JaegerSpanBytes {
  readonly chunks: readonly Uint8Array[];
  readonly chunk: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** What `convertSpan` needs from the trace. */
  readonly traceId: string;
  readonly originUs: number;
  readonly resourceIndex: Int32Array;
}

/** Decoded records kept for reuse: the panel and the LLM readers often ask for the same span. */
const CACHE_SIZE = 256;

/**
 * The records, reading span bytes from `source` (the chunks themselves unless given: the page
 * passes them packed). Only the offsets are kept from `bytes`, never its `chunks`.
 */
export function jaegerByteRecords(
  bytes: JaegerSpanBytes,
  source: ChunkedBytes = plainChunks(bytes.chunks),
): SpanRecords {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const cache = new Map<number, Span>();
  const { chunk, from, to, traceId, originUs, resourceIndex } = bytes;
  return {
    get(index) {
      const cached = cache.get(index);
      if (cached) return cached;
      const chunkIndex = chunk[index] ?? -1;
      if (chunkIndex < 0) throw new RangeError(`no span ${index}`);
      const text = decoder.decode(
        source.bytesOf(chunkIndex, from[index] as number, to[index] as number),
      );
      const ctx: SpanContext = {
        traceId,
        originUs,
        // The scanner only takes spans that convert without problems: nothing lands here.
        problems: [],
        resolveResource: () => resourceIndex[index] ?? 0,
      };
      const span = convertSpan(JSON.parse(text), index, ctx);
      if (!span) throw new RangeError(`span ${index} has no id`);
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as number);
      cache.set(index, span);
      return span;
    },
  };
}

/**
 * A copy of the bytes of the spans `keep` selects, in one small chunk; the other spans can no
 * longer be decoded from it. Lets the worker keep what its LLM readers need and hand the whole
 * payload to the page.
 */
export function compactSpanBytes(
  bytes: JaegerSpanBytes,
  keep: (index: number) => boolean,
): JaegerSpanBytes {
  const count = bytes.chunk.length;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (keep(i)) total += (bytes.to[i] as number) - (bytes.from[i] as number);
  }
  const data = new Uint8Array(total);
  const chunk = new Int32Array(count).fill(-1);
  const from = new Int32Array(count);
  const to = new Int32Array(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (!keep(i)) continue;
    const source = bytes.chunks[bytes.chunk[i] as number] as Uint8Array;
    data.set(source.subarray(bytes.from[i], bytes.to[i]), at);
    chunk[i] = 0;
    from[i] = at;
    at += (bytes.to[i] as number) - (bytes.from[i] as number);
    to[i] = at;
  }
  return { ...bytes, chunks: [data], chunk, from, to };
}
