/**
 * The embedded receiver with the real OpenTelemetry JS exporters: a trace sent as OTLP/JSON
 * (exporter-trace-otlp-http, to PORT) and one sent as protobuf (exporter-trace-otlp-proto, to
 * the dedicated OTLP port) are both acknowledged, stored, and served by the `local` source.
 */
import { expect, test } from '@playwright/test';
import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { OTLPTraceExporter as OtlpHttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { openTrace } from './support/open-trace';
/** OTLP_HTTP_PORT of the e2e server (playwright.config.ts). */
const OTLP_PORT = Number(process.env.TRACEFALL_E2E_OTLP_PORT ?? 4399);
const SPAN_KIND_SERVER = 1;
const SPAN_KIND_CLIENT = 2;

/** Records one small LLM-shaped trace with the SDK and returns its finished spans. */
async function recordTrace(serviceName: string): Promise<ReadableSpan[]> {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer('tracefall-e2e', '1.0.0');
  const root = tracer.startSpan('handle_question', { kind: SPAN_KIND_SERVER });
  // No context manager is registered, so the parent is passed explicitly.
  const parent = trace.setSpan(ROOT_CONTEXT, root);
  const chat = tracer.startSpan(
    'chat gpt-4o-mini',
    {
      kind: SPAN_KIND_CLIENT,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': 'gpt-4o-mini',
        'gen_ai.usage.input_tokens': 31,
        'gen_ai.usage.output_tokens': 18,
      },
    },
    parent,
  );
  chat.end();
  root.end();
  await provider.forceFlush();
  const spans = memory.getFinishedSpans();
  await provider.shutdown();
  return spans;
}

/** Runs a real exporter's export() and resolves with its result code (0 = SUCCESS). */
function exportWith(exporter: SpanExporter, spans: ReadableSpan[]): Promise<number> {
  return new Promise((resolve) => exporter.export(spans, (result) => resolve(result.code)));
}

interface V3Trace {
  result: { resourceSpans: { scopeSpans: { spans: { name: string; traceId: string }[] }[] }[] };
}

for (const variant of [
  {
    name: 'OTLP/JSON to PORT',
    make: (baseURL: string) =>
      new OtlpHttpJsonExporter({ url: new URL('/v1/traces', baseURL).href }),
  },
  {
    name: 'protobuf to OTLP_HTTP_PORT',
    make: (_baseURL: string) =>
      new OtlpProtoExporter({ url: `http://127.0.0.1:${OTLP_PORT}/v1/traces` }),
  },
]) {
  test(`a real exporter's trace (${variant.name}) is served by the local source`, async ({
    request,
    baseURL,
    page,
  }) => {
    const spans = await recordTrace(`e2e-${variant.name.split(' ')[0]?.toLowerCase()}`);
    const traceId = spans[0]?.spanContext().traceId ?? '';
    const exporter = variant.make(baseURL ?? '');
    expect(await exportWith(exporter, spans)).toBe(0);
    await exporter.shutdown();

    const res = await request.get(`/api/sources/local/api/v3/traces/${traceId}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as V3Trace;
    const stored = body.result.resourceSpans.flatMap((rs) =>
      rs.scopeSpans.flatMap((ss) => ss.spans),
    );
    expect(stored.map((s) => s.name).sort()).toEqual(['chat gpt-4o-mini', 'handle_question']);
    expect(stored.every((s) => s.traceId === traceId)).toBe(true);

    const summaries = await request.get('/api/sources/local/api/v3/trace-summaries');
    const { summaries: list } = (await summaries.json()) as { summaries: { traceId: string }[] };
    expect(list.map((s) => s.traceId)).toContain(traceId);

    expect(await openTrace(page, 'local', traceId)).toBe('loaded');
    await expect(page.getByTestId('summary-span-count')).toHaveAttribute('data-value', '2');
    await expect(page.getByTestId('summary-llm-count')).toHaveAttribute('data-value', '1');
  });
}

test('the local source is listed first', async ({ request }) => {
  const res = await request.get('/api/sources');
  const sources = (await res.json()) as { id: string; kind: string }[];
  expect(sources[0]).toEqual({ id: 'local', name: 'Local', kind: 'local' });
});

test('an open trace of the local store offers the spans that arrive after it was opened', async ({
  page,
  baseURL,
}) => {
  const [chat, root] = await recordTrace('e2e-late-spans');
  const traceId = root?.spanContext().traceId ?? '';
  const exporter = new OtlpHttpJsonExporter({ url: new URL('/v1/traces', baseURL).href });
  // The root ends last but is exported first: the child comes once the page is open.
  expect(await exportWith(exporter, [root!])).toBe(0);
  expect(await openTrace(page, 'local', traceId)).toBe('loaded');
  await expect(page.getByTestId('summary-span-count')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('new-spans-notice')).toHaveCount(0);

  expect(await exportWith(exporter, [chat!])).toBe(0);
  await exporter.shutdown();
  const notice = page.getByTestId('new-spans-notice');
  await expect(notice).toContainText('1 new span arrived');
  await notice.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByTestId('summary-span-count')).toHaveAttribute('data-value', '2');
  await expect(page.getByTestId('span-row')).toHaveCount(2);
  await expect(notice).toHaveCount(0);
});
