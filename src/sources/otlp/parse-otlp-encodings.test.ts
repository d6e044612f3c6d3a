/**
 * The same traces in every wrapper and encoding a backend uses must parse to the same model.
 * Tempo-style documents (base64 ids, enum names, `batches`) are built here from the hex
 * fixtures, as SOURCES.md suggests, since no recorded Tempo-marshalled trace is available.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, loadFixture } from '../../../test/fixtures';
import type { ParsedTrace } from '../../model/trace';
import { parseOtlpTrace, parseOtlpTraces } from './parse-otlp';

type Json = Record<string, unknown>;
interface Doc {
  resourceSpans: Json[];
}

const KIND_NAMES = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const STATUS_NAMES = ['UNSET', 'OK', 'ERROR'];

function base64Id(hex: string, isTraceId: boolean, urlSafe: boolean): string {
  // Tempo zero-pads 64-bit trace ids to 16 bytes before encoding.
  const bytes = Buffer.from(isTraceId ? hex.padStart(32, '0') : hex, 'hex');
  return urlSafe ? bytes.toString('base64url') : bytes.toString('base64');
}

function tempoSpan(span: Json, urlSafe: boolean): Json {
  const out: Json = {
    ...span,
    traceId: base64Id(span.traceId as string, true, urlSafe),
    spanId: base64Id(span.spanId as string, false, urlSafe),
    parentSpanId: span.parentSpanId ? base64Id(span.parentSpanId as string, false, urlSafe) : '',
  };
  if (typeof span.kind === 'number') out.kind = `SPAN_KIND_${KIND_NAMES[span.kind]}`;
  const status = span.status as Json | undefined;
  if (typeof status?.code === 'number') {
    out.status = { ...status, code: `STATUS_CODE_${STATUS_NAMES[status.code]}` };
  }
  if (Array.isArray(span.links)) {
    out.links = (span.links as Json[]).map((link) => ({
      ...link,
      traceId: base64Id(link.traceId as string, true, urlSafe),
      spanId: base64Id(link.spanId as string, false, urlSafe),
    }));
  }
  return out;
}

interface EncodeOptions {
  readonly urlSafe?: boolean;
  /** Pre-Tempo-2.0 names: `instrumentationLibrarySpans` / `instrumentationLibrary`. */
  readonly legacyNames?: boolean;
}

function tempoResourceSpans(doc: Doc, options: EncodeOptions = {}): Json[] {
  return doc.resourceSpans.map((rs) => {
    const { scopeSpans, ...rest } = rs;
    const scopes = (scopeSpans as Json[]).map(({ scope, spans, ...more }) => ({
      ...more,
      [options.legacyNames ? 'instrumentationLibrary' : 'scope']: scope,
      spans: (spans as Json[]).map((s) => tempoSpan(s, options.urlSafe ?? false)),
    }));
    const key = options.legacyNames ? 'instrumentationLibrarySpans' : 'scopeSpans';
    return { ...rest, [key]: scopes };
  });
}

function docOf(relPath: string): Doc {
  const payload = loadFixture(relPath) as Json;
  return ((payload.result as Doc | undefined) ?? payload) as Doc;
}

const LLM_FILES = readdirSync(fixturePath('llm'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(fixturePath(`llm/${d.name}`))
      .filter((f) => f.endsWith('.json') && !f.endsWith('.logs.json'))
      .map((f) => `llm/${d.name}/${f}`),
  );

const HEX_FIXTURES = [
  'otlp/otlp-proto-examples_trace.json',
  'otlp/otlp-hex_4spans_one-resource.json',
  'otlp/otlp-hex_span-links_all-attr-types.json',
  'jaeger-v3/otlp-hex_example-trace_5-roots_3-services.json',
  'jaeger-v3/otlp-hex_one-span_links_events_error.json',
  'jaeger-v3/snapshot_GetTrace.json',
  ...LLM_FILES,
];

const span = (traceId: string, spanId: string) => ({ traceId, spanId, name: spanId });

describe('Tempo and old Jaeger v3 encodings of every hex fixture', () => {
  it.each(HEX_FIXTURES)('%s', (relPath) => {
    const doc = docOf(relPath);
    const expected = parseOtlpTraces(doc);
    expect(expected.length).toBeGreaterThan(0);
    const batches = tempoResourceSpans(doc);
    // Tempo /api/traces v1.
    expect(parseOtlpTraces({ batches })).toEqual(expected);
    // Tempo /api/v2/traces (complete: no status).
    expect(parseOtlpTraces({ trace: { resourceSpans: batches }, metrics: {} })).toEqual(expected);
    // Jaeger v3 <= 1.53 (grpc-gateway), URL-safe unpadded-or-not base64 and pre-1.0 names.
    const legacy = tempoResourceSpans(doc, { urlSafe: true, legacyNames: true });
    expect(parseOtlpTraces({ result: { resourceSpans: legacy } })).toEqual(expected);
  });

  it('decodes a real Tempo 64-bit trace id to 32 hex digits and groups it with the 16-digit form', () => {
    const payload = {
      batches: [
        {
          scopeSpans: [
            {
              spans: [
                span('AAAAAAAAAABguiq7RPE+rg==', 'AAAAAAAAAAE='),
                span('60ba2abb44f13eae', '0000000000000002'),
                span('QpC1h3qZMN55u0KDZTmOzA', 'AAAAAAAAAAM'),
              ],
            },
          ],
        },
      ],
    };
    const traces = parseOtlpTraces(payload);
    expect(traces.map((t) => [t.trace.traceId, t.trace.spans.map((s) => s.spanId)])).toEqual([
      ['000000000000000060ba2abb44f13eae', ['0000000000000001', '0000000000000002']],
      ['4290b5877a9930de79bb428365398ecc', ['0000000000000003']],
    ]);
  });
});

describe('wrappers', () => {
  const rag = docOf('llm/otel-genai-openai/rag.json');
  const agent = docOf('llm/openinference-openai/agent.json');

  it('Tempo v2 PARTIAL adds a partial-trace problem and a trace warning', () => {
    const message = 'trace exceeds max size (max bytes: 5000000), partial trace returned';
    const [parsed] = parseOtlpTraces({ trace: rag, status: 'PARTIAL', message });
    expect(parsed?.problems).toEqual([{ kind: 'partial-trace', message }]);
    expect(parsed?.trace.warnings).toEqual([message]);
    expect(parsed?.trace.spans).toHaveLength(6);
  });

  it('a Jaeger v3 list of {result} chunks equals one merged document', () => {
    const resource = agent.resourceSpans[0] as Json;
    const [first, ...rest] = resource.scopeSpans as Json[];
    const chunkA = { resourceSpans: [{ ...resource, scopeSpans: [first] }] };
    const chunkB = { resourceSpans: [{ ...resource, scopeSpans: rest }] };
    const chunks = [{ result: chunkA }, { result: chunkB }];
    const merged = parseOtlpTraces(chunks);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.trace.spans.map((s) => s.spanId).toSorted()).toEqual(
      parseOtlpTraces(agent)[0]
        ?.trace.spans.map((s) => s.spanId)
        .toSorted(),
    );
    // Each chunk repeats its resource, so the trace lists it once per chunk.
    expect(merged[0]?.trace.resources).toHaveLength(2);
  });
});

describe('payloads with several traces', () => {
  const rag = docOf('llm/otel-genai-openai/rag.json');
  const vercel = docOf('llm/vercel-ai/rag.json');
  const both = { resourceSpans: [...rag.resourceSpans, ...vercel.resourceSpans] };
  const RAG_ID = '06f5125c05bb73214beed2916dbc3a47';
  const VERCEL_ID = 'c2ac4018e6e7f508bc69dd30dcde610c';

  it('gives one ParsedTrace per traceId, each equal to the trace parsed alone', () => {
    const traces = parseOtlpTraces(both);
    expect(traces.map((t) => t.trace.traceId)).toEqual([RAG_ID, VERCEL_ID]);
    expect(traces[0]).toEqual(parseOtlpTraces(rag)[0]);
    expect(traces[1]).toEqual(parseOtlpTraces(vercel)[0]);
  });

  it('parseOtlpTrace picks the requested id (hex any case, or base64) and notes the other', () => {
    const byHex = parseOtlpTrace(both, VERCEL_ID.toUpperCase());
    expect(byHex.trace.traceId).toBe(VERCEL_ID);
    expect(byHex.trace.spans).toHaveLength(8);
    expect(byHex.problems).toEqual([
      { kind: 'other', message: expect.stringContaining(RAG_ID) as string },
    ]);
    const byBase64 = parseOtlpTrace(both, Buffer.from(RAG_ID, 'hex').toString('base64'));
    expect(byBase64.trace.traceId).toBe(RAG_ID);
    expect(byBase64.trace.spans).toHaveLength(6);
  });

  it('without a match, parseOtlpTrace picks the biggest trace and says so', () => {
    const picked: ParsedTrace = parseOtlpTrace(both, 'ffffffffffffffffffffffffffffffff');
    expect(picked.trace.spans).toHaveLength(8);
    expect(picked.problems.map((p) => p.message)).toEqual([
      `trace ffffffffffffffffffffffffffffffff is not in the payload; showing ${VERCEL_ID}`,
      `the payload also holds 1 other trace(s), not shown: ${RAG_ID}`,
    ]);
  });

  it('an empty payload gives an empty trace with a problem', () => {
    const parsed = parseOtlpTrace({ resourceSpans: [] }, 'ABCDEF0123456789');
    expect(parsed.trace).toEqual({
      traceId: 'abcdef0123456789',
      startEpochUs: 0,
      spans: [],
      resources: [],
      warnings: [],
    });
    expect(parsed.problems).toEqual([{ kind: 'other', message: 'the payload holds no spans' }]);
  });
});
