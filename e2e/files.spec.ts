/**
 * Opening trace files: picked with the file input (`open-file-input`), dropped anywhere on the
 * window (a synthetic drop event), or pasted. Each format is recognized from its content and
 * opens at `/trace/file/:traceId`; a file with several traces offers a list.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { MULTI_REPLAY_PORT } from './support/e2e-env';

const FIXTURES = path.resolve('test/fixtures');
const fixturePath = (rel: string) => path.join(FIXTURES, rel);
const fixtureText = (rel: string) => readFileSync(fixturePath(rel), 'utf8');

const FILES = [
  {
    file: 'otlp/otlp-hex_4spans_one-resource.json',
    traceId: 'c620759e5d60fafb8ee0922b30e06bc6',
    spans: 4,
  },
  { file: 'jaeger/trace-object_11spans_follows-from_error.json', traceId: 'trace-123', spans: 11 },
  {
    file: 'jaeger/api-traces-envelope_follows-from_issue115.json',
    traceId: '2992f2a5b5d037a8aabffd08ef384237',
    spans: 2,
  },
  { file: 'jaeger/span-array_inline-process_anonymizer.json', traceId: null, spans: null },
  {
    file: 'jaeger-v3/snapshot_GetTrace.json',
    traceId: '00000000000000000000000000000001',
    spans: 1,
  },
  {
    file: 'tempo/tempo-v1-batches_handwritten.json',
    traceId: '5b8efff798038103d269b633813fc60c',
    spans: 1,
  },
  { file: 'zipkin/zipkin-v2_skew.json', traceId: '1e223ff1f80f1c69', spans: 4 },
  {
    file: 'zipkin/zipkin-v2_single-span-object_client.json',
    traceId: '4d1e00c0db9010db86154a4ba6e91385',
    spans: 1,
  },
  {
    file: 'llm/otel-genai-openai/agent.json',
    traceId: '3fbb55a62f307a81906f7301b6107412',
    spans: 6,
  },
] as const;

async function expectFileTrace(page: Page, traceId: string | null, spans: number | null) {
  await expect(page).toHaveURL(traceId ? `/trace/file/${traceId}` : /\/trace\/file\/.+/);
  await expect(page.getByTestId('trace-summary')).toBeVisible();
  if (spans !== null) {
    await expect(page.getByTestId('summary-span-count')).toHaveAttribute(
      'data-value',
      String(spans),
    );
  }
}

for (const { file, traceId, spans } of FILES) {
  test(`picking ${file} opens it`, async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('open-file-input').setInputFiles(fixturePath(file));
    await expectFileTrace(page, traceId, spans);
  });
}

test('a Tempo v2 response saved to a file opens, partial status included', async ({
  page,
  request,
}) => {
  const id = 'c620759e5d60fafb8ee0922b30e06bc6';
  const body = await request.get(`http://127.0.0.1:${MULTI_REPLAY_PORT}/tempo/api/v2/traces/${id}`);
  await page.goto('/');
  await page.getByTestId('open-file-input').setInputFiles({
    name: 'tempo-v2.json',
    mimeType: 'application/json',
    buffer: await body.body(),
  });
  await expectFileTrace(page, id, 4);
  expect(
    Number(await page.getByTestId('summary-problem-count').getAttribute('data-value')),
  ).toBeGreaterThanOrEqual(1);
});

test('a JSON Lines file with several traces offers a list, and the trace page a switcher', async ({
  page,
}) => {
  const lines = [
    'llm/vercel-ai/rag.json',
    'llm/langfuse-openai/agent.json',
    'zipkin/zipkin-v2_skew.json',
  ]
    .slice(0, 2)
    .map((rel) => JSON.stringify(JSON.parse(fixtureText(rel))))
    .join('\n');
  await page.goto('/');
  await page.getByTestId('open-file-input').setInputFiles({
    name: 'collector-export.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(`${lines}\n`),
  });
  await expect(page).toHaveURL('/file');
  const rows = page.getByTestId('recent-trace');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveAttribute('data-source-id', 'file');
  await page
    .locator('[data-trace-id="5f973bdeed4393b2d84e36d58a2ad17e"]')
    .getByRole('link')
    .click();
  await expectFileTrace(page, '5f973bdeed4393b2d84e36d58a2ad17e', 6);
  const switcher = page.getByRole('combobox', { name: 'Trace in the opened file' });
  await switcher.selectOption('c2ac4018e6e7f508bc69dd30dcde610c');
  await expectFileTrace(page, 'c2ac4018e6e7f508bc69dd30dcde610c', 8);
  // Kept in the tab: a reload shows the same trace again.
  await page.reload();
  await expectFileTrace(page, 'c2ac4018e6e7f508bc69dd30dcde610c', 8);
});

test('dropping a file anywhere opens it (with an overlay while dragging)', async ({ page }) => {
  await page.goto('/search/zipkin');
  const text = fixtureText('zipkin/zipkin-v2_yelp.json');
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'yelp.json', { type: 'application/json' }));
    return transfer;
  }, text);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(page.getByTestId('file-drop-overlay')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.getByTestId('file-drop-overlay')).toBeHidden();
  await expectFileTrace(page, 'a03ee8fff1dcd9b9', 16);
});

test('pasted JSON opens', async ({ page }) => {
  await page.goto('/');
  await page
    .getByRole('textbox', { name: 'Trace JSON' })
    .fill(fixtureText('otlp/otlp-proto-examples_trace.json'));
  await page.getByRole('button', { name: 'Load pasted JSON' }).click();
  await expectFileTrace(page, '5b8efff798038103d269b633813fc60c', 1);
});

test('a malformed file is explained with its line and column, and nothing breaks', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('open-file-input').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "resourceSpans": [\n    {"resource": {},}\n  ]\n}'),
  });
  const error = page.getByTestId('file-open-error');
  await expect(error).toContainText('Could not open broken.json');
  await expect(error).toContainText('line 3, column 21');
  await expect(page).toHaveURL('/');
  await page.getByTestId('open-file-input').setInputFiles({
    name: 'logs.json',
    mimeType: 'application/json',
    buffer: Buffer.from(fixtureText('llm/otel-genai-openai/agent.logs.json')),
  });
  await expect(error).toContainText('OTLP logs, not traces');
  await error.getByRole('button', { name: 'Dismiss' }).click();
  await expect(error).toBeHidden();
});

test('an unknown trace of the opened file says "not found"', async ({ page }) => {
  await page.goto('/');
  await page
    .getByTestId('open-file-input')
    .setInputFiles(fixturePath('zipkin/zipkin-v2_skew.json'));
  await expectFileTrace(page, '1e223ff1f80f1c69', 4);
  await page.goto('/trace/file/00000000000000000000000000abcdef');
  await expect(page.getByTestId('load-error')).toContainText(/not found/i);
});
