/**
 * "Mask sensitive values" in the span panel and the masked keys editor in Settings, on the real
 * OpenInference agent trace (test/fixtures/llm/SOURCES.md). No fixture message holds personal
 * data, so an e-mail address is put into the prompt in memory before the file is opened.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const AGENT_FILE = path.join('test', 'fixtures', 'llm', 'openinference-openai', 'agent.json');
/** The agent span: its input is the user's question, and it records `user.id`. */
const AGENT_SPAN = '65f98da7468b4a88';
const USER_ID = 'user_8c21f0';
const EMAIL = 'jane.doe@example.com';

async function openSeededAgentFile(page: Page) {
  const text = readFileSync(AGENT_FILE, 'utf8').replaceAll(
    "I'm going to Paris",
    `Write to ${EMAIL}. I'm going to Paris`,
  );
  expect(text).toContain(EMAIL);
  await page.goto('/');
  await page.getByTestId('open-file-input').setInputFiles({
    name: 'agent.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page.getByTestId('trace-summary')).toBeVisible();
  await page.locator(`[data-testid="span-row"][data-span-id="${AGENT_SPAN}"]`).click();
  const detail = page.getByTestId('span-detail');
  await expect(detail).toHaveAttribute('data-span-id', AGENT_SPAN);
  return detail;
}

function attributeRow(page: Page, key: string) {
  return page
    .getByTestId('span-detail')
    .getByTestId('detail-attribute')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${key.replace('.', '\\.')}$`) }) });
}

test('masking hides the e-mail in the messages, and a key added in Settings masks its attribute', async ({
  page,
}) => {
  const detail = await openSeededAgentFile(page);
  await expect(detail.getByTestId('detail-input')).toContainText(`Write to ${EMAIL}.`);

  await detail.getByRole('switch', { name: 'Mask sensitive values' }).check();
  await expect(detail.getByTestId('detail-input')).toContainText('Write to [email].');
  await expect(detail.getByTestId('detail-input')).not.toContainText(EMAIL);
  await expect(detail).not.toContainText(EMAIL);
  // Every message view shows the masked text.
  for (const view of ['Text', 'JSON']) {
    await detail.getByRole('radio', { name: view }).click();
    await expect(detail.getByTestId('detail-input')).toContainText('[email]');
    await expect(detail).not.toContainText(EMAIL);
  }
  await expect(attributeRow(page, 'user.id')).toContainText(USER_ID);

  await page.getByTestId('open-settings').click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByTestId('settings-mask-downloads')).toBeChecked();
  const keys = dialog.getByTestId('settings-mask-keys');
  await keys.fill(`${await keys.inputValue()}\nuser.id`);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expect(attributeRow(page, 'user.id')).toContainText('[masked]');
  await expect(detail).not.toContainText(USER_ID);

  // Both preferences survive a reload (localStorage).
  await page.reload();
  await page.locator(`[data-testid="span-row"][data-span-id="${AGENT_SPAN}"]`).click();
  await expect(page.getByTestId('span-detail').getByTestId('detail-input')).toContainText(
    '[email]',
  );
  await expect(attributeRow(page, 'user.id')).toContainText('[masked]');
});
