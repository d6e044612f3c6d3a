/**
 * Every backend kind end to end: the built server proxies to the replays (jaeger-replay.mjs for
 * kind `jaeger`, multi-replay.mjs for `jaeger-v3`, `tempo`, `zipkin`), the app parses what they
 * send. Per kind: open a trace, a missing trace, and a search whose rows open their traces.
 */
import { expect, test, type Page } from '@playwright/test';
import { TEMPO_PARTIAL_MESSAGE, TEMPO_PARTIAL_TRACE_ID } from './replay/multi-replay.mjs';
import { BACKEND_SOURCES, JAEGER_SOURCE, JAEGER_TRACES, UNKNOWN_TRACE_ID } from './support/e2e-env';
import { openTrace } from './support/open-trace';

/** 5 spans over 3 services (jaeger-v3/otlp-hex_example-trace_5-roots_3-services.json). */
const EXAMPLE_TRACE = '00000000000000000000000000000011';

interface TraceCase {
  readonly source: string;
  readonly traceId: string;
  readonly spans: number;
}

const TRACES: readonly TraceCase[] = [
  { source: BACKEND_SOURCES.jaegerV3, traceId: EXAMPLE_TRACE, spans: 5 },
  { source: BACKEND_SOURCES.jaegerV3Old, traceId: '00000000000000010000000000000000', spans: 1 },
  // Tempo: base64 ids and enum names on the wire; a short id is left-padded by Tempo itself.
  { source: BACKEND_SOURCES.tempo, traceId: '11', spans: 5 },
  { source: BACKEND_SOURCES.tempoOld, traceId: EXAMPLE_TRACE, spans: 5 },
  // Zipkin: the shared client/server halves are two records, both counted.
  { source: BACKEND_SOURCES.zipkin, traceId: '1e223ff1f80f1c69', spans: 4 },
  { source: BACKEND_SOURCES.zipkin, traceId: '8ce82b2e9ed820ba', spans: 175 },
];

async function expectSpanCount(page: Page, spans: number) {
  await expect(page.getByTestId('summary-span-count')).toHaveAttribute('data-value', String(spans));
}

for (const { source, traceId, spans } of TRACES) {
  test(`${source}: opens trace ${traceId}`, async ({ page }) => {
    expect(await openTrace(page, source, traceId)).toBe('loaded');
    await expectSpanCount(page, spans);
    await expect(page.getByTestId('span-row').first()).toBeVisible();
  });
}

for (const source of Object.values(BACKEND_SOURCES)) {
  test(`${source}: an unknown trace id says "not found"`, async ({ page }) => {
    expect(await openTrace(page, source, UNKNOWN_TRACE_ID)).toBe('error');
    await expect(page.getByTestId('load-error')).toContainText(/not found/i);
  });
}

test('tempo: a PARTIAL trace is shown with the partial result as a problem', async ({ page }) => {
  expect(await openTrace(page, BACKEND_SOURCES.tempo, TEMPO_PARTIAL_TRACE_ID)).toBe('loaded');
  await expectSpanCount(page, 4);
  const problems = Number(
    await page.getByTestId('summary-problem-count').getAttribute('data-value'),
  );
  expect(problems).toBeGreaterThanOrEqual(1);
  await page.getByTestId('problems').getByRole('button', { expanded: false }).click();
  await expect(page.getByTestId('problems')).toContainText(TEMPO_PARTIAL_MESSAGE);
});

interface SearchCase {
  readonly source: string;
  readonly service: string;
  /** A trace the search must find, as the row's data-trace-id. */
  readonly traceId: string;
  readonly spans: number;
}

const SEARCHES: readonly SearchCase[] = [
  { source: JAEGER_SOURCE, service: 'issue115', traceId: JAEGER_TRACES.followsFrom, spans: 2 },
  {
    source: BACKEND_SOURCES.jaegerV3,
    service: 'example-service-1',
    traceId: EXAMPLE_TRACE,
    spans: 5,
  },
  {
    source: BACKEND_SOURCES.jaegerV3Old,
    service: 'example-service-1',
    traceId: EXAMPLE_TRACE,
    spans: 5,
  },
  // Tempo's search strips leading zeros ("11"); the row carries the padded id.
  { source: BACKEND_SOURCES.tempo, service: 'example-service-1', traceId: EXAMPLE_TRACE, spans: 5 },
  {
    source: BACKEND_SOURCES.tempoOld,
    service: 'example-service-1',
    traceId: EXAMPLE_TRACE,
    spans: 5,
  },
  { source: BACKEND_SOURCES.zipkin, service: 'serviceb', traceId: '1e223ff1f80f1c69', spans: 4 },
];

for (const { source, service, traceId, spans } of SEARCHES) {
  test(`${source}: searching a service lists its traces, and a row opens the trace`, async ({
    page,
  }) => {
    await page.goto('/');
    await page
      .locator(`[data-testid="source"][data-source-id="${source}"]`)
      .getByRole('link', { name: 'Search' })
      .click();
    await expect(page).toHaveURL(new RegExp(`/search/${source}$`));
    await page.getByRole('combobox', { name: /^Service/ }).fill(service);
    await page.getByRole('combobox', { name: 'Time range' }).selectOption('2d');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(new RegExp(`service=${service}.*lookback=2d`));
    const row = page.locator(`[data-testid="recent-trace"][data-trace-id="${traceId}"]`);
    await expect(row).toHaveAttribute('data-source-id', source);
    await row.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/trace/${source}/${traceId}`));
    await expectSpanCount(page, spans);
  });
}

test('a search URL is shareable: opening it runs the search', async ({ page }) => {
  await page.goto(
    `/search/${BACKEND_SOURCES.tempo}?q=${encodeURIComponent('{ resource.service.name = "service-x" }')}&lookback=1h`,
  );
  const rows = page.getByTestId('recent-trace');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-trace-id', '00000000000000010000000000000000');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(rows).toHaveCount(1);
});

test('Jaeger asks for a service before searching', async ({ page }) => {
  await page.goto(`/search/${BACKEND_SOURCES.jaegerV3}`);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('alert')).toContainText('choose a service');
});
