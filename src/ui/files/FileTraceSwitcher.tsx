import { useMemo } from 'react';
import { Link, Outlet, useMatch, useNavigate } from 'react-router';
import { findFileTrace, useOpenedFiles } from '../../state/opened-files';
import { buildFileTraceRows } from './file-trace-rows';
import './files.css';

/**
 * Layout around the trace routes: on `/trace/file/:traceId` of a file holding several traces,
 * a strip to switch between them. Other trace pages render unchanged.
 */
export function FileTraceSwitcher() {
  const match = useMatch('/trace/file/:traceId');
  const file = useOpenedFiles((state) => state.file);
  const navigate = useNavigate();
  const hasChoice = match !== null && file !== null && file.traces.length > 1;
  const rows = useMemo(
    () => (hasChoice && file ? buildFileTraceRows(file.traces) : []),
    [hasChoice, file],
  );
  const current = match && file ? findFileTrace(file, match.params.traceId ?? '') : undefined;

  return (
    <>
      {hasChoice && file && (
        <nav className="file-switcher" aria-label="Traces in the opened file">
          <span className="muted">
            {file.name} holds {file.traces.length} traces:
          </span>
          <select
            aria-label="Trace in the opened file"
            value={current?.trace.traceId ?? ''}
            onChange={(event) =>
              void navigate(`/trace/file/${encodeURIComponent(event.target.value)}`)
            }
          >
            {current === undefined && <option value="">Choose a trace…</option>}
            {rows.map(({ traceId, summary }) => (
              <option key={traceId} value={traceId}>
                {summary.rootService}: {summary.rootName} ({summary.spanCount} spans) — {traceId}
              </option>
            ))}
          </select>
          <Link to="/file">All traces of the file</Link>
        </nav>
      )}
      <Outlet />
    </>
  );
}
