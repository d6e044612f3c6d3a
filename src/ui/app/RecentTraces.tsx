import { Link } from 'react-router';
import { useRecentTraces, type SourceInfo } from '../../state/search-queries';
import { SearchResults } from '../trace-search/SearchResults';

/**
 * The newest traces in the embedded store, refreshed every few seconds, so a developer who
 * points an OpenTelemetry SDK at Tracefall sees their traces arrive.
 */
export function RecentTraces({ source }: { source: SourceInfo }) {
  const recent = useRecentTraces(source, source.id);
  const hits = recent.data?.hits ?? [];
  return (
    <section className="home-card" aria-label="Recent traces">
      <h2>
        Recent traces <span className="muted">· {source.name}</span>
        <Link className="home-card-link" to={`/search/${encodeURIComponent(source.id)}`}>
          Search
        </Link>
      </h2>
      {recent.isPending && <p className="muted">Loading…</p>}
      {recent.isError && (
        <p className="error-text" role="alert">
          Could not list recent traces: {recent.error.message}
        </p>
      )}
      {recent.isSuccess && hits.length === 0 && (
        <p className="muted">
          No traces yet. Point an OpenTelemetry SDK at{' '}
          <code>OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318</code> and they appear here.
        </p>
      )}
      {hits.length > 0 && <SearchResults sourceId={source.id} hits={hits} />}
    </section>
  );
}
