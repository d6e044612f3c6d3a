import { useMemo } from 'react';
import { useDateTimeFormat } from '../shared/use-date-time';
import { Link } from 'react-router';
import { useOpenedFiles } from '../../state/opened-files';
import { formatCount, formatDuration } from '../shared/format';
import { buildFileTraceRows } from './file-trace-rows';
import { OpenTraceFilePanel } from './OpenTraceFilePanel';
import './files.css';

/** `/file`: the traces of the last opened file, to pick one. */
export function OpenedFilePage() {
  const formatTime = useDateTimeFormat();
  const file = useOpenedFiles((state) => state.file);
  const rows = useMemo(() => (file ? buildFileTraceRows(file.traces) : []), [file]);

  if (!file) {
    return (
      <div className="home">
        <section className="home-card">
          <h1>No trace file is open</h1>
          <p className="muted">Opened files are kept in this browser tab only.</p>
        </section>
        <OpenTraceFilePanel />
      </div>
    );
  }
  return (
    <div className="home opened-file">
      <section className="home-card">
        <h1>
          {file.name} <span className="muted">· {file.formatLabel}</span>
        </h1>
        <p className="muted">
          This file holds {formatCount(file.traces.length)}{' '}
          {file.traces.length === 1 ? 'trace' : 'traces'}. Choose one to open.
        </p>
        <table className="file-trace-table">
          <thead>
            <tr>
              <th scope="col">Trace</th>
              <th scope="col">Started</th>
              <th scope="col" className="numeric">
                Duration
              </th>
              <th scope="col" className="numeric">
                Spans
              </th>
              <th scope="col" className="numeric">
                Errors
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ traceId, summary }) => (
              <tr
                key={traceId}
                data-testid="recent-trace"
                data-trace-id={traceId}
                data-source-id="file"
              >
                <td>
                  <Link to={`/trace/file/${encodeURIComponent(traceId)}`}>
                    <span className="file-trace-service">{summary.rootService}</span>:{' '}
                    {summary.rootName}
                  </Link>
                  <code className="file-trace-id">{traceId}</code>
                </td>
                <td>{formatTime(summary.startEpochUs / 1000)}</td>
                <td className="numeric">{formatDuration(summary.durationNs)}</td>
                <td className="numeric">{formatCount(summary.spanCount)}</td>
                <td className={summary.errorCount > 0 ? 'numeric error-text' : 'numeric'}>
                  {formatCount(summary.errorCount)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
