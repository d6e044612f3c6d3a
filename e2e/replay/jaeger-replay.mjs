/**
 * A stand-in Jaeger query service for end-to-end tests. It serves the recorded fixtures in
 * test/fixtures/jaeger/ at Jaeger's real v1 endpoint paths with Jaeger's real response shapes
 * (see ../shared/reference/backend-apis.md §1), including the text/plain 404 envelope.
 *
 * Plain ESM JavaScript so it runs without a TypeScript loader:
 *   node e2e/replay/jaeger-replay.mjs --port 16699 [--host 127.0.0.1] [--fixtures dir]
 *     [--generated spans:seed,…]
 * and importable from Playwright specs (types in jaeger-replay.d.mts).
 *
 * Fixture files are recognised by shape, not name: an envelope `{data: [trace…]}`, a bare trace
 * object `{traceID, spans, processes}`, or a bare span array (each span with an inline
 * `process`, as Jaeger's anonymizer writes). A `[{parent, child, callCount}]` array feeds
 * /api/dependencies. Anything else is skipped.
 */
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildJaegerPayload } from '../../bench/jaeger-payload.mjs';

/** A trace id that is accepted but never answered, for timeout tests. */
export const SLOW_TRACE_ID = 'slow000000000000';
export const DEFAULT_FIXTURES_DIR = fileURLToPath(
  new URL('../../test/fixtures/jaeger/', import.meta.url),
);

/**
 * @typedef {{ serviceName: string, tags?: unknown[] }} JaegerProcess
 * @typedef {{ traceID: string, spanID: string, operationName?: string, processID?: string,
 *   process?: JaegerProcess, tags?: { key: string, value: unknown }[] }} JaegerSpan
 * @typedef {{ traceID: string, spans: JaegerSpan[], processes: Record<string, JaegerProcess>,
 *   warnings?: unknown }} JaegerTrace
 * @typedef {{ traceID: string, file: string, trace: JaegerTrace }} IndexedTrace
 * @typedef {{ traces: Map<string, IndexedTrace>, dependencies: unknown[], skipped: string[] }} FixtureIndex
 */

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @param {unknown} value @returns {value is JaegerTrace} */
function isTrace(value) {
  return isObject(value) && typeof value.traceID === 'string' && Array.isArray(value.spans);
}

/**
 * Jaeger parses hex ids as numbers, so case and leading zeros do not matter; other ids
 * (fixtures use `trace-123`) are compared as they are, ignoring case.
 * @param {string} id
 */
export function normalizeTraceId(id) {
  const lower = id.toLowerCase();
  if (!/^[0-9a-f]+$/.test(lower)) return lower;
  return lower.replace(/^0+(?=.)/, '');
}

/**
 * Since v2.20 Jaeger also accepts base64 ids in the path; map them to hex when they decode to
 * 8 or 16 bytes.
 * @param {string} id
 * @returns {string | undefined}
 */
function base64ToHex(id) {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(id)) return undefined;
  const bytes = Buffer.from(id.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
  return bytes.length === 8 || bytes.length === 16 ? bytes.toString('hex') : undefined;
}

/**
 * Builds a Jaeger trace object from a bare span array with inline processes.
 * @param {JaegerSpan[]} spans
 * @returns {JaegerTrace}
 */
function traceFromSpans(spans) {
  /** @type {Record<string, JaegerProcess>} */
  const processes = {};
  /** @type {Map<string, string>} */
  const idsByProcess = new Map();
  const converted = spans.map((span) => {
    const { process, ...rest } = span;
    if (!process) return rest;
    const key = JSON.stringify(process);
    let processID = idsByProcess.get(key);
    if (processID === undefined) {
      processID = `p${idsByProcess.size + 1}`;
      idsByProcess.set(key, processID);
      processes[processID] = process;
    }
    return { ...rest, processID };
  });
  return { traceID: spans[0]?.traceID ?? '', spans: converted, processes, warnings: null };
}

/**
 * @param {unknown} json
 * @returns {{ traces: JaegerTrace[], dependencies?: unknown[] }}
 */
function classify(json) {
  if (isObject(json) && Array.isArray(json.data)) return { traces: json.data.filter(isTrace) };
  if (isTrace(json)) return { traces: [json] };
  if (Array.isArray(json) && json.length > 0 && json.every((s) => isObject(s) && 'spanID' in s)) {
    return { traces: [traceFromSpans(/** @type {JaegerSpan[]} */ (json))] };
  }
  if (Array.isArray(json) && json.every((d) => isObject(d) && 'parent' in d && 'child' in d)) {
    return { traces: [], dependencies: json };
  }
  return { traces: [] };
}

/**
 * Reads every *.json file of `dir`, in name order; the first file wins for a duplicate trace id.
 * @param {string} dir
 * @returns {FixtureIndex}
 */
export function indexFixtures(dir) {
  /** @type {FixtureIndex} */
  const index = { traces: new Map(), dependencies: [], skipped: [] };
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const file of files) {
    const { traces, dependencies } = classify(
      JSON.parse(readFileSync(path.join(dir, file), 'utf8')),
    );
    if (dependencies) index.dependencies.push(...dependencies);
    if (traces.length === 0 && !dependencies) index.skipped.push(file);
    for (const trace of traces) {
      const key = normalizeTraceId(trace.traceID);
      if (!index.traces.has(key)) index.traces.set(key, { traceID: trace.traceID, file, trace });
    }
  }
  return index;
}

/** @param {JaegerTrace} trace @param {JaegerSpan} span */
function serviceOf(trace, span) {
  return span.process?.serviceName ?? trace.processes[span.processID ?? '']?.serviceName;
}

/** @param {JaegerSpan} span */
function spanKindOf(span) {
  const tag = span.tags?.find((t) => t.key === 'span.kind');
  return typeof tag?.value === 'string' ? tag.value : '';
}

/** @param {unknown} data @param {number} [total] */
function envelope(data, total = 0) {
  return { data, total, limit: 0, offset: 0, errors: null };
}

/** @param {http.ServerResponse} res @param {unknown} body */
function sendJson(res, body) {
  const text = JSON.stringify(body);
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * Jaeger answers errors through Go's http.Error: the JSON envelope, text/plain, trailing newline.
 * @param {http.ServerResponse} res @param {number} code @param {string} msg
 */
function sendJaegerError(res, code, msg) {
  const text = `${JSON.stringify({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code, msg }] })}\n`;
  res.writeHead(code, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Go's default 404 for routes the server does not have (e.g. /api/v3 on an old Jaeger). */
function sendGoNotFound(/** @type {http.ServerResponse} */ res) {
  res.writeHead(404, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end('404 page not found\n');
}

/**
 * @param {{ fixturesDir?: string, index?: FixtureIndex }} [options]
 * @returns {http.Server}
 */
export function createReplayServer(options = {}) {
  const index = options.index ?? indexFixtures(options.fixturesDir ?? DEFAULT_FIXTURES_DIR);
  const generated = options.generated ?? new Map();
  const all = [...index.traces.values()];

  /** @param {string} rawId */
  const findTrace = (rawId) => {
    const id = normalizeTraceId(rawId);
    const hex = base64ToHex(rawId);
    return (
      index.traces.get(id) ??
      (hex === undefined ? undefined : index.traces.get(normalizeTraceId(hex)))
    );
  };

  /** @param {string} service */
  const spansOfService = (service) =>
    all.flatMap(({ trace }) => trace.spans.filter((span) => serviceOf(trace, span) === service));

  /** @param {URLSearchParams} params @param {http.ServerResponse} res */
  const search = (params, res) => {
    const ids = params.getAll('traceID');
    if (ids.length > 0) {
      const found = ids.map((id) => ({ id, hit: findTrace(id) }));
      const errors = found
        .filter((f) => !f.hit)
        .map((f) => ({ msg: 'trace not found', traceID: f.id }));
      sendJson(res, {
        ...envelope(found.flatMap((f) => (f.hit ? [f.hit.trace] : []))),
        errors: errors.length > 0 ? errors : null,
      });
      return;
    }
    const service = params.get('service');
    if (!service) {
      sendJaegerError(res, 400, "parameter 'service' is required");
      return;
    }
    const operation = params.get('operation');
    const limit = Number(params.get('limit') ?? 100) || 100;
    // The recorded traces are years old: the time window (start/end) is deliberately ignored.
    const traces = all
      .map(({ trace }) => trace)
      .filter((trace) =>
        trace.spans.some(
          (span) =>
            serviceOf(trace, span) === service && (!operation || span.operationName === operation),
        ),
      )
      .slice(0, limit);
    sendJson(res, envelope(traces));
  };

  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://replay.invalid');
    const segments = url.pathname.split('/').slice(1);
    if (req.method !== 'GET') {
      res.writeHead(405, { Allow: 'GET' });
      res.end();
      return;
    }
    if (url.pathname === '/api/traces') {
      search(url.searchParams, res);
      return;
    }
    if (segments.length === 3 && segments[0] === 'api' && segments[1] === 'traces') {
      const id = decodeURIComponent(segments[2] ?? '');
      if (id === SLOW_TRACE_ID) return; // never answered; closed when the server stops
      const large = generated.get(normalizeTraceId(id));
      if (large) {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': large.bytes });
        for (const chunk of large.chunks) res.write(chunk);
        res.end();
        return;
      }
      const hit = findTrace(id);
      if (hit) sendJson(res, envelope([hit.trace]));
      else sendJaegerError(res, 404, 'trace not found');
      return;
    }
    if (url.pathname === '/api/services') {
      const services = [
        ...new Set(all.flatMap(({ trace }) => trace.spans.map((s) => serviceOf(trace, s)))),
      ]
        .filter((s) => typeof s === 'string')
        .sort();
      sendJson(res, envelope(services, services.length));
      return;
    }
    if (segments.length === 4 && segments[1] === 'services' && segments[3] === 'operations') {
      const names = [
        ...new Set(
          spansOfService(decodeURIComponent(segments[2] ?? '')).map((s) => s.operationName),
        ),
      ];
      sendJson(res, envelope(names, names.length));
      return;
    }
    if (url.pathname === '/api/operations') {
      const service = url.searchParams.get('service');
      if (!service) {
        sendJaegerError(res, 400, "parameter 'service' is required");
        return;
      }
      const kind = url.searchParams.get('spanKind');
      const seen = new Map();
      for (const span of spansOfService(service)) {
        const op = { name: span.operationName ?? '', spanKind: spanKindOf(span) };
        if (!kind || op.spanKind === kind) seen.set(`${op.name}\u0000${op.spanKind}`, op);
      }
      sendJson(res, envelope([...seen.values()], seen.size));
      return;
    }
    if (url.pathname === '/api/dependencies') {
      sendJson(res, envelope(index.dependencies));
      return;
    }
    // /api/v3/* and everything else: like a Jaeger without those routes.
    sendGoNotFound(res);
  });
}

/**
 * Issue-8-shaped traces generated in code (bench/jaeger-payload.mjs), `spans:seed` pairs
 * separated by commas, keyed by trace id. Served as bytes, outside search and service lists.
 * @param {string} spec
 */
export function generateTraces(spec) {
  const traces = new Map();
  for (const pair of spec.split(',').filter(Boolean)) {
    const [spans, seed] = pair.split(':').map(Number);
    const payload = buildJaegerPayload(spans ?? 0, seed ?? 1);
    traces.set(normalizeTraceId(payload.traceId), payload);
  }
  return traces;
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
  const port = Number(args.port ?? 16686);
  const fixturesDir = path.resolve(args.fixtures ?? DEFAULT_FIXTURES_DIR);
  const index = indexFixtures(fixturesDir);
  const generated = generateTraces(args.generated ?? '');
  const server = createReplayServer({ index, generated });
  server.listen(port, host, () => {
    console.log(`Jaeger replay listening on http://${host}:${port}`);
    console.log(`  ${index.traces.size} traces from ${fixturesDir}`);
    for (const { traceID, file } of index.traces.values()) console.log(`  ${traceID}  ${file}`);
    for (const [traceID, { bytes }] of generated)
      console.log(`  ${traceID}  generated, ${bytes} bytes`);
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
