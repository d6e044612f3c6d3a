import { calcPrice } from '@pydantic/genai-prices';
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';

/** Real OpenLLMetry output of an agent with parallel tool calls (test/fixtures/llm/SOURCES.md). */
const AGENT_FILE = path.join('test', 'fixtures', 'llm', 'openllmetry-openai', 'agent.json');
const SECOND_CHAT = 'c8528043546b97e9';

async function openAgentFile(page: Page) {
  await page.goto('/');
  await page.getByTestId('open-file-input').setInputFiles(AGENT_FILE);
  await expect(page.getByTestId('trace-summary')).toBeVisible();
}

function value(page: Page, testId: string) {
  return page.getByTestId(testId).getAttribute('data-value');
}

test('an agent trace shows its LLM totals in the header', async ({ page }) => {
  await openAgentFile(page);
  // Two chat calls: 298 + 506 input tokens, 124 + 67 output tokens (read off the fixture).
  await expect(page.getByTestId('summary-llm-count')).toHaveAttribute('data-value', '2');
  expect(await value(page, 'summary-input-tokens')).toBe('804');
  expect(await value(page, 'summary-output-tokens')).toBe('191');
  const expected =
    (calcPrice({ input_tokens: 298, output_tokens: 124 }, 'gpt-4.1', { providerId: 'openai' })
      ?.total_price ?? NaN) +
    (calcPrice({ input_tokens: 506, output_tokens: 67 }, 'gpt-4.1', { providerId: 'openai' })
      ?.total_price ?? NaN);
  await expect(page.getByTestId('summary-cost-usd')).toHaveAttribute('data-value', /\d/);
  expect(Number(await value(page, 'summary-cost-usd'))).toBeCloseTo(expected, 10);
});

test('selecting an LLM span shows its prompt, completion, tokens and cost', async ({ page }) => {
  await openAgentFile(page);
  await page.locator(`[data-testid="span-row"][data-span-id="${SECOND_CHAT}"]`).click();
  const detail = page.getByTestId('span-detail');
  await expect(detail).toHaveAttribute('data-span-id', SECOND_CHAT);
  await expect(detail.getByTestId('detail-model')).toHaveAttribute('data-value', 'gpt-4.1');
  await expect(detail.getByTestId('detail-response-model')).toHaveAttribute(
    'data-value',
    'gpt-4.1-2025-04-14',
  );
  await expect(detail.getByTestId('detail-provider')).toHaveAttribute('data-value', 'openai');
  await expect(detail.getByTestId('detail-input-tokens')).toHaveAttribute('data-value', '506');
  await expect(detail.getByTestId('detail-output-tokens')).toHaveAttribute('data-value', '67');
  await expect(detail.getByTestId('detail-input')).toContainText(
    "I'm going to Paris next weekend (2026-11-28)",
  );
  await expect(detail.getByTestId('detail-input')).toContainText('check_hotel_availability');
  await expect(detail.getByTestId('detail-output')).toContainText('Here is your trip summary');
  const cost = calcPrice({ input_tokens: 506, output_tokens: 67 }, 'gpt-4.1', {
    providerId: 'openai',
  })?.total_price;
  await expect(detail.getByTestId('detail-cost-usd')).toHaveAttribute('data-value', /\d/);
  expect(
    Number(await detail.getByTestId('detail-cost-usd').getAttribute('data-value')),
  ).toBeCloseTo(cost ?? NaN, 10);
});

test('the model filter narrows the waterfall to that model’s calls', async ({ page }) => {
  await openAgentFile(page);
  await page.getByTestId('filter-model').selectOption('gpt-4.1-2025-04-14');
  await expect(page.locator('[data-testid="span-row"][data-match="true"]')).toHaveCount(2);
  await page.getByTestId('filter-view').selectOption('hide');
  await expect(page.locator('[data-testid="span-row"][data-match="true"]')).toHaveCount(2);
  await expect(page).toHaveURL(/model=gpt-4.1-2025-04-14/);
  await page.getByTestId('filter-kind').selectOption('tool');
  await expect(page.getByTestId('filter-match-count')).toHaveAttribute('data-value', '0');
});

test('the critical path is highlighted and its summary navigates', async ({ page }) => {
  await openAgentFile(page);
  const critical = page.locator('[data-testid="span-row"][data-critical="true"]');
  await expect(critical.first()).toBeVisible();
  // The root is always on the path; the second chat call ends the trace, so it is too.
  await expect(
    page.locator(`[data-testid="span-row"][data-span-id="${SECOND_CHAT}"]`),
  ).toHaveAttribute('data-critical', 'true');
  await expect(page.locator('.critical-segment').first()).toBeVisible();
  const item = page.getByTestId('critical-path-item').first();
  const spanId = await item.getAttribute('data-span-id');
  await item.click();
  await expect(page.getByTestId('span-detail')).toHaveAttribute('data-span-id', spanId ?? '');
  await expect(page.getByTestId('detail-critical')).toHaveAttribute('data-value', 'true');

  await page.getByTestId('toggle-critical-path').uncheck();
  await expect(page).toHaveURL(/[?&]cp=0/);
  await expect(page.locator('.critical-segment')).toHaveCount(0);
});

test('"path only" shows just the spans on the critical path', async ({ page }) => {
  await openAgentFile(page);
  const all = await page.getByTestId('span-row').count();
  await page.getByTestId('critical-path-only').check();
  const rows = page.getByTestId('span-row');
  await expect(rows.first()).toHaveAttribute('data-critical', 'true');
  expect(await rows.count()).toBeLessThan(all);
  for (const flag of await rows.evaluateAll((els) => els.map((el) => el.dataset.critical))) {
    expect(flag).toBe('true');
  }
});

test('a collapsed row shows the LLM calls and tokens of its subtree', async ({ page }) => {
  await openAgentFile(page);
  const root = page.getByTestId('span-row').first();
  await root.getByRole('button', { name: /collapse/i }).click();
  await expect(root).toContainText('Σ 2 LLM calls · 804→191 tok');
});

test('a price set in the settings prices a model the package does not know', async ({ page }) => {
  // The 57-span GenAI Jaeger fixture calls "model-a", which has no public price.
  await page.goto('/trace/jaeger/4a1b2c3d4e5f60718293a4b5c6d7e8f9');
  await expect(page.getByTestId('summary-cost-usd')).toHaveText('unknown');
  await page.getByTestId('open-settings').click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('textbox', { name: 'Model' }).fill('model-a');
  await dialog.getByRole('textbox', { name: /^Input price/ }).fill('1');
  await dialog.getByRole('textbox', { name: /^Output price/ }).fill('2');
  await dialog.getByRole('button', { name: 'Save price' }).click();
  await dialog.getByRole('combobox', { name: 'Time zone' }).selectOption('utc');
  await dialog.getByRole('button', { name: 'Close' }).click();
  // Four calls to model-a of 1,840 input and 260 output tokens (read off the fixture); the one
  // call to model-b still has no price, so the total says it is partial.
  await expect(page.getByTestId('summary-cost-usd')).not.toHaveText('unknown');
  const cost = Number(await page.getByTestId('summary-cost-usd').getAttribute('data-value'));
  expect(cost).toBeCloseTo((4 * 1840 * 1 + 4 * 260 * 2) / 1e6, 12);
  await expect(page.getByTestId('summary-cost-usd')).toContainText('partial');
  await expect(page.getByTestId('trace-summary')).toContainText('UTC');
  // Preferences survive a reload (localStorage).
  await page.reload();
  await expect(page.getByTestId('summary-cost-usd')).not.toHaveText('unknown');
});
