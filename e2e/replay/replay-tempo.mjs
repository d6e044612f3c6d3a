/**
 * Tempo stand-in for multi-replay.mjs: trace by id (v1 `batches`, v2 `{trace}` with a PARTIAL
 * case), TraceQL search (service and span name conditions only) and tag discovery.
 */
import { summarize, tempoResources } from './replay-data.mjs';
import { goNotFound, hexKey, json, matches, send, text } from './replay-http.mjs';

/** @typedef {import('./replay-data.mjs').OtlpTrace} OtlpTrace */

/** Tempo v2 answers this trace (otlp-hex_4spans_one-resource.json) as PARTIAL. */
export const TEMPO_PARTIAL_TRACE_ID = 'c620759e5d60fafb8ee0922b30e06bc6';
export const TEMPO_PARTIAL_MESSAGE =
  'trace exceeds max size (max bytes: 5000), partial trace returned';

/** Conditions `resource.service.name = "x"` and `name = "y"` of a TraceQL query. */
function traceQlFilter(/** @type {string} */ q) {
  const read = (/** @type {RegExp} */ re) => re.exec(q)?.[1]?.replaceAll('\\"', '"') ?? null;
  return {
    service: read(/resource\.service\.name\s*=\s*"((?:[^"\\]|\\.)*)"/),
    operation: read(/(?:^|[\s{&|(])name\s*=\s*"((?:[^"\\]|\\.)*)"/),
  };
}

/** @param {Map<string, OtlpTrace>} otlp @param {boolean} isOld */
export function tempo(otlp, isOld) {
  const all = [...otlp.values()];
  const seconds = (/** @type {string | null} */ v) => v !== null && /^\d{1,10}$/.test(v);
  return (
    /** @type {string} */ route,
    /** @type {URLSearchParams} */ q,
    /** @type {import('node:http').ServerResponse} */ res,
  ) => {
    if (isOld && route.startsWith('/api/v2/')) return goNotFound(res);
    const byId = /^\/api\/(v2\/)?traces\/([^/]+)$/.exec(route);
    if (byId) {
      const trace = otlp.get(hexKey(byId[2] ?? ''));
      if (!trace) return send(res, 404, '', 'text/plain');
      if (!byId[1]) return json(res, { batches: tempoResources(trace, isOld) });
      const partial = trace.traceId === TEMPO_PARTIAL_TRACE_ID;
      const body = {
        trace: { resourceSpans: tempoResources(trace, false) },
        metrics: { inspectedBytes: '4096' },
      };
      return json(
        res,
        partial ? { ...body, status: 'PARTIAL', message: TEMPO_PARTIAL_MESSAGE } : body,
      );
    }
    if (route === '/api/search') {
      if (!seconds(q.get('start')) || !seconds(q.get('end'))) {
        return text(res, 400, 'invalid start or end: must be unix seconds');
      }
      const { service, operation } = traceQlFilter(q.get('q') ?? '');
      const limit = Number(q.get('limit') ?? 20);
      const traces = all
        .filter((t) => matches(t, service, operation))
        .slice(0, limit)
        .map((trace) => {
          const { root, min, max, services } = summarize(trace);
          const durationMs = Number((max - min) / 1_000_000n);
          return {
            traceID: trace.traceId.replace(/^0+(?=.)/, ''),
            ...(root ? { rootServiceName: root.service, rootTraceName: root.name } : {}),
            startTimeUnixNano: String(min),
            ...(durationMs > 0 ? { durationMs } : {}),
            serviceStats: Object.fromEntries(
              [...services].map(([name, s]) => [
                name,
                s.errorCount ? s : { spanCount: s.spanCount },
              ]),
            ),
          };
        });
      return json(res, {
        ...(traces.length ? { traces } : {}),
        metrics: { inspectedTraces: all.length },
      });
    }
    const values = (/** @type {string} */ tag, /** @type {string | null} */ service) => {
      const spans = all.flatMap((t) => t.spans).filter((s) => !service || s.service === service);
      if (tag === 'resource.service.name' || tag === 'service.name')
        return spans.map((s) => s.service);
      if (tag === 'name') return spans.map((s) => s.name);
      const key = tag.replace(/^(?:span)?\./, '');
      return spans.flatMap((s) =>
        (s.attributes ?? []).filter((a) => a.key === key).map((a) => a.value?.stringValue),
      );
    };
    const unique = (/** @type {unknown[]} */ list) =>
      [...new Set(list.filter((v) => typeof v === 'string'))].sort();
    if (route === '/api/v2/search/tags') {
      return json(res, {
        scopes: [
          { name: 'resource', tags: ['service.name'] },
          {
            name: 'span',
            tags: unique(
              all.flatMap((t) => t.spans.flatMap((s) => (s.attributes ?? []).map((a) => a.key))),
            ),
          },
          { name: 'intrinsic', tags: ['duration', 'kind', 'name', 'status'] },
        ],
      });
    }
    if (route === '/api/search/tags')
      return json(res, { tagNames: ['service.name', 'http.method'] });
    const tagValues = /^\/api\/(v2\/)?search\/tag\/([^/]+)\/values$/.exec(route);
    if (tagValues) {
      const { service } = traceQlFilter(q.get('q') ?? '');
      const list = unique(values(decodeURIComponent(tagValues[2] ?? ''), service));
      return json(res, {
        tagValues: tagValues[1] ? list.map((value) => ({ type: 'string', value })) : list,
      });
    }
    if (route === '/api/echo') return text(res, 200, 'echo\n');
    return goNotFound(res);
  };
}
