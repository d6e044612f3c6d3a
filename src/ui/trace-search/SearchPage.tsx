import { useMemo } from 'react';
import { useDateTimeFormat } from '../shared/use-date-time';
import { Link, useParams, useSearchParams } from 'react-router';
import { parseSearchUrl, toSearchUrl, type SearchParams } from '../../state/search-params';
import { useSearchSource, useTraceSearch } from '../../state/search-queries';

import { SearchForm } from './SearchForm';
import { SearchResults } from './SearchResults';
import './search.css';

/** `/search/:sourceId`: the form (state in the URL, so searches are shareable) and results. */
export function SearchPage() {
  const formatTime = useDateTimeFormat();
  const { sourceId = '' } = useParams();
  const [url, setUrl] = useSearchParams();
  const { params, isSubmitted } = useMemo(() => parseSearchUrl(url), [url]);
  const { sources, info, features } = useSearchSource(sourceId);
  const results = useTraceSearch(info, sourceId, params, isSubmitted);

  const onSearch = (next: SearchParams) => {
    const nextUrl = toSearchUrl(next);
    // The same search again is a refresh: the URL (and so the query key) does not change.
    if (isSubmitted && nextUrl.toString() === url.toString()) void results.refetch();
    else setUrl(nextUrl);
  };

  if (sources.isSuccess && !info) {
    return (
      <div className="search-page">
        <p className="error-text" role="alert">
          There is no searchable source called “{sourceId}”. <Link to="/">Back to home</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="search-page">
      <header className="search-header">
        <h1>
          Search <span className="search-source-name">{info?.name ?? sourceId}</span>
        </h1>
        <Link to="/">Home</Link>
      </header>
      <SearchForm
        key={url.toString()}
        info={info}
        sourceId={sourceId}
        features={features}
        initial={params}
        isSearching={results.isFetching}
        onSearch={onSearch}
      />
      {sources.isError && (
        <p className="error-text" role="alert">
          Could not reach the Tracefall server: {sources.error.message}
        </p>
      )}
      {isSubmitted && (
        <section className="search-results-card" aria-label="Search results">
          <div className="search-status">
            {results.isPending && results.isFetching && <span className="muted">Searching…</span>}
            {results.isSuccess && (
              <span className="muted">
                {results.data.hits.length} {results.data.hits.length === 1 ? 'trace' : 'traces'} ·
                as of {formatTime(results.dataUpdatedAt)}
              </span>
            )}
            {!results.isPending && (
              <button
                type="button"
                className="icon-button"
                onClick={() => void results.refetch()}
                disabled={results.isFetching}
              >
                {results.isFetching ? 'Refreshing…' : 'Refresh'}
              </button>
            )}
          </div>
          {results.isError && (
            <p className="error-text" role="alert" data-testid="search-error">
              The search failed: {results.error.message}
            </p>
          )}
          {results.data?.notes.map((note) => (
            <p key={note} className="search-hint muted">
              {note}
            </p>
          ))}
          {results.isSuccess && results.data.hits.length === 0 && (
            <p className="muted">No traces match. Widen the time range or remove a filter.</p>
          )}
          {results.isSuccess && results.data.hits.length > 0 && (
            <SearchResults sourceId={sourceId} hits={results.data.hits} />
          )}
        </section>
      )}
    </div>
  );
}
