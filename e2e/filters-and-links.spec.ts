import { expect, test } from '@playwright/test';
import { JAEGER_SOURCE, JAEGER_TRACES } from './support/e2e-env';
import { openTrace } from './support/open-trace';

const GENAI = JAEGER_TRACES.genai57Spans;
const ERROR_SPAN = '0000000000000011';

test.describe('filters', () => {
  test('errors only, highlighted: every row stays, the match is marked', async ({ page }) => {
    await openTrace(page, JAEGER_SOURCE, GENAI);
    await page.getByTestId('filter-errors').check();
    await expect(page.getByTestId('filter-match-count')).toHaveAttribute('data-value', '1');
    await expect(
      page.locator(`[data-testid="span-row"][data-span-id="${ERROR_SPAN}"]`),
    ).toHaveAttribute('data-match', 'true');
    await expect(
      page.locator('[data-testid="span-row"][data-match="false"]').first(),
    ).toBeVisible();
    await expect(page).toHaveURL(/[?&]errors=1/);
  });

  test('errors only, hidden: only the match and the ancestors that connect it', async ({
    page,
  }) => {
    await openTrace(page, JAEGER_SOURCE, GENAI, { errors: 1, view: 'hide' });
    const rows = page.getByTestId('span-row');
    // api-edge → graphql-gateway → agent → execute_tool → mcp → trace-store → k8s-api
    await expect(rows).toHaveCount(7);
    await expect(rows.last()).toHaveAttribute('data-span-id', ERROR_SPAN);
    await expect(rows.last()).toHaveAttribute('data-match', 'true');
    await expect(rows.first()).toHaveAttribute('data-match', 'false');
    await expect(page.getByText(/\d+ hidden/).first()).toBeVisible();
  });

  test('text filter with key=value narrows to one span; next match selects it', async ({
    page,
  }) => {
    await openTrace(page, JAEGER_SOURCE, GENAI);
    await page.getByTestId('filter-text').fill('http.response.status_code=500');
    await expect(page.getByTestId('filter-match-count')).toHaveAttribute('data-value', '1');
    await page.getByTestId('filter-text').press('Enter');
    await expect(page.getByTestId('span-detail')).toHaveAttribute('data-span-id', ERROR_SPAN);
  });

  test('keyboard: / focuses the filter, arrows move the selection, Esc closes', async ({
    page,
  }) => {
    await openTrace(page, JAEGER_SOURCE, JAEGER_TRACES.nonHexIds, { span: 'span-1' });
    await page.locator('[data-testid="span-row"][data-span-id="span-1"]').click();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('span-detail')).toHaveAttribute('data-span-id', 'span-2');
    await page.keyboard.press('ArrowUp');
    await expect(page.getByTestId('span-detail')).toHaveAttribute('data-span-id', 'span-1');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('span-row')).toHaveCount(1);
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('span-row')).toHaveCount(11);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('span-detail')).toHaveCount(0);
    await page.keyboard.press('/');
    await expect(page.getByTestId('filter-text')).toBeFocused();
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  });
});

test('a copied link reopens the same span, filters, zoom and collapsed rows', async ({
  browser,
}) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await openTrace(page, JAEGER_SOURCE, GENAI);
  await page.getByTestId('filter-text').fill('mcp');
  await page.getByTestId('filter-view').selectOption('hide');
  await page.locator('[data-testid="span-row"][data-span-id="000000000000000d"]').click();
  await page
    .locator('[data-span-id="0000000000000008"]')
    .getByRole('button', { name: /collapse/i })
    .click();
  // Zoom by dragging across the ruler.
  const ruler = page.getByTestId('time-ruler');
  const box = (await ruler.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.05, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('zoom-reset')).toBeVisible();
  await expect(page).toHaveURL(/[?&]from=.*&to=/);

  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link')).toHaveText(/copied/i);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  const shared = new URL(link);
  expect(shared.searchParams.get('q')).toBe('mcp');
  expect(shared.searchParams.get('view')).toBe('hide');
  expect(shared.searchParams.get('span')).toBe('000000000000000d');
  expect(shared.searchParams.get('collapsed')).toBe('0000000000000008');
  await context.close();

  // A teammate opens it in a fresh browser context.
  const fresh = await browser.newContext();
  const teammate = await fresh.newPage();
  await teammate.goto(link);
  await expect(teammate.getByTestId('span-detail')).toHaveAttribute(
    'data-span-id',
    '000000000000000d',
  );
  await expect(teammate.getByTestId('filter-text')).toHaveValue('mcp');
  await expect(teammate.getByTestId('filter-view')).toHaveValue('hide');
  await expect(
    teammate.locator('[data-testid="span-row"][data-span-id="0000000000000008"]'),
  ).toHaveAttribute('data-collapsed', 'true');
  await expect(teammate.getByTestId('zoom-reset')).toBeVisible();
  await expect(
    teammate.locator('[data-testid="span-row"][data-span-id="000000000000000d"]'),
  ).toBeInViewport();
  expect(teammate.url()).toBe(link);
  await fresh.close();
});

test('Back returns to the previous filter', async ({ page }) => {
  await openTrace(page, JAEGER_SOURCE, GENAI);
  await page.getByTestId('filter-errors').check();
  await expect(page).toHaveURL(/errors=1/);
  await page.getByTestId('filter-view').selectOption('hide');
  await expect(page).toHaveURL(/view=hide/);
  await page.goBack();
  await expect(page).not.toHaveURL(/view=hide/);
  await expect(page.getByTestId('filter-view')).toHaveValue('highlight');
  await expect(page.getByTestId('filter-errors')).toBeChecked();
});

test('collapse all makes a short link that reopens the same collapsed rows', async ({
  browser,
}) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await openTrace(page, JAEGER_SOURCE, GENAI);
  const rows = page.getByTestId('span-row');
  await page.getByTestId('collapse-all').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-collapsed', 'true');
  // Open the root again: the other 31 spans with children stay collapsed.
  await rows
    .first()
    .getByRole('button', { name: /expand/i })
    .click();
  await expect(rows.first()).toHaveAttribute('data-collapsed', 'false');
  await expect(
    page.locator('[data-testid="span-row"][data-collapsed="true"]').first(),
  ).toBeVisible();
  const rowStates = (locator: typeof rows) =>
    locator.evaluateAll((elements) =>
      elements.map(
        (el) => `${el.getAttribute('data-span-id')}:${el.getAttribute('data-collapsed')}`,
      ),
    );
  const before = await rowStates(rows);
  expect(before.length).toBeGreaterThan(1);

  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link')).toHaveText(/copied/i);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  // The compact form: a token instead of 31 span ids.
  expect(new URL(link).searchParams.get('collapsed')).toMatch(/^~[A-Za-z0-9_-]{8,30}$/);
  expect(link.length).toBeLessThan(200);
  await context.close();

  const fresh = await browser.newContext();
  const teammate = await fresh.newPage();
  await teammate.goto(link);
  const teammateRows = teammate.getByTestId('span-row');
  await expect(teammateRows).toHaveCount(before.length);
  expect(await rowStates(teammateRows)).toEqual(before);
  expect(teammate.url()).toBe(link);

  // Keyboard: + expands every row (the link loses `collapsed`), - collapses them all again.
  await teammate.keyboard.press('+');
  await expect(teammate.locator('[data-testid="span-row"][data-collapsed="true"]')).toHaveCount(0);
  await expect(teammate).not.toHaveURL(/collapsed=/);
  await teammate.keyboard.press('-');
  await expect(teammateRows).toHaveCount(1);
  await expect(teammate).toHaveURL(/[?&]collapsed=(~|%7E)/);
  await fresh.close();
});

test('a collapsed token made for another version of the trace collapses nothing, and says so', async ({
  page,
}) => {
  // Right form, wrong tree check: as if the trace had received spans since the link was made.
  await openTrace(page, JAEGER_SOURCE, GENAI, { collapsed: '~rAAAAAAgBAgB' });
  await expect(page.getByTestId('collapsed-link-notice')).toContainText(/earlier version/);
  await expect(page.locator('[data-testid="span-row"][data-collapsed="true"]')).toHaveCount(0);
  await expect(page).not.toHaveURL(/collapsed=/);
});
