/**
 * A search row for a backend whose search returns whole traces (Jaeger v1 and v3 `/traces`,
 * Zipkin): the same figures the trace header shows, from the same model functions.
 */
import { buildSpanTree } from '../model/span-tree';
import { summarizeTrace } from '../model/trace-summary';
import { nanosToMicros, serviceOf, type ParsedTrace } from '../model/trace';
import type { TraceSearchHit } from './search-types';

export function hitFromParsedTrace({ trace }: ParsedTrace): TraceSearchHit {
  const summary = summarizeTrace(buildSpanTree(trace));
  const services = [...new Set(trace.spans.map((span) => serviceOf(trace, span)))].sort();
  const hasSpans = trace.spans.length > 0;
  return {
    traceId: trace.traceId.toLowerCase(),
    startEpochUs: hasSpans ? trace.startEpochUs : null,
    durationUs: hasSpans ? nanosToMicros(summary.durationNs) : null,
    rootService: hasSpans ? summary.rootService : '',
    rootName: hasSpans ? summary.rootName : '',
    spanCount: summary.spanCount,
    errorCount: summary.errorCount,
    services,
  };
}
