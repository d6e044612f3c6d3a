import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSources } from '../../state/trace-queries';
import { OpenTraceFilePanel } from '../files/OpenTraceFilePanel';
import { RecentTraces } from './RecentTraces';
import './HomePage.css';

const KIND_LABEL: Record<string, string> = {
  jaeger: 'Jaeger',
  'jaeger-v3': 'Jaeger (API v3)',
  tempo: 'Grafana Tempo',
  zipkin: 'Zipkin',
  local: 'Embedded store',
};

/** Home: the configured sources, a way to open a trace by id, and one to open a trace file. */
export function HomePage() {
  const sources = useSources();
  const navigate = useNavigate();
  const [sourceId, setSourceId] = useState('');
  const [traceId, setTraceId] = useState('');
  const list = sources.data ?? [];
  const chosen = sourceId || list[0]?.id || '';
  const localSource = list.find((source) => source.kind === 'local');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const id = traceId.trim();
    if (!chosen || !id) return;
    navigate(`/trace/${encodeURIComponent(chosen)}/${encodeURIComponent(id)}`);
  };

  return (
    <div className="home">
      {localSource && <RecentTraces source={localSource} />}
      <section className="home-card">
        <h1>Open a trace</h1>
        <form className="home-open" onSubmit={onSubmit}>
          <label>
            <span>Source</span>
            <select
              value={chosen}
              onChange={(event) => setSourceId(event.target.value)}
              aria-label="Source"
              disabled={list.length === 0}
            >
              {list.map((source) => (
                <option key={source.id} value={source.id}>
                  {source.name}
                </option>
              ))}
            </select>
          </label>
          <label className="home-open-id">
            <span>Trace id</span>
            <input
              value={traceId}
              onChange={(event) => setTraceId(event.target.value)}
              placeholder="e.g. 4bf92f3577b34da6a3ce929d0e0e4736"
              aria-label="Trace id"
              spellCheck={false}
              autoComplete="off"
            />
          </label>
          <button type="submit" className="primary-button" disabled={!chosen || !traceId.trim()}>
            Open
          </button>
        </form>
      </section>

      <OpenTraceFilePanel />

      <section className="home-card">
        <h2>Sources</h2>
        {sources.isPending && <p className="muted">Loading sources…</p>}
        {sources.isError && (
          <p className="error-text" role="alert">
            Could not reach the Tracefall server: {sources.error.message}
          </p>
        )}
        {sources.isSuccess && list.length === 0 && (
          <p className="muted">
            No sources are configured. Start Tracefall with{' '}
            <code>JAEGER_URL=http://host:16686</code> or a <code>tracefall.config.json</code>.
          </p>
        )}
        <ul className="source-list">
          {list.map((source) => (
            <li key={source.id} data-testid="source" data-source-id={source.id}>
              <span className="source-name">{source.name}</span>
              <span className="source-kind">{KIND_LABEL[source.kind] ?? source.kind}</span>
              <code className="source-id">{source.id}</code>
              <Link to={`/search/${encodeURIComponent(source.id)}`} className="source-search">
                Search
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
