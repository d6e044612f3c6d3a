/**
 * A loaded trace as the page holds it: the base data at once, the derived data when it is ready
 * (a subscription), and the filter as a request. Two implementations: in the trace worker
 * (trace-worker-client.ts), and in the page itself (here), for tests, opened files and
 * browsers without module workers.
 */
import type { SpanFilter } from '../model/search';
import type { BaseData, DerivedData, FilterResult, SessionInput } from './trace-session';

export interface LoadedTrace {
  readonly base: BaseData;
  /** `undefined` until computed. */
  readonly derived: DerivedData | undefined;
  /** Calls `listener` once the derived data has arrived. */
  subscribe(listener: () => void): () => void;
  /** The filter's matches; answers come in request order, stale ones may be skipped. */
  match(filter: SpanFilter): Promise<FilterResult>;
  /**
   * The page has painted the trace (its first rows): in the worker, the derived data is
   * computed from then on (see `SHOWN_WAIT_MS`), not while the page renders them.
   */
  shown(): void;
  /** Frees what the trace holds (in the worker: everything). */
  dispose(): void;
}

/**
 * A trace built in the page: derived data right away, the filter in the page too. The builder
 * (LLM readers included) loads on demand: the page's first bundle does not carry it.
 */
export async function loadInPage(input: SessionInput): Promise<LoadedTrace> {
  const { TraceSession } = await import('./trace-session');
  const session = new TraceSession(input);
  const derived = await session.derived();
  return {
    base: session.base,
    derived,
    subscribe: () => () => undefined,
    shown: () => undefined,
    match: (filter) => Promise.resolve(session.match(filter)),
    dispose: () => undefined,
  };
}
