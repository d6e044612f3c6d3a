import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, loadFixture } from '../../../test/fixtures';
import { findAttribute, type ParsedTrace, type Span } from '../../model/trace';
import { parseOtlpTraces } from './parse-otlp';

/** The raw JSON shape of the LLM fixtures (OTLP/JSON as the JS SDK's HTTP exporter sends it). */
interface RawValue {
  stringValue?: string;
  /** The JS exporter sends small ints as JSON numbers, not the spec's strings. */
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: RawValue[] };
}
interface RawKeyValue {
  key: string;
  value: RawValue;
}
interface RawSpan {
  spanId: string;
  parentSpanId?: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: RawKeyValue[];
  events?: { name: string; timeUnixNano: string; attributes: RawKeyValue[] }[];
}
interface RawDoc {
  resourceSpans: { scopeSpans: { spans: RawSpan[] }[] }[];
}

const LLM_FILES = readdirSync(fixturePath('llm'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(fixturePath(`llm/${d.name}`))
      .filter((f) => f.endsWith('.json') && !f.endsWith('.logs.json'))
      .map((f) => `llm/${d.name}/${f}`),
  );

/** [file, traceId, span count, error spans, root kind], read off the fixtures by hand/script. */
const EXPECTED: readonly (readonly [string, string, number, number, string])[] = [
  ['langfuse-openai/agent', '5f973bdeed4393b2d84e36d58a2ad17e', 6, 1, 'internal'],
  ['langfuse-openai/rag', '86defafddffcd45594f5bb9b060fec9a', 6, 0, 'internal'],
  ['langfuse-openai/rate_limit_retry', '1605813744909f2534c0d2cc296da6b2', 3, 0, 'internal'],
  ['langfuse-openai/server_error', 'c9aed170efe2a059307e042cf840b24f', 2, 1, 'internal'],
  ['langfuse-openai/streaming', 'd672422edccee19927f5cc5a020a67f2', 2, 0, 'internal'],
  ['openinference-anthropic/agent', '4937aaf6bf6a177cd01a1a4cc9c1754d', 8, 1, 'server'],
  ['openinference-anthropic/rag', '2c1436910c60a694ebe65d9787d6bec0', 7, 0, 'server'],
  ['openinference-anthropic/rate_limit_retry', '8ea7ae5cf826595c38b9689cc178ce03', 5, 2, 'server'],
  ['openinference-anthropic/server_error', '3051136849b4c635ca292f67323dbb63', 3, 3, 'server'],
  ['openinference-anthropic/streaming', 'b34fd6343f901052c235869d7bd5ab0c', 3, 0, 'server'],
  ['openinference-openai/agent', '43e5cec1959a5d21f62a0e40e01c6f07', 6, 1, 'server'],
  ['openinference-openai/rag', '1f30ea870e8876786fa18efca7c6558d', 6, 0, 'server'],
  ['openinference-openai/rate_limit_retry', '00cae15fdba051a7e98f806561d1b0a7', 2, 0, 'server'],
  ['openinference-openai/server_error', 'a36d82cf4d524cb491b4e4ff8be7a4ae', 1, 1, 'server'],
  ['openinference-openai/streaming', '662648596c243a0ca7e2955bad34eccd', 2, 0, 'server'],
  ['openllmetry-openai-legacy/agent', 'c8da81dfa5d548e0f7db29351ec04699', 6, 1, 'server'],
  ['openllmetry-openai-legacy/rag', '91c72d83ae3ccd0def5e43a13f9086fd', 5, 0, 'server'],
  [
    'openllmetry-openai-legacy/rate_limit_retry',
    'f5a5c6760cff3f9e71e21911c1c97b79',
    2,
    0,
    'server',
  ],
  ['openllmetry-openai-legacy/server_error', '799a4f76d2de230caa5504025a405245', 1, 1, 'server'],
  ['openllmetry-openai-legacy/streaming', 'c8cdd684233d2a552cfed98e665088d3', 2, 0, 'server'],
  ['openllmetry-openai/agent', '9d9b632831e933406d4fef82688f1a68', 6, 1, 'server'],
  ['openllmetry-openai/rag', '003ade1053d5c2a52f8e62f84e407a64', 5, 0, 'server'],
  ['openllmetry-openai/rate_limit_retry', '8fed5e853a0f4c02ff60829505fe5981', 2, 0, 'server'],
  ['openllmetry-openai/server_error', 'd8dca2f5b32c8c8c3992e4a4a4ce0e5c', 1, 1, 'server'],
  ['openllmetry-openai/streaming', 'b840402fd3ad06b958f2d866be3e166a', 2, 0, 'server'],
  ['otel-genai-openai/agent', '3fbb55a62f307a81906f7301b6107412', 6, 1, 'server'],
  ['otel-genai-openai/rag', '06f5125c05bb73214beed2916dbc3a47', 6, 0, 'server'],
  ['otel-genai-openai/rate_limit_retry', '11471a639d256f13ab667e4e426926e8', 3, 1, 'server'],
  ['otel-genai-openai/server_error', '2c97610935331ad27a67c8c7208e8cdf', 2, 2, 'server'],
  ['otel-genai-openai/streaming', '5791a8b5017bf91828f2cafc334a9235', 2, 0, 'server'],
  ['vercel-ai/agent', 'e8fb521b695f226d8f98bc1c225f7789', 7, 1, 'server'],
  ['vercel-ai/rag', 'c2ac4018e6e7f508bc69dd30dcde610c', 8, 0, 'server'],
  ['vercel-ai/rate_limit_retry', '2a68b8bdadb3b6592a8eed5af8e08aff', 4, 1, 'server'],
  ['vercel-ai/server_error', '14a118e48a87509b0870152c9c57f23d', 3, 3, 'server'],
  ['vercel-ai/streaming', '675949347c89acd75f66d489cf9253d8', 3, 0, 'server'],
];

function parseSingle(relPath: string): ParsedTrace {
  const traces = parseOtlpTraces(loadFixture(relPath));
  expect(traces).toHaveLength(1);
  return traces[0] as ParsedTrace;
}

function rawSpans(relPath: string): RawSpan[] {
  const doc = loadFixture(relPath) as RawDoc;
  return doc.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
}

/** What each raw attribute must become: the oracle is the plain JSON, mapped by hand. */
function expectedValue(value: RawValue): unknown {
  if (value.stringValue !== undefined) return { type: 'string', value: value.stringValue };
  if (value.intValue !== undefined) return { type: 'int', value: String(value.intValue) };
  if (value.doubleValue !== undefined) return { type: 'float', value: value.doubleValue };
  if (value.boolValue !== undefined) return { type: 'bool', value: value.boolValue };
  if (value.arrayValue)
    return { type: 'array', value: (value.arrayValue.values ?? []).map(expectedValue) };
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}

function expectedAttributes(list: RawKeyValue[]) {
  return list.map((a) => ({ key: a.key, value: expectedValue(a.value) }));
}

describe('LLM fixtures', () => {
  it('lists every scenario of every library folder', () => {
    expect(LLM_FILES.toSorted()).toEqual(EXPECTED.map(([file]) => `llm/${file}.json`).toSorted());
  });

  it.each(EXPECTED)(
    '%s: id %s, %i spans, %i errors, root kind %s',
    (file, id, count, errors, rootKind) => {
      const { trace, problems } = parseSingle(`llm/${file}.json`);
      expect(problems).toEqual([]);
      expect(trace.traceId).toBe(id);
      expect(trace.spans).toHaveLength(count);
      expect(trace.spans.filter((s) => s.status.code === 'error')).toHaveLength(errors);
      const roots = trace.spans.filter((s) => !s.references.some((r) => r.type === 'child_of'));
      expect(roots.map((s) => [s.name, s.kind])).toEqual([['handle_question', rootKind]]);
      expect(trace.resources.map((r) => r.serviceName)).toEqual(['support-assistant-api']);
      const ids = new Set(trace.spans.map((s) => s.spanId));
      for (const span of trace.spans) {
        expect(span.traceId).toBe(id);
        for (const ref of span.references) expect(ids.has(ref.spanId)).toBe(true);
      }
    },
  );

  it.each(LLM_FILES)(
    '%s: exact ns times, events and typed attributes match the raw JSON',
    (relPath) => {
      const { trace } = parseSingle(relPath);
      const raw = rawSpans(relPath);
      const minStart = raw
        .map((s) => BigInt(s.startTimeUnixNano))
        .reduce((a, b) => (a < b ? a : b));
      const originNs = (minStart / 1000n) * 1000n;
      expect(BigInt(trace.startEpochUs)).toBe(minStart / 1000n);
      expect(trace.spans.map((s) => s.spanId)).toEqual(raw.map((s) => s.spanId));
      raw.forEach((rawSpan, i) => {
        const span = trace.spans[i] as Span;
        const start = BigInt(rawSpan.startTimeUnixNano);
        expect(BigInt(span.startNs)).toBe(start - originNs);
        expect(BigInt(span.durationNs ?? -1)).toBe(BigInt(rawSpan.endTimeUnixNano) - start);
        expect(span.attributes).toEqual(expectedAttributes(rawSpan.attributes));
        const rawEvents = rawSpan.events ?? [];
        expect(span.events.map((e) => [e.name, BigInt(e.timeNs)])).toEqual(
          rawEvents.map((e) => [e.name, BigInt(e.timeUnixNano) - originNs]),
        );
        expect(span.events.map((e) => e.attributes)).toEqual(
          rawEvents.map((e) => expectedAttributes(e.attributes)),
        );
      });
    },
  );
});

describe('LLM fixture details', () => {
  it('openinference-openai/agent: failed tool span with status message and exception event', () => {
    const { trace } = parseSingle('llm/openinference-openai/agent.json');
    expect(trace.startEpochUs).toBe(1795275324746000);
    const tool = trace.spans.find((s) => s.name === 'check_hotel_availability') as Span;
    expect(tool.status).toEqual({
      code: 'error',
      message: 'HotelSearchAPI timed out after 2000 ms (upstream 504)',
    });
    expect(tool.startNs).toBe(212_000_000);
    expect(tool.durationNs).toBe(71_959_308);
    expect(tool.events.map((e) => [e.name, e.timeNs])).toEqual([['exception', 283_925_136]]);
    const root = trace.spans.find((s) => s.name === 'handle_question') as Span;
    expect(root.durationNs).toBe(624_516_956);
    expect(findAttribute(root.attributes, 'tag.tags')?.type).toBe('array');
    const scopes = new Set(trace.spans.map((s) => s.scope?.name));
    expect(scopes).toEqual(
      new Set(['@arizeai/openinference-instrumentation-openai', 'support-assistant']),
    );
  });

  it('otel-genai-openai/rate_limit_retry: retry event, 429 span, int and double attributes', () => {
    const { trace } = parseSingle('llm/otel-genai-openai/rate_limit_retry.json');
    const root = trace.spans.find((s) => s.name === 'handle_question') as Span;
    expect(root.events.map((e) => [e.name, e.timeNs])).toEqual([['retry', 53_461_216]]);
    const [failed, retried] = trace.spans.filter((s) => s.name === 'chat gpt-4o-mini');
    expect(failed?.status.code).toBe('error');
    expect(failed?.status.message).toMatch(/^429 Rate limit reached/);
    expect(retried?.status).toEqual({ code: 'unset' });
    // The JS exporter sends `"intValue": 8787` (a number); it still becomes a decimal string.
    const attrs = retried?.attributes ?? [];
    expect(findAttribute(attrs, 'server.port')).toEqual({ type: 'int', value: '8787' });
    expect(findAttribute(attrs, 'gen_ai.usage.input_tokens')).toEqual({ type: 'int', value: '34' });
    expect(findAttribute(attrs, 'gen_ai.request.temperature')).toEqual({
      type: 'float',
      value: 0.2,
    });
    // The retried call ends 726,538 ns after its parent root span: kept as recorded.
    const rootEnd = root.startNs + (root.durationNs ?? 0);
    expect((retried?.startNs ?? 0) + (retried?.durationNs ?? 0) - rootEnd).toBe(726_538);
  });
});
