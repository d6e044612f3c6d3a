import { useMemo, useState } from 'react';
import { useDateTimeFormat } from '../shared/use-date-time';
import { Link } from 'react-router';
import type { TraceSearchHit } from '../../state/search-queries';
import { formatCount, formatDuration } from '../shared/format';
import { serviceColor } from '../shared/service-color';
import { DEFAULT_HIT_SORT, nextSort, sortHits, type HitSort, type HitSortKey } from './sort-hits';

interface SearchResultsProps {
  sourceId: string;
  hits: readonly TraceSearchHit[];
}

const COLUMNS: readonly { key: HitSortKey; label: string; numeric?: boolean }[] = [
  { key: 'start', label: 'Started' },
  { key: 'name', label: 'Root service and name' },
  { key: 'duration', label: 'Duration', numeric: true },
  { key: 'spans', label: 'Spans', numeric: true },
  { key: 'errors', label: 'Errors', numeric: true },
];

/** Search results as a sortable table; each row opens its trace. */
export function SearchResults({ sourceId, hits }: SearchResultsProps) {
  const formatTime = useDateTimeFormat();
  const [sort, setSort] = useState<HitSort>(DEFAULT_HIT_SORT);
  const sorted = useMemo(() => sortHits(hits, sort), [hits, sort]);
  const longestUs = useMemo(() => Math.max(1, ...hits.map((h) => h.durationUs ?? 0)), [hits]);

  return (
    <table className="search-results">
      <thead>
        <tr>
          {COLUMNS.map(({ key, label, numeric }) => (
            <th
              key={key}
              scope="col"
              className={numeric ? 'numeric' : undefined}
              aria-sort={
                sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined
              }
            >
              <button
                type="button"
                className="search-sort"
                onClick={() => setSort(nextSort(sort, key))}
              >
                {label}
                {sort.key === key && (
                  <span aria-hidden="true">{sort.descending ? ' ▾' : ' ▴'}</span>
                )}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((hit) => {
          const href = `/trace/${encodeURIComponent(sourceId)}/${encodeURIComponent(hit.traceId)}`;
          return (
            <tr
              key={hit.traceId}
              data-testid="recent-trace"
              data-trace-id={hit.traceId}
              data-source-id={sourceId}
            >
              <td className="search-start">
                {hit.startEpochUs === null ? '—' : formatTime(hit.startEpochUs / 1000)}
              </td>
              <td>
                <Link to={href} className="search-trace-link">
                  <span
                    className="search-service-dot"
                    style={{ background: serviceColor(hit.rootService) }}
                    aria-hidden="true"
                  />
                  <span className="search-root-service">
                    {hit.rootService || '(root span not received yet)'}
                  </span>
                  {hit.rootName && <span>: {hit.rootName}</span>}
                </Link>
                <code className="search-trace-id">{hit.traceId}</code>
              </td>
              <td className="numeric">
                {hit.durationUs === null ? (
                  '—'
                ) : (
                  <span className="search-duration">
                    <span className="search-duration-track" aria-hidden="true">
                      <span
                        className="search-duration-bar"
                        style={{ width: `${Math.max(2, (hit.durationUs / longestUs) * 100)}%` }}
                      />
                    </span>
                    {formatDuration(hit.durationUs * 1000)}
                  </span>
                )}
              </td>
              <td className="numeric">
                {hit.spanCount === null ? '—' : formatCount(hit.spanCount)}
              </td>
              <td className={hit.errorCount ? 'numeric error-text' : 'numeric'}>
                {hit.errorCount === null ? '—' : formatCount(hit.errorCount)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
