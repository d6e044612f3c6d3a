/**
 * OTLP log records by the span they belong to. Apart from extract.ts so the page can group a
 * trace's records without loading every LLM reader.
 */
import { spanIdKey, traceIdKey } from '../trace';
import type { LlmLogRecord } from './gen-ai-logs';

/** Log records grouped by the span they point at (only those of this trace). */
export function groupLogsBySpan(
  logs: readonly LlmLogRecord[],
  traceId: string,
): Map<string, LlmLogRecord[]> {
  const wantedTrace = traceIdKey(traceId);
  const bySpan = new Map<string, LlmLogRecord[]>();
  for (const record of logs) {
    if (record.spanId === undefined) continue;
    if (record.traceId !== undefined && traceIdKey(record.traceId) !== wantedTrace) continue;
    const key = spanIdKey(record.spanId);
    const list = bySpan.get(key);
    if (list) list.push(record);
    else bySpan.set(key, [record]);
  }
  return bySpan;
}
