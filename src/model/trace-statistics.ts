import type { CriticalPath } from './critical-path';
import { readNodeModel, readSpanModel, type ModelReader } from './critical-path-summary';
import { computeSelfTimes } from './self-time';
import { isErrorAt, nameAt, serviceAt } from './span-table';
import type { SpanTree } from './span-tree';

export type StatisticsGroupBy = 'service' | 'operation' | 'model';

/** One row of the statistics table. Durations cover finished spans only. */
export interface StatisticsRow {
  /** Service name, operation (span) name, or model name. */
  readonly key: string;
  readonly count: number;
  /** Spans of the group that never ended: counted, but left out of every duration figure. */
  readonly unfinishedCount: number;
  readonly totalNs: number;
  readonly selfNs: number;
  readonly avgNs: number;
  readonly p50Ns: number;
  readonly p95Ns: number;
  readonly maxNs: number;
  readonly errorCount: number;
  /** The group's own time on the critical path, and its share of the trace duration (0..1). */
  readonly criticalPathNs: number;
  readonly criticalPathShare: number;
}

export interface StatisticsOptions {
  readonly readModel?: ModelReader;
}

/**
 * Per-group figures of a trace: by service, by operation (span name, across services), or by
 * model (only spans that name one). Rows come sorted by total time, most first, then by key.
 * Percentiles are nearest-rank. Placeholders are not spans and count nowhere. Times are the
 * critical path's (`cp.times`: raw or clock-skew adjusted). O(n log n).
 */
export function computeStatistics(
  tree: SpanTree,
  cp: CriticalPath,
  groupBy: StatisticsGroupBy,
  { readModel = readSpanModel }: StatisticsOptions = {},
): StatisticsRow[] {
  const selfNs = computeSelfTimes(tree, cp.times);
  const keyOf = groupKeyReader(tree, groupBy, readModel);
  const groups = new Map<string, Group>();
  const table = tree.trace;
  for (let node = 0; node < table.count; node++) {
    const key = keyOf(node);
    if (key === undefined) continue;
    let group = groups.get(key);
    if (!group) {
      group = newGroup();
      groups.set(key, group);
    }
    group.count++;
    if (isErrorAt(table, node)) group.errorCount++;
    group.criticalPathNs += cp.onPathNs[node] as number;
    const durationNs = table.durationNs[node] as number;
    if (durationNs < 0) {
      group.unfinishedCount++;
      continue;
    }
    group.durations.push(durationNs);
    group.selfNs += selfNs[node] as number;
  }
  const traceDurationNs = cp.traceEndNs - cp.traceStartNs;
  return [...groups]
    .map(([key, group]) => toRow(key, group, traceDurationNs))
    .sort((a, b) => b.totalNs - a.totalNs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

interface Group {
  count: number;
  unfinishedCount: number;
  errorCount: number;
  selfNs: number;
  criticalPathNs: number;
  durations: number[];
}

const newGroup = (): Group => ({
  count: 0,
  unfinishedCount: 0,
  errorCount: 0,
  selfNs: 0,
  criticalPathNs: 0,
  durations: [],
});

function groupKeyReader(
  tree: SpanTree,
  groupBy: StatisticsGroupBy,
  readModel: ModelReader,
): (node: number) => string | undefined {
  switch (groupBy) {
    case 'service':
      return (node) => serviceAt(tree.trace, node);
    case 'operation':
      return (node) => nameAt(tree.trace, node);
    case 'model':
      return (node) => readNodeModel(tree, node, readModel);
  }
}

function toRow(key: string, group: Group, traceDurationNs: number): StatisticsRow {
  const durations = Float64Array.from(group.durations).sort();
  let totalNs = 0;
  for (const ns of durations) totalNs += ns;
  const finished = durations.length;
  return {
    key,
    count: group.count,
    unfinishedCount: group.unfinishedCount,
    totalNs,
    selfNs: group.selfNs,
    avgNs: finished > 0 ? totalNs / finished : 0,
    p50Ns: nearestRank(durations, 0.5),
    p95Ns: nearestRank(durations, 0.95),
    maxNs: finished > 0 ? (durations[finished - 1] as number) : 0,
    errorCount: group.errorCount,
    criticalPathNs: group.criticalPathNs,
    criticalPathShare: traceDurationNs > 0 ? group.criticalPathNs / traceDurationNs : 0,
  };
}

/** The smallest value with at least `fraction` of the values at or below it; 0 when empty. */
function nearestRank(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] as number;
}
