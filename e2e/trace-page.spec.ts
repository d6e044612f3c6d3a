import { expect, test, type Page } from '@playwright/test';
import { DOWN_SOURCE, JAEGER_SOURCE, JAEGER_TRACES, UNKNOWN_TRACE_ID } from './support/e2e-env';
import { openTrace } from './support/open-trace';

/** Expected header figures, read off the fixture files (see test/fixtures/jaeger/SOURCES.md). */
const FIXTURE_FACTS = [
  {
    id: JAEGER_TRACES.genai57Spans,
    spans: 57,
    services: 10,
    errors: 1,
    problems: 0,
    durationMs: 44000,
  },
  { id: JAEGER_TRACES.nonHexIds, spans: 11, services: 2, errors: 1, problems: 0, durationMs: 1000 },
  {
    id: JAEGER_TRACES.followsFrom,
    spans: 2,
    services: 1,
    errors: 0,
    problems: 0,
    durationMs: 70.406,
  },
  {
    id: JAEGER_TRACES.spanLongerThanParent,
    spans: 8,
    services: 2,
    errors: 0,
    problems: 0,
    durationMs: 13.94,
  },
  {
    id: JAEGER_TRACES.childOutlivesParent,
    spans: 2,
    services: 2,
    errors: 0,
    problems: 0,
    durationMs: 0.4,
  },
  // Two records with one span id, both pointing at a parent that never arrived.
  {
    id: JAEGER_TRACES.duplicateSpanIds,
    spans: 2,
    services: 1,
    errors: 0,
    problems: 3,
    durationMs: 0.123,
  },
  // Anonymizer output: inline processes, a bool tag sent as the string "true", a missing parent.
  {
    id: JAEGER_TRACES.inlineProcesses,
    spans: 2,
    services: 2,
    errors: 1,
    problems: 1,
    durationMs: 267.037,
  },
] as const;

async function figure(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-value'));
}

test.describe('trace page', () => {
  for (const facts of FIXTURE_FACTS) {
    test(`shows the header counts of ${facts.id}`, async ({ page }) => {
      expect(await openTrace(page, JAEGER_SOURCE, facts.id)).toBe('loaded');
      await expect(page.getByTestId('summary-span-count')).toHaveAttribute(
        'data-value',
        String(facts.spans),
      );
      expect(await figure(page, 'summary-service-count')).toBe(facts.services);
      expect(await figure(page, 'summary-error-count')).toBe(facts.errors);
      expect(await figure(page, 'summary-problem-count')).toBe(facts.problems);
      expect(await figure(page, 'summary-duration-ms')).toBeCloseTo(facts.durationMs, 6);
      await expect(page.getByTestId('problems')).toHaveCount(facts.problems > 0 ? 1 : 0);
    });
  }

  test('draws one indented row per span with errors marked', async ({ page }) => {
    await openTrace(page, JAEGER_SOURCE, JAEGER_TRACES.nonHexIds);
    const rows = page.getByTestId('span-row');
    await expect(rows).toHaveCount(11);
    await expect(rows.first()).toHaveAttribute('data-depth', '0');
    await expect(page.locator('[data-testid="span-row"][data-error="true"]')).toHaveCount(1);
    // Rows only: the critical-path summary items carry data-span-id too.
    const row = (spanId: string) =>
      page.locator(`[data-testid="span-row"][data-span-id="${spanId}"]`);
    // span-5 is CHILD_OF span-4, CHILD_OF span-3, CHILD_OF the root span-1.
    await expect(row('span-5')).toHaveAttribute('data-depth', '3');
    // span-7's only reference is FOLLOWS_FROM span-6: it is still nested under it.
    await expect(row('span-7')).toHaveAttribute('data-depth', '2');
  });

  test('collapses and expands a subtree from its toggle', async ({ page }) => {
    await openTrace(page, JAEGER_SOURCE, JAEGER_TRACES.nonHexIds);
    const rows = page.getByTestId('span-row');
    await expect(rows).toHaveCount(11);
    const root = rows.first();
    await root.getByRole('button', { name: /collapse/i }).click();
    await expect(rows).toHaveCount(1);
    await expect(root).toHaveAttribute('data-collapsed', 'true');
    expect(new URL(page.url()).searchParams.get('collapsed')).toBe('span-1');
    await root.getByRole('button', { name: /expand/i }).click();
    await expect(rows).toHaveCount(11);
  });

  test('selecting a row opens its details and writes it to the URL', async ({ page }) => {
    await openTrace(page, JAEGER_SOURCE, JAEGER_TRACES.genai57Spans);
    await page.locator('[data-span-id="0000000000000011"]').click();
    const detail = page.getByTestId('span-detail');
    await expect(detail).toHaveAttribute('data-span-id', '0000000000000011');
    await expect(detail.getByRole('heading', { name: 'GET /api/v1/pods' })).toBeVisible();
    await expect(detail).toContainText('k8s-api');
    await expect(page).toHaveURL(/[?&]span=0000000000000011/);
    const historyLength = await page.evaluate(() => history.length);
    await page.locator('[data-span-id="0000000000000012"]').click();
    await expect(page).toHaveURL(/[?&]span=0000000000000012/);
    // Moving through rows replaces the history entry instead of pushing one per row.
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
  });

  test('?span= selects the span on load and scrolls it into view', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 480 });
    const lastSpan = '0000000000000039';
    await openTrace(page, JAEGER_SOURCE, JAEGER_TRACES.genai57Spans, { span: lastSpan });
    await expect(page.getByTestId('span-detail')).toHaveAttribute('data-span-id', lastSpan);
    const row = page.locator(`[data-testid="span-row"][data-span-id="${lastSpan}"]`);
    await expect(row).toBeInViewport();
    await expect(row).toHaveAttribute('aria-selected', 'true');
  });

  test('the parent link in the detail panel jumps to the parent span', async ({ page }) => {
    await openTrace(page, JAEGER_SOURCE, JAEGER_TRACES.nonHexIds, { span: 'span-5' });
    const detail = page.getByTestId('span-detail');
    await detail.getByRole('button', { name: 'Select parent span span-4' }).click();
    await expect(detail).toHaveAttribute('data-span-id', 'span-4');
    await expect(page).toHaveURL(/[?&]span=span-4(&|$)/);
  });

  test('attributes are searchable in the detail panel', async ({ page }) => {
    await openTrace(page, JAEGER_SOURCE, JAEGER_TRACES.genai57Spans, { span: '0000000000000006' });
    const detail = page.getByTestId('span-detail');
    await expect(detail).toContainText('http.request.method');
    await detail.getByRole('searchbox', { name: /filter attributes/i }).fill('url.full');
    await expect(detail).toContainText('https://api.example-ai.test/v1/messages');
    await expect(detail).not.toContainText('http.request.method');
  });

  test('orphans hang under a placeholder for their missing parent', async ({ page }) => {
    await openTrace(page, JAEGER_SOURCE, JAEGER_TRACES.duplicateSpanIds);
    const rows = page.getByTestId('span-row');
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText('missing span');
    await expect(rows.nth(1)).toHaveAttribute('data-depth', '1');
    await expect(rows.nth(2)).toHaveAttribute('data-depth', '1');
    await page.getByTestId('problems').getByRole('button').click();
    await expect(page.getByTestId('problems')).toContainText(/duplicate/i);
  });

  test('an unknown trace id says "not found"', async ({ page }) => {
    expect(await openTrace(page, JAEGER_SOURCE, UNKNOWN_TRACE_ID)).toBe('error');
    await expect(page.getByTestId('load-error')).toContainText(/not found/i);
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
  });

  test('a backend that is down is explained, with a retry', async ({ page }) => {
    expect(await openTrace(page, DOWN_SOURCE, JAEGER_TRACES.genai57Spans)).toBe('error');
    await expect(page.getByTestId('load-error')).toContainText(/unreachable/i);
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
  });

  test('an unknown source is explained', async ({ page }) => {
    expect(await openTrace(page, 'nope', JAEGER_TRACES.genai57Spans)).toBe('error');
    await expect(page.getByTestId('load-error')).toContainText(/unknown source/i);
  });

  test('the home page lists the configured sources and opens a trace by id', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('[data-testid="source"][data-source-id="jaeger"]')).toBeVisible();
    await expect(page.locator('[data-testid="source"][data-source-id="down"]')).toBeVisible();
    await page.getByRole('combobox', { name: 'Source' }).selectOption('jaeger');
    await page.getByRole('textbox', { name: 'Trace id' }).fill(JAEGER_TRACES.followsFrom);
    await page.getByRole('button', { name: 'Open' }).click();
    await expect(page.getByTestId('summary-span-count')).toHaveAttribute('data-value', '2');
  });
});
