/** Facts about the e2e environment set up by playwright.config.ts, for specs to import. */

/** The built Tracefall server under test (Playwright's baseURL). */
export const APP_PORT = 8099;
/** The Jaeger replay (e2e/replay/jaeger-replay.mjs), reachable by the server as source `jaeger`. */
export const REPLAY_PORT = 16699;
export const REPLAY_URL = `http://127.0.0.1:${REPLAY_PORT}`;
/**
 * A generated issue-8-shaped trace the replay also serves (bench/jaeger-payload.mjs): 10,000
 * spans, 11 MB, large enough to be streamed and packed.
 */
export const GENERATED_TRACE = { spans: 10_000, seed: 5 } as const;
/** The Jaeger v3 / Tempo / Zipkin replay (e2e/replay/multi-replay.mjs), one path prefix each. */
export const MULTI_REPLAY_PORT = 16689;
/** Config file adding DOWN_SOURCE, relative to the repository root. */
export const DOWN_SOURCE_CONFIG = 'e2e/support/tracefall.e2e.config.json';
/** Source ids configured for the e2e server. */
export const JAEGER_SOURCE = 'jaeger';
/** Sources served by the multi-backend replay (see tracefall.e2e.config.json). */
export const BACKEND_SOURCES = {
  jaegerV3: 'jaeger-v3',
  /** Jaeger before v2.19: no /api/v3/trace-summaries. */
  jaegerV3Old: 'jaeger-v3-old',
  tempo: 'tempo',
  /** Tempo before 2.0: no /api/v2 routes, `instrumentationLibrarySpans`. */
  tempoOld: 'tempo-old',
  zipkin: 'zipkin',
} as const;
/** Points at a closed port: every proxied request fails with 502 upstream-unreachable. */
export const DOWN_SOURCE = 'down';
/** Proxy timeout of the e2e server (TRACEFALL_PROXY_TIMEOUT_MS). */
export const PROXY_TIMEOUT_MS = 3_000;

/** Trace ids of the fixtures in test/fixtures/jaeger/ that the replay serves. */
export const JAEGER_TRACES = {
  followsFrom: '2992f2a5b5d037a8aabffd08ef384237',
  duplicateSpanIds: '83a9efd15c1c98a977e0711cc93ee28b',
  inlineProcesses: '2be38093ead7a083',
  nonHexIds: 'trace-123',
  spanLongerThanParent: '9ced30503c58dab894a2d7598b01a87a',
  childOutlivesParent: '006c3cf93508f205',
  genai57Spans: '4a1b2c3d4e5f60718293a4b5c6d7e8f9',
} as const;

/** An id the replay does not know: the proxy passes Jaeger's text/plain 404 envelope through. */
export const UNKNOWN_TRACE_ID = '00000000000000000000000000abcdef';
