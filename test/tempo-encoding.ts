/**
 * Re-encodes spec OTLP/JSON (hex ids, integer enums) the way Tempo's gogo-jsonpb marshaller
 * writes it: base64 ids (64-bit trace ids zero-padded to 16 bytes), enum names, and optionally
 * the pre-2.0 `instrumentationLibrarySpans` names. No recorded Tempo trace exists in the shared
 * fixtures (see test/fixtures/tempo/SOURCES.md), so tests build them from the hex fixtures.
 */
type Json = Record<string, unknown>;

const KIND_NAMES = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const STATUS_NAMES = ['UNSET', 'OK', 'ERROR'];

function base64Id(hex: string, isTraceId: boolean): string {
  return Buffer.from(isTraceId ? hex.padStart(32, '0') : hex, 'hex').toString('base64');
}

function tempoSpan(span: Json): Json {
  const out: Json = {
    ...span,
    traceId: base64Id(span.traceId as string, true),
    spanId: base64Id(span.spanId as string, false),
  };
  if (span.parentSpanId) out.parentSpanId = base64Id(span.parentSpanId as string, false);
  else delete out.parentSpanId;
  if (typeof span.kind === 'number') out.kind = `SPAN_KIND_${KIND_NAMES[span.kind]}`;
  const status = span.status as Json | undefined;
  if (typeof status?.code === 'number') {
    out.status = { ...status, code: `STATUS_CODE_${STATUS_NAMES[status.code]}` };
  }
  if (Array.isArray(span.links)) {
    out.links = (span.links as Json[]).map((link) => ({
      ...link,
      traceId: base64Id(link.traceId as string, true),
      spanId: base64Id(link.spanId as string, false),
    }));
  }
  return out;
}

/** The resource list of an OTLP document (`{resourceSpans}` or Jaeger v3's `{result}`). */
export function otlpResources(doc: unknown): Json[] {
  const root = doc as Json;
  const inner = (root.result as Json | undefined) ?? root;
  return inner.resourceSpans as Json[];
}

export function toTempoResources(doc: unknown, legacyNames = false): Json[] {
  return otlpResources(doc).map((rs) => {
    const { scopeSpans, ...rest } = rs;
    const scopes = (scopeSpans as Json[]).map(({ scope, spans, ...more }) => ({
      ...more,
      [legacyNames ? 'instrumentationLibrary' : 'scope']: scope,
      spans: (spans as Json[]).map(tempoSpan),
    }));
    return { ...rest, [legacyNames ? 'instrumentationLibrarySpans' : 'scopeSpans']: scopes };
  });
}

/** `GET /api/traces/{id}` body (v1): `{batches}`. */
export function tempoV1Body(doc: unknown, legacyNames = false): Json {
  return { batches: toTempoResources(doc, legacyNames) };
}

/** `GET /api/v2/traces/{id}` body: `{trace: {resourceSpans}}`, PARTIAL with a message if asked. */
export function tempoV2Body(doc: unknown, partialMessage?: string): Json {
  return {
    trace: { resourceSpans: toTempoResources(doc) },
    metrics: { inspectedBytes: '1234' },
    ...(partialMessage === undefined ? {} : { status: 'PARTIAL', message: partialMessage }),
  };
}
