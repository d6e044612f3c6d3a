/**
 * "Download OTLP/JSON" for any opened trace: the UI gets the file name and text from here and
 * never touches the exporter (src/sources) itself.
 */
import type { Trace } from '../model/trace';
import { traceToOtlpJson } from '../sources/file/export-otlp';

export interface TraceDownload {
  readonly fileName: string;
  readonly mimeType: string;
  readonly text: string;
}

/** The trace as an OTLP/JSON document (`TracesData`), named after its id. */
export function buildOtlpDownload(trace: Trace): TraceDownload {
  const safeId = trace.traceId.replace(/[^A-Za-z0-9_-]/g, '_') || 'trace';
  return {
    fileName: `trace-${safeId}.otlp.json`,
    mimeType: 'application/json',
    text: `${JSON.stringify(traceToOtlpJson(trace), null, 1)}\n`,
  };
}
