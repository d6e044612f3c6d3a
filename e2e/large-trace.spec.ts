/**
 * A generated 10,000-span Jaeger trace (11 MB): read while it downloads in the trace worker,
 * its payload kept on the page and packed in idle time. A span opened before and after packing
 * shows the attributes the backend sent.
 */
import { expect, test, type Page } from '@playwright/test';
import { buildJaegerPayload } from '../bench/jaeger-payload.mjs';
import { GENERATED_TRACE, JAEGER_SOURCE } from './support/e2e-env';
import { openTrace } from './support/open-trace';

interface GeneratedSpan {
  spanID: string;
  tags: { key: string; value: unknown }[];
}

const payload = buildJaegerPayload(GENERATED_TRACE.spans, GENERATED_TRACE.seed);
const spans = (
  JSON.parse(Buffer.concat(payload.chunks).toString('utf8')) as {
    data: [{ spans: GeneratedSpan[] }];
  }
).data[0].spans;

function tag(span: GeneratedSpan, key: string): string {
  return String(span.tags.find((t) => t.key === key)?.value);
}

async function waitForPacking(page: Page) {
  await page.waitForFunction(
    () => performance.getEntriesByName('tracefall:payload-packed').length > 0,
    undefined,
    { timeout: 20_000 },
  );
}

test('a 10,000-span trace opens, and spans read the same before and after the payload is packed', async ({
  page,
}) => {
  const first = spans[4_321] as GeneratedSpan;
  await openTrace(page, JAEGER_SOURCE, payload.traceId, { span: first.spanID });
  await expect(page.getByTestId('summary-span-count')).toHaveAttribute(
    'data-value',
    String(GENERATED_TRACE.spans),
  );
  const detail = page.getByTestId('span-detail');
  await expect(detail).toHaveAttribute('data-span-id', first.spanID);
  await expect(detail.getByText(tag(first, 'http.url'), { exact: true })).toBeVisible();

  await waitForPacking(page);
  // A span deep in the payload, found by a value only it has, read from the packed blocks.
  const later = spans[9_876] as GeneratedSpan;
  await page.getByTestId('filter-text').fill(`request.id=${tag(later, 'request.id')}`);
  await expect(page.getByTestId('filter-match-count')).toHaveAttribute('data-value', '1');
  await page.getByTestId('filter-text').press('Enter');
  await expect(detail).toHaveAttribute('data-span-id', later.spanID);
  await expect(detail.getByText(tag(later, 'http.url'), { exact: true })).toBeVisible();
  await expect(detail.getByText(tag(later, 'request.id'), { exact: true })).toBeVisible();
  // The first span again, now from packed blocks too.
  await page.getByTestId('filter-text').fill(`request.id=${tag(first, 'request.id')}`);
  await expect(page.getByTestId('filter-match-count')).toHaveAttribute('data-value', '1');
  await page.getByTestId('filter-text').press('Enter');
  await expect(detail).toHaveAttribute('data-span-id', first.spanID);
  await expect(detail.getByText(tag(first, 'request.id'), { exact: true })).toBeVisible();
});
