/**
 * "Download OTLP/JSON" for any opened trace: the UI gets the file name and text from here and
 * never touches the exporter (src/sources) itself.
 */
import { maskTrace, type MaskOptions } from '../model/mask';
import { traceFromTable, type TraceTable } from '../model/span-table';
import { traceToOtlpJson } from '../sources/file/export-otlp';

export interface TraceDownload {
  readonly fileName: string;
  readonly mimeType: string;
  readonly text: string;
}

export interface DownloadOptions {
  /** Masks private data (model/mask.ts) before writing; the file name then says `.masked`. */
  readonly mask?: MaskOptions;
}

/** The trace as an OTLP/JSON document (`TracesData`), named after its id. */
export function buildOtlpDownload(table: TraceTable, options: DownloadOptions = {}): TraceDownload {
  const raw = traceFromTable(table);
  const trace = options.mask ? maskTrace(raw, options.mask) : raw;
  const safeId = trace.traceId.replace(/[^A-Za-z0-9_-]/g, '_') || 'trace';
  return {
    fileName: `trace-${safeId}${options.mask ? '.masked' : ''}.otlp.json`,
    mimeType: 'application/json',
    text: `${JSON.stringify(traceToOtlpJson(trace), null, 1)}\n`,
  };
}
