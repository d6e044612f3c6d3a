/**
 * The end of a streamed Jaeger read: columns, parent references, search text and the byte-backed
 * records, assembled into what the span tree builder takes. The envelope's trace-level parts
 * (processes → resources, warnings, their problems) go through `parseJaegerTrace` itself, on
 * the trace without its spans, so they come out exactly as the exact path makes them.
 */
import type { SpanSearchText } from '../../model/search-text';
import { type SpanRefs, type TraceTable } from '../../model/span-table';
import { asEpochMicros, type Problem } from '../../model/trace';
import type { ByteChunks } from './byte-chunks';
import { jaegerByteRecords, type JaegerSpanBytes } from './jaeger-bytes';
import type { JaegerStreamScanner } from './jaeger-stream';
import { isRecord } from './jaeger-values';
import { parseJaegerTrace } from './parse-jaeger';

/** A Jaeger trace read by the streaming scanner. Everything but `table.records` is plain data. */
export interface StreamedJaegerTrace {
  readonly table: TraceTable;
  readonly refs: SpanRefs;
  readonly problems: readonly Problem[];
  readonly bytes: JaegerSpanBytes;
  /** Search text as UTF-8 bytes (see model/search-text.ts), decoded where it is searched. */
  readonly searchBytes: SearchBytes;
}

export interface SearchBytes {
  readonly chunks: readonly Uint8Array[];
  readonly chunk: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
}

/** Assembles the scanned trace; `undefined` when the exact path must decide after all. */
export function finishStreamedTrace(
  scanner: JaegerStreamScanner,
  requestedTraceId: string | undefined,
): StreamedJaegerTrace | undefined {
  const { sink, envelope } = scanner;
  const processes = envelope.processes;
  if (!isRecord(processes)) return undefined;
  const resourceOfProcess = new Map(Object.keys(processes).map((id, index) => [id, index]));
  const resourceIndex = sink.processIndex.finish();
  const processIds = sink.processIds.strings;
  for (let i = 0; i < resourceIndex.length; i++) {
    const resource = resourceOfProcess.get(processIds[resourceIndex[i] as number] as string);
    if (resource === undefined) return undefined; // an unknown process is reported by the exact path
    resourceIndex[i] = resource;
  }
  const strings = sink.strings;
  const traceIdIndex = sink.traceIdIndex.finish();
  const ownTraceId = envelope.traceId ? envelope.traceId : undefined;
  const firstSpanTrace = traceIdIndex.find((index: number) => index >= 0);
  const traceId =
    ownTraceId ??
    (firstSpanTrace === undefined ? undefined : strings.strings[firstSpanTrace]) ??
    requestedTraceId ??
    '';
  const skeleton = parseJaegerTrace(
    { traceID: traceId, spans: [], processes, warnings: envelope.warnings },
    requestedTraceId,
  );
  const fallbackTraceIndex = strings.intern(traceId);
  for (let i = 0; i < traceIdIndex.length; i++) {
    if ((traceIdIndex[i] as number) < 0) traceIdIndex[i] = fallbackTraceIndex;
  }
  const startUs = sink.startUs.finish();
  const originUs = earliest(startUs);
  const startNs = new Float64Array(startUs.length);
  const durationNs = sink.durationUs.finish();
  for (let i = 0; i < startUs.length; i++) {
    startNs[i] = Math.round(((startUs[i] as number) - originUs) * 1000);
    const us = durationNs[i] as number;
    durationNs[i] = us < 0 ? -1 : Math.round(us * 1000);
  }
  const bytes: JaegerSpanBytes = {
    chunks: scanner.raw.finish(),
    chunk: sink.rawChunk.finish(),
    from: sink.rawFrom.finish(),
    to: sink.rawTo.finish(),
    traceId,
    originUs,
    resourceIndex,
  };
  const table: TraceTable = {
    count: sink.count,
    spanIds: sink.spanIds,
    sourceSpanIds: sink.spanIds,
    startNs,
    durationNs,
    resourceIndex,
    nameIndex: sink.nameIndex.finish(),
    traceIdIndex,
    strings: strings.strings,
    kindCode: sink.kindCode.finish(),
    statusCode: sink.statusCode.finish(),
    flags: sink.flags.finish(),
    traceId: skeleton.trace.traceId,
    startEpochUs: asEpochMicros(originUs),
    resources: skeleton.trace.resources,
    warnings: skeleton.trace.warnings,
    records: jaegerByteRecords(bytes),
  };
  return {
    table,
    refs: finishRefs(scanner, traceIdIndex),
    problems: skeleton.problems,
    bytes,
    searchBytes: finishSearch(sink.hay, sink),
  };
}

function earliest(values: Float64Array): number {
  let min = Infinity;
  for (const value of values) if (value < min) min = value;
  return min === Infinity ? 0 : min;
}

/** References without a trace id of their own point into their span's trace. */
function finishRefs(scanner: JaegerStreamScanner, traceIdIndex: Int32Array): SpanRefs {
  const { sink } = scanner;
  const refStart = sink.refStart.finish();
  const refTraceIndex = sink.refTraceIndex.finish();
  const strings = sink.strings.strings;
  const refTraceId: string[] = Array.from({ length: refTraceIndex.length }, () => '');
  for (let i = 0; i + 1 < refStart.length; i++) {
    for (let r = refStart[i] as number; r < (refStart[i + 1] as number); r++) {
      const index = refTraceIndex[r] as number;
      refTraceId[r] = strings[index < 0 ? (traceIdIndex[i] as number) : index] ?? '';
    }
  }
  return { refStart, refType: sink.refType.finish(), refSpanId: sink.refSpanId, refTraceId };
}

function finishSearch(hay: ByteChunks, sink: JaegerStreamScanner['sink']): SearchBytes {
  return {
    chunks: hay.finish(),
    chunk: sink.hayChunk.finish(),
    from: sink.hayFrom.finish(),
    to: sink.hayTo.finish(),
  };
}

/** The search text decoded to strings (character offsets differ from bytes only past ASCII). */
export function decodeSearchText(bytes: SearchBytes): SpanSearchText {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const from = bytes.from.slice();
  const to = bytes.to.slice();
  const chunks = bytes.chunks.map((chunk, c) => {
    const text = decoder.decode(chunk);
    if (text.length === chunk.length) return text;
    // Not all ASCII: rebuild this chunk span by span to get character offsets.
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; i < bytes.chunk.length; i++) {
      if (bytes.chunk[i] !== c) continue;
      const part = decoder.decode(chunk.subarray(bytes.from[i], bytes.to[i]));
      from[i] = length;
      length += part.length;
      to[i] = length;
      parts.push(part);
    }
    return parts.join('');
  });
  return { chunks, chunk: bytes.chunk, from, to };
}
