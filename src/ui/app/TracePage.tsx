import { useParams } from 'react-router';
import { useTrace } from '../../state/trace-queries';
import { useTraceModel } from '../../state/trace-model';
import { useUrlViewSync } from '../../state/url-state';
import { NewSpansNotice } from '../trace-header/NewSpansNotice';
import { TraceSummaryBar } from '../trace-header/TraceSummaryBar';
import { TraceWorkspace } from './TraceWorkspace';
import { LoadError } from './LoadError';
import { ErrorBoundary } from '../shared/ErrorBoundary';
import './TracePage.css';

/** `/trace/:sourceId/:traceId`: fetch through the server proxy, then header + waterfall + detail. */
export function TracePage() {
  const { sourceId = '', traceId = '' } = useParams();
  return (
    <>
      <UrlViewSync sourceId={sourceId} traceId={traceId} />
      <TraceContent sourceId={sourceId} traceId={traceId} />
    </>
  );
}

function TraceContent({ sourceId, traceId }: { sourceId: string; traceId: string }) {
  const { trace, sources } = useTrace(sourceId, traceId);
  const model = useTraceModel(trace.data);

  // An opened file needs no server; only server sources depend on the source list.
  if (sources.isError && sourceId !== 'file') {
    return <LoadError error={sources.error} onRetry={() => void sources.refetch()} />;
  }
  if (trace.isError) {
    return (
      <LoadError
        error={trace.error}
        traceId={traceId}
        sourceId={sourceId}
        isRetrying={trace.isFetching}
        onRetry={() => void trace.refetch()}
      />
    );
  }
  if (!model) {
    return (
      <div className="trace-loading" role="status">
        <div className="trace-loading-bar" />
        Loading trace <code>{traceId}</code> from <strong>{sourceId}</strong>…
      </div>
    );
  }
  return (
    <div className="trace-page">
      <ErrorBoundary label="trace summary">
        <TraceSummaryBar model={model} sourceId={sourceId} />
        <NewSpansNotice
          sourceId={sourceId}
          traceId={traceId}
          shownCount={model.tree.trace.count}
          isReloading={trace.isFetching}
          onReload={() => void trace.refetch()}
        />
      </ErrorBoundary>
      <TraceWorkspace model={model} />
    </div>
  );
}

/**
 * Renders nothing; isolates URL syncing so store changes do not re-render the whole page. It
 * comes first, so the URL seeds the store before the page below reads it (same commit), and it
 * reads the same query as the page for the tree a compact `collapsed` token refers to.
 */
function UrlViewSync({ sourceId, traceId }: { sourceId: string; traceId: string }) {
  const { trace } = useTrace(sourceId, traceId);
  useUrlViewSync(`${sourceId}/${traceId}`, trace.data?.base.tree);
  return null;
}
