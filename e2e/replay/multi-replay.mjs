/**
 * Stand-ins for Jaeger API v3, Grafana Tempo and Zipkin in end-to-end tests, all on one port,
 * one backend per path prefix (a source URL may carry a base path):
 *
 *   /jaeger-v3       Jaeger v3 (v2.19+: with /api/v3/trace-summaries)
 *   /jaeger-v3-old   Jaeger v3 before v2.19 (no trace-summaries: Go's 404)
 *   /tempo           Tempo 2.6+ (/api/v2/traces, /api/v2/search/tags…; base64 ids, enum names)
 *   /tempo-old       Tempo before 2.0 (no v2 routes; `instrumentationLibrarySpans`)
 *   /zipkin          Zipkin v2
 *
 * Traces are the recorded fixtures of test/fixtures (OTLP ones re-encoded for Tempo at startup),
 * served with each backend's real response shapes and error forms (backend-apis.md). Time
 * windows are checked for their format but not applied: the recordings are old.
 *
 *   node e2e/replay/multi-replay.mjs --port 16689 [--host 127.0.0.1]
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { indexOtlp, indexZipkin, isErrorSpan, summarize } from './replay-data.mjs';
import { goNotFound, hexKey, json, matches, text, v3Error } from './replay-http.mjs';
import { tempo } from './replay-tempo.mjs';

export { TEMPO_PARTIAL_MESSAGE, TEMPO_PARTIAL_TRACE_ID } from './replay-tempo.mjs';

/** @typedef {import('./replay-data.mjs').OtlpTrace} OtlpTrace */

export const FIXTURES_DIR = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

/** @param {Map<string, OtlpTrace>} otlp @param {boolean} hasSummaries */
function jaegerV3(otlp, hasSummaries) {
  const all = [...otlp.values()];
  /** @param {URLSearchParams} q */
  const search = (q) => {
    const pick = (/** @type {string[]} */ ...names) =>
      names.map((n) => q.get(n)).find(Boolean) ?? null;
    if (
      !pick('query.start_time_min', 'query.startTimeMin') ||
      !pick('query.start_time_max', 'query.startTimeMax')
    ) {
      return { error: 'query.startTimeMin and query.startTimeMax are required' };
    }
    const service = pick('query.service_name', 'query.serviceName');
    const operation = pick('query.operation_name', 'query.operationName');
    const depth = Number(pick('query.search_depth', 'query.searchDepth') ?? 100);
    return { traces: all.filter((t) => matches(t, service, operation)).slice(0, depth) };
  };
  return (
    /** @type {string} */ route,
    /** @type {URLSearchParams} */ q,
    /** @type {http.ServerResponse} */ res,
  ) => {
    const byId = /^\/api\/v3\/traces\/([^/]+)$/.exec(route);
    if (byId) {
      const trace = otlp.get(hexKey(byId[1] ?? ''));
      if (!trace) return v3Error(res, 404, 'No traces found');
      return json(res, { result: { resourceSpans: trace.resourceSpans } });
    }
    if (route === '/api/v3/traces' || (route === '/api/v3/trace-summaries' && hasSummaries)) {
      const found = search(q);
      if ('error' in found) return v3Error(res, 400, found.error ?? '');
      if (route === '/api/v3/traces') {
        if (found.traces.length === 0) return v3Error(res, 404, 'No traces found');
        return json(res, {
          result: { resourceSpans: found.traces.flatMap((t) => t.resourceSpans) },
        });
      }
      const summaries = found.traces.map((trace) => {
        const { root, min, max, services } = summarize(trace);
        return {
          traceId: trace.traceId,
          rootServiceName: root?.service,
          rootOperationName: root?.name,
          minStartTimeUnixNano: String(min),
          maxEndTimeUnixNano: String(max),
          spanCount: trace.spans.length,
          errorSpanCount: trace.spans.filter(isErrorSpan).length,
          services: [...services].map(([name, s]) => ({
            name,
            spanCount: s.spanCount,
            errorSpanCount: s.errorCount,
          })),
        };
      });
      return json(res, { summaries });
    }
    if (route === '/api/v3/services') {
      return json(res, {
        services: [...new Set(all.flatMap((t) => t.spans.map((s) => s.service)))].sort(),
      });
    }
    if (route === '/api/v3/operations') {
      const service = q.get('service');
      if (!service) return v3Error(res, 400, 'parameter "service" is required');
      const names = new Set(
        all.flatMap((t) => t.spans.filter((s) => s.service === service).map((s) => s.name)),
      );
      return json(res, {
        operations: [...names].sort().map((name) => ({ name, spanKind: 'server' })),
      });
    }
    return goNotFound(res);
  };
}

/** @param {Map<string, import('./replay-data.mjs').ZipkinTrace>} zipkinTraces */
function zipkin(zipkinTraces) {
  const all = [...zipkinTraces.values()];
  const serviceOf = (/** @type {Record<string, any>} */ s) => s.localEndpoint?.serviceName;
  return (
    /** @type {string} */ route,
    /** @type {URLSearchParams} */ q,
    /** @type {http.ServerResponse} */ res,
  ) => {
    const byId = /^\/api\/v2\/trace\/([^/]+)$/.exec(route);
    if (byId) {
      const id = decodeURIComponent(byId[1] ?? '').toLowerCase();
      const trace = zipkinTraces.get(id) ?? zipkinTraces.get(id.replace(/^0{16}/, ''));
      return trace ? json(res, trace.spans) : text(res, 404, `${id} not found`);
    }
    if (route === '/api/v2/traces') {
      if (!/^\d+$/.test(q.get('endTs') ?? '') || !/^\d+$/.test(q.get('lookback') ?? '')) {
        return text(res, 400, 'endTs and lookback must be ms');
      }
      const service = q.get('serviceName');
      const name = q.get('spanName');
      const found = all.filter((t) =>
        t.spans.some((s) => (!service || serviceOf(s) === service) && (!name || s.name === name)),
      );
      return json(
        res,
        found.slice(0, Number(q.get('limit') ?? 10)).map((t) => t.spans),
      );
    }
    if (route === '/api/v2/services') {
      return json(
        res,
        [...new Set(all.flatMap((t) => t.spans.map(serviceOf)).filter(Boolean))].sort(),
      );
    }
    if (route === '/api/v2/spans') {
      const service = q.get('serviceName');
      const spans = all.flatMap((t) => t.spans).filter((s) => serviceOf(s) === service);
      return json(res, [...new Set(spans.map((s) => s.name))].sort());
    }
    return text(res, 404, 'Not Found');
  };
}

/** @param {{ fixturesDir?: string }} [options] */
export function createMultiReplayServer(options = {}) {
  const dir = options.fixturesDir ?? FIXTURES_DIR;
  const otlp = indexOtlp(dir);
  const backends = {
    'jaeger-v3': jaegerV3(otlp, true),
    'jaeger-v3-old': jaegerV3(otlp, false),
    tempo: tempo(otlp, false),
    'tempo-old': tempo(otlp, true),
    zipkin: zipkin(indexZipkin(path.join(dir, 'zipkin'))),
  };
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://replay.invalid');
    if (url.pathname === '/health') return text(res, 200, 'ok\n');
    if (req.method !== 'GET') return text(res, 405, 'method not allowed');
    const [, prefix = '', ...rest] = url.pathname.split('/');
    const backend = /** @type {Record<string, ReturnType<typeof zipkin>>} */ (backends)[prefix];
    if (!backend) return goNotFound(res);
    return backend(`/${rest.join('/')}`, url.searchParams, res);
  });
}

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {Record<string, string>} */
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`unexpected argument: ${arg}`);
    const [name, inline] = arg.slice(2).split('=', 2);
    args[name ?? ''] = inline ?? argv[++i] ?? '';
  }
  return args;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const host = args.host ?? '127.0.0.1';
  const port = Number(args.port ?? 16689);
  const server = createMultiReplayServer();
  server.listen(port, host, () => {
    console.log(`Multi-backend replay (jaeger-v3, tempo, zipkin) on http://${host}:${port}`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main();
}
