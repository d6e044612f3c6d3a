import { buildSpanTree } from '../../model/span-tree';
import { summarizeTrace, type TraceSummary } from '../../model/trace-summary';
import type { ParsedTrace } from '../../model/trace';

export interface FileTraceRow {
  readonly traceId: string;
  readonly summary: TraceSummary;
  readonly problemCount: number;
}

/** One row per trace of an opened file, with the figures the trace header would show. */
export function buildFileTraceRows(traces: readonly ParsedTrace[]): FileTraceRow[] {
  return traces.map((parsed) => {
    const tree = buildSpanTree(parsed.trace);
    return {
      traceId: parsed.trace.traceId,
      summary: summarizeTrace(tree),
      problemCount: parsed.problems.length + tree.problems.length,
    };
  });
}
