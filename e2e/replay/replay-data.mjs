/**
 * Recorded traces for multi-replay.mjs, indexed once at startup: the OTLP/JSON fixtures
 * (hex ids, integer enums) by trace, the same traces re-encoded the way Tempo marshals them
 * (base64 ids, enum names, optionally pre-2.0 names), and the Zipkin fixtures.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {Record<string, any>} Json
 * @typedef {{ traceId: string, file: string, resourceSpans: Json[], spans: Json[] }} OtlpTrace
 * @typedef {{ traceId: string, file: string, spans: Json[] }} ZipkinTrace
 */

const KIND_NAMES = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const STATUS_NAMES = ['UNSET', 'OK', 'ERROR'];

/** @param {string} dir */
function jsonFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? jsonFiles(path.join(dir, entry.name))
        : entry.name.endsWith('.json')
          ? [path.join(dir, entry.name)]
          : [],
    )
    .sort();
}

/** @param {Json} resource */
function serviceOf(resource) {
  const attr = (resource.resource?.attributes ?? []).find((a) => a.key === 'service.name');
  return attr?.value?.stringValue ?? 'unknown_service';
}

/**
 * Splits OTLP documents (also `{result}`) into traces; each keeps only its own spans.
 * @param {string} fixturesDir
 * @returns {Map<string, OtlpTrace>} keyed by lowercase 32-digit hex id
 */
export function indexOtlp(fixturesDir) {
  /** @type {Map<string, OtlpTrace>} */
  const traces = new Map();
  const dirs = ['otlp', 'jaeger-v3', 'llm'].map((d) => path.join(fixturesDir, d));
  for (const file of dirs.flatMap(jsonFiles)) {
    if (file.endsWith('.logs.json')) continue;
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const root = doc.result ?? doc;
    if (!Array.isArray(root.resourceSpans)) continue;
    /** @type {Map<string, OtlpTrace>} */
    const local = new Map();
    /** Copies of a resource / scope entry per trace, keyed by the original entry. */
    /** @type {Map<string, Map<Json, Json>>} */
    const copies = new Map();
    for (const rs of root.resourceSpans) {
      for (const ss of rs.scopeSpans ?? []) {
        for (const span of ss.spans ?? []) {
          const id = String(span.traceId).toLowerCase().padStart(32, '0');
          let trace = local.get(id);
          let seen = copies.get(id);
          if (!trace || !seen) {
            trace = { traceId: id, file: path.basename(file), resourceSpans: [], spans: [] };
            seen = new Map();
            local.set(id, trace);
            copies.set(id, seen);
          }
          let rsCopy = seen.get(rs);
          if (!rsCopy) {
            rsCopy = { resource: rs.resource ?? {}, scopeSpans: [] };
            seen.set(rs, rsCopy);
            trace.resourceSpans.push(rsCopy);
          }
          let ssCopy = seen.get(ss);
          if (!ssCopy) {
            ssCopy = { scope: ss.scope ?? {}, spans: [] };
            seen.set(ss, ssCopy);
            rsCopy.scopeSpans.push(ssCopy);
          }
          ssCopy.spans.push(span);
          trace.spans.push({ ...span, service: serviceOf(rs) });
        }
      }
    }
    for (const [id, trace] of local) if (!traces.has(id)) traces.set(id, trace);
  }
  return traces;
}

/** @param {string} dir @returns {Map<string, ZipkinTrace>} */
export function indexZipkin(dir) {
  /** @type {Map<string, ZipkinTrace>} */
  const traces = new Map();
  for (const file of jsonFiles(dir)) {
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const spans = Array.isArray(doc) ? doc : [doc];
    for (const span of spans) {
      const id = String(span.traceId).toLowerCase();
      let trace = traces.get(id);
      if (!trace) traces.set(id, (trace = { traceId: id, file: path.basename(file), spans: [] }));
      if (trace.file === path.basename(file)) trace.spans.push(span);
    }
  }
  return traces;
}

/** @param {string} hex @param {boolean} isTraceId */
function base64Id(hex, isTraceId) {
  return Buffer.from(isTraceId ? hex.padStart(32, '0') : hex, 'hex').toString('base64');
}

/** @param {Json} span */
function tempoSpan(span) {
  const out = { ...span };
  out.traceId = base64Id(span.traceId, true);
  out.spanId = base64Id(span.spanId, false);
  if (span.parentSpanId) out.parentSpanId = base64Id(span.parentSpanId, false);
  else delete out.parentSpanId;
  if (typeof span.kind === 'number') out.kind = `SPAN_KIND_${KIND_NAMES[span.kind]}`;
  if (typeof span.status?.code === 'number') {
    out.status = { ...span.status, code: `STATUS_CODE_${STATUS_NAMES[span.status.code]}` };
  }
  if (Array.isArray(span.links)) {
    out.links = span.links.map((/** @type {Json} */ link) => ({
      ...link,
      traceId: base64Id(link.traceId, true),
      spanId: base64Id(link.spanId, false),
    }));
  }
  return out;
}

/**
 * Tempo's gogo-jsonpb form of a trace's resource list; `legacy`: pre-2.0 names.
 * @param {OtlpTrace} trace @param {boolean} legacy
 */
export function tempoResources(trace, legacy) {
  return trace.resourceSpans.map(({ scopeSpans, ...rest }) => ({
    ...rest,
    [legacy ? 'instrumentationLibrarySpans' : 'scopeSpans']: scopeSpans.map(
      (/** @type {Json} */ { scope, spans, ...more }) => ({
        ...more,
        [legacy ? 'instrumentationLibrary' : 'scope']: scope,
        spans: spans.map(tempoSpan),
      }),
    ),
  }));
}

/** @param {Json} span */
export function isErrorSpan(span) {
  return span.status?.code === 2;
}

/**
 * Root span (no parent in the trace), times and counts of an OTLP trace, as search rows need.
 * @param {OtlpTrace} trace
 */
export function summarize(trace) {
  const ids = new Set(trace.spans.map((s) => s.spanId));
  const starts = trace.spans.map((s) => BigInt(s.startTimeUnixNano ?? 0));
  const ends = trace.spans.map((s) => BigInt(s.endTimeUnixNano ?? s.startTimeUnixNano ?? 0));
  const min = starts.reduce((a, b) => (b < a ? b : a));
  const max = ends.reduce((a, b) => (b > a ? b : a));
  const roots = trace.spans.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId));
  const root = roots.sort((a, b) =>
    BigInt(a.startTimeUnixNano) < BigInt(b.startTimeUnixNano) ? -1 : 1,
  )[0];
  /** @type {Map<string, { spanCount: number, errorCount: number }>} */
  const services = new Map();
  for (const span of trace.spans) {
    const stat = services.get(span.service) ?? { spanCount: 0, errorCount: 0 };
    stat.spanCount++;
    if (isErrorSpan(span)) stat.errorCount++;
    services.set(span.service, stat);
  }
  return { root, min, max, services };
}
