import type { StatisticsRow } from '../../model/trace-statistics';

export type StatisticsColumn = Exclude<keyof StatisticsRow, 'unfinishedCount' | 'criticalPathNs'>;

export interface SortState {
  readonly column: StatisticsColumn;
  readonly isDescending: boolean;
}

/** Table columns in display order; the first (`key`) is labelled by the grouping. */
export const COLUMNS: readonly { id: StatisticsColumn; label: string; title?: string }[] = [
  { id: 'key', label: 'Name' },
  { id: 'count', label: 'Count' },
  { id: 'totalNs', label: 'Total' },
  { id: 'selfNs', label: 'Self', title: 'Time not covered by child spans' },
  { id: 'avgNs', label: 'Avg' },
  { id: 'p50Ns', label: 'P50' },
  { id: 'p95Ns', label: 'P95' },
  { id: 'maxNs', label: 'Max' },
  { id: 'errorCount', label: 'Errors' },
  { id: 'criticalPathShare', label: 'Critical path', title: 'Share of the trace duration' },
];

/** A sorted copy; ties keep the model's order (total time, then name). */
export function sortRows(rows: readonly StatisticsRow[], sort: SortState): StatisticsRow[] {
  const sign = sort.isDescending ? -1 : 1;
  const { column } = sort;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row[column];
      const y = b.row[column];
      const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
      return sign * order || a.index - b.index;
    })
    .map(({ row }) => row);
}
