import { Link } from 'react-router';
import { loadErrorReason } from '../../state/trace-queries';

interface LoadErrorProps {
  error: Error;
  traceId?: string;
  sourceId?: string;
  isRetrying?: boolean;
  onRetry?: () => void;
}

interface Explanation {
  title: string;
  hint: string;
  canRetry: boolean;
}

function explain(error: Error, traceId?: string, sourceId?: string): Explanation {
  const reason = loadErrorReason(error);
  switch (reason) {
    case 'not-found':
      return {
        title: 'Trace not found',
        hint: `The backend has no trace with id ${traceId ?? ''}. It may have expired, or the id may belong to another source.`,
        canRetry: true,
      };
    case 'unreachable':
      return {
        title: 'The trace backend is unreachable',
        hint: `Tracefall could not connect to the backend of source “${sourceId ?? ''}”. Check that it is running and that its URL is right.`,
        canRetry: true,
      };
    case 'timeout':
      return {
        title: 'The trace backend timed out',
        hint: 'The backend took too long to answer. It may be overloaded, or the trace may be very large.',
        canRetry: true,
      };
    case 'bad-response':
      return {
        title: 'The backend answered with something that is not a trace',
        hint: 'The response could not be read as a trace. Check that the source points at a trace query API.',
        canRetry: false,
      };
    case 'unknown-source':
      return {
        title: 'Unknown source',
        hint: 'This link names a source that this Tracefall server does not have configured.',
        canRetry: false,
      };
    default:
      return { title: 'The trace could not be loaded', hint: '', canRetry: true };
  }
}

/** Why a trace cannot be shown, in words a user understands, with a retry where it helps. */
export function LoadError({ error, traceId, sourceId, isRetrying, onRetry }: LoadErrorProps) {
  const { title, hint, canRetry } = explain(error, traceId, sourceId);
  return (
    <div className="load-error" data-testid="load-error" role="alert">
      <h1>{title}</h1>
      {hint && <p>{hint}</p>}
      <p className="load-error-detail">{error.message}</p>
      <div className="load-error-actions">
        {canRetry && onRetry && (
          <button type="button" className="primary-button" onClick={onRetry} disabled={isRetrying}>
            {isRetrying ? 'Retrying…' : 'Retry'}
          </button>
        )}
        <Link to="/">Back to home</Link>
      </div>
    </div>
  );
}
