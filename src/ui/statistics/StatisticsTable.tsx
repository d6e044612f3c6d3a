import { useMemo, useState } from 'react';
import type { CriticalPath } from '../../model/critical-path';
import type { ModelReader } from '../../model/critical-path-summary';
import type { SpanTree } from '../../model/span-tree';
import {
  computeStatistics,
  type StatisticsGroupBy,
  type StatisticsRow,
} from '../../model/trace-statistics';
import { ShareBar } from '../critical-path/ShareBar';
import { formatShare } from '../critical-path/share-format';
import { formatCount, formatDuration } from '../shared/format';
import { useMasker } from '../shared/use-masker';
import { COLUMNS, sortRows, type SortState, type StatisticsColumn } from './statistics-columns';
import './StatisticsTable.css';

export interface StatisticsGroup {
  readonly by: StatisticsGroupBy;
  readonly key: string;
}

interface StatisticsTableProps {
  readonly tree: SpanTree;
  readonly criticalPath: CriticalPath;
  /** Called with the clicked row's group (e.g. to filter the waterfall to it). */
  readonly onFilter: (group: StatisticsGroup) => void;
  readonly initialGroupBy?: StatisticsGroupBy;
  readonly readModel?: ModelReader;
}

const GROUP_LABELS: Readonly<Record<StatisticsGroupBy, string>> = {
  service: 'Service',
  operation: 'Operation',
  model: 'Model',
};

/** Per service, operation or model: counts, durations, errors and share of the critical path. */
export function StatisticsTable({
  tree,
  criticalPath,
  onFilter,
  initialGroupBy = 'service',
  readModel,
}: StatisticsTableProps) {
  const [groupBy, setGroupBy] = useState<StatisticsGroupBy>(initialGroupBy);
  const [sort, setSort] = useState<SortState>({ column: 'totalNs', isDescending: true });
  const rows = useMemo(
    () => computeStatistics(tree, criticalPath, groupBy, { readModel }),
    [tree, criticalPath, groupBy, readModel],
  );
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const toggleSort = (column: StatisticsColumn) =>
    setSort((old) =>
      old.column === column
        ? { column, isDescending: !old.isDescending }
        : { column, isDescending: column !== 'key' },
    );
  return (
    <section className="stats" aria-label="Trace statistics" data-testid="statistics-table">
      <div className="stats-groupby" role="group" aria-label="Group by">
        {(Object.keys(GROUP_LABELS) as StatisticsGroupBy[]).map((by) => (
          <button
            key={by}
            type="button"
            aria-pressed={by === groupBy}
            onClick={() => setGroupBy(by)}
          >
            {GROUP_LABELS[by]}
          </button>
        ))}
      </div>
      {sorted.length === 0 ? (
        <p className="stats-empty">
          {groupBy === 'model' ? 'No span in this trace names a model.' : 'No spans.'}
        </p>
      ) : (
        <table className="stats-table">
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <HeaderCell
                  key={column.id}
                  label={column.id === 'key' ? GROUP_LABELS[groupBy] : column.label}
                  title={column.title}
                  direction={sort.column === column.id ? sort.isDescending : undefined}
                  onSort={() => toggleSort(column.id)}
                />
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <StatisticsTableRow
                key={row.key}
                row={row}
                onFilter={() => onFilter({ by: groupBy, key: row.key })}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function HeaderCell(props: {
  readonly label: string;
  readonly title?: string;
  /** true: descending, false: ascending, undefined: not the sort column. */
  readonly direction: boolean | undefined;
  readonly onSort: () => void;
}) {
  const { label, title, direction, onSort } = props;
  const ariaSort = direction === undefined ? 'none' : direction ? 'descending' : 'ascending';
  return (
    <th scope="col" aria-sort={ariaSort} title={title}>
      <button type="button" onClick={onSort}>
        {label}
        <span className="stats-sort" aria-hidden="true">
          {direction === undefined ? '' : direction ? ' ▾' : ' ▴'}
        </span>
      </button>
    </th>
  );
}

function StatisticsTableRow({
  row,
  onFilter,
}: {
  readonly row: StatisticsRow;
  readonly onFilter: () => void;
}) {
  // Operation names are trace text: masked like the span panel when its switch is on.
  const mask = useMasker();
  const label = mask(row.key);
  return (
    <tr data-testid="statistics-row" data-key={label} onClick={onFilter}>
      <th scope="row">
        <button
          type="button"
          title={`Show only ${label}`}
          onClick={(event) => {
            event.stopPropagation();
            onFilter();
          }}
        >
          {label}
        </button>
      </th>
      <td>
        {formatCount(row.count)}
        {row.unfinishedCount > 0 && (
          <span className="stats-note" title="never ended: left out of the durations">
            {' '}
            ({row.unfinishedCount} open)
          </span>
        )}
      </td>
      <td>{formatDuration(row.totalNs)}</td>
      <td>{formatDuration(row.selfNs)}</td>
      <td>{formatDuration(row.avgNs)}</td>
      <td>{formatDuration(row.p50Ns)}</td>
      <td>{formatDuration(row.p95Ns)}</td>
      <td>{formatDuration(row.maxNs)}</td>
      <td data-error={row.errorCount > 0 || undefined}>{formatCount(row.errorCount)}</td>
      <td>
        <span className="stats-share">
          <ShareBar share={row.criticalPathShare} />
          <span>{formatShare(row.criticalPathShare)}</span>
        </span>
      </td>
    </tr>
  );
}
