import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export type TraceViewParams = Record<string, string | number | readonly (string | number)[]>;

/** The URL of one trace (`/trace/:sourceId/:traceId?…`), repeating array parameters. */
export function traceUrl(sourceId: string, traceId: string, params: TraceViewParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const query = search.toString();
  const path = `/trace/${encodeURIComponent(sourceId)}/${encodeURIComponent(traceId)}`;
  return query === '' ? path : `${path}?${query}`;
}

/**
 * Opens a trace and waits until it has either loaded (the summary header is visible) or failed
 * (the load error is visible). Returns which of the two happened.
 */
export async function openTrace(
  page: Page,
  sourceId: string,
  traceId: string,
  params: TraceViewParams = {},
): Promise<'loaded' | 'error'> {
  await page.goto(traceUrl(sourceId, traceId, params));
  const summary = page.getByTestId('trace-summary');
  const loadError = page.getByTestId('load-error');
  await expect(summary.or(loadError).first()).toBeVisible();
  return (await summary.isVisible()) ? 'loaded' : 'error';
}
