/**
 * Trace content is untrusted: markup in span names, attribute keys and values, event names,
 * service names, LLM messages (HTML and `javascript:` markdown links) and tool arguments,
 * opened as a file, must show as text and never run. Also checks the security headers the
 * server sends with the page.
 */
import { expect, test, type Page } from '@playwright/test';

const TRACE_ID = '5ec0de5ec0de5ec0de5ec0de5ec0de01';
const ROOT = '00000000000000a1';
const LLM = '00000000000000a2';
const TOOL = '00000000000000a3';

/** Each payload sets `window.xssRan` (or alerts) if it ever runs. */
const P = {
  service: '<img src=x onerror="window.xssRan=\'service\'">svc',
  spanName: '<script>window.xssRan="span"</script>checkout',
  attrKey: '<img src=x onerror="window.xssRan=\'key\'">',
  attrValue: '<svg onload="window.xssRan=\'value\'"></svg><a href="javascript:alert(1)">x</a>',
  link: 'javascript:alert(document.domain)',
  event: '<iframe src="javascript:alert(2)"></iframe>retry',
  status: '"><img src=x onerror=alert(3)>',
  model: 'gpt-4o<img src=x onerror=alert(4)>',
  message:
    '<img src=x onerror=alert(5)> [click me](javascript:alert(6)) ![pic](x" onerror="alert(7))',
  toolArg: '</script><script>alert(8)</script>',
} as const;

function str(key: string, value: string) {
  return { key, value: { stringValue: value } };
}

function span(spanId: string, name: string, parent: string | undefined, attributes: unknown[]) {
  return {
    traceId: TRACE_ID,
    spanId,
    ...(parent && { parentSpanId: parent }),
    name,
    kind: 1,
    startTimeUnixNano: '1700000000000000000',
    endTimeUnixNano: '1700000000900000000',
    attributes,
  };
}

function hostileTrace(): Buffer {
  const root = {
    ...span(ROOT, P.spanName, undefined, [str(P.attrKey, P.attrValue), str('url', P.link)]),
    events: [{ name: P.event, timeUnixNano: '1700000000100000000', attributes: [] }],
    status: { code: 2, message: P.status },
  };
  const llm = span(LLM, `chat ${P.model}`, ROOT, [
    str('gen_ai.operation.name', 'chat'),
    str('gen_ai.provider.name', 'openai'),
    str('gen_ai.request.model', P.model),
    str(
      'gen_ai.input.messages',
      JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: P.message }] }]),
    ),
    str(
      'gen_ai.output.messages',
      JSON.stringify([
        {
          role: 'assistant',
          parts: [
            { type: 'text', content: P.message },
            { type: 'tool_call', id: 'call_1', name: P.toolArg, arguments: { q: P.toolArg } },
          ],
          finish_reason: 'tool_call',
        },
      ]),
    ),
  ]);
  const tool = span(TOOL, `execute_tool ${P.toolArg}`, ROOT, [
    str('gen_ai.operation.name', 'execute_tool'),
    str('gen_ai.tool.name', P.toolArg),
    str('gen_ai.tool.call.arguments', JSON.stringify({ html: P.toolArg, link: P.link })),
  ]);
  const doc = {
    resourceSpans: [
      {
        resource: { attributes: [str('service.name', P.service)] },
        scopeSpans: [{ scope: { name: 'xss' }, spans: [root, llm, tool] }],
      },
    ],
  };
  return Buffer.from(JSON.stringify(doc));
}

/** Nothing injected ran, nor is there a node it could run from. */
async function expectNothingInjected(page: Page, dialogs: string[]) {
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as { xssRan?: unknown }).xssRan)).toBeUndefined();
  await expect(page.locator('img[src="x"], svg[onload], iframe')).toHaveCount(0);
  // The one inline script allowed is the server's JSON data block (the source list): never run.
  await expect(
    page.locator('script:not([src]):not([type="application/json"]#tracefall-sources)'),
  ).toHaveCount(0);
  await expect(page.locator('script[type="application/json"]')).toHaveCount(1);
  await expect(page.locator('[onerror], [onload], [onclick]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i], [src^="javascript:" i]')).toHaveCount(0);
}

async function selectSpan(page: Page, spanId: string) {
  await page.locator(`[data-testid="span-row"][data-span-id="${spanId}"]`).click();
  await expect(page.getByTestId('span-detail')).toHaveAttribute('data-span-id', spanId);
}

test('markup in every part of a trace file shows as text and never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/');
  await page.getByTestId('open-file-input').setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: hostileTrace(),
  });
  await expect(page).toHaveURL(`/trace/file/${TRACE_ID}`);
  await expect(page.getByTestId('summary-span-count')).toHaveAttribute('data-value', '3');
  await expectNothingInjected(page, dialogs);

  await selectSpan(page, ROOT);
  const detail = page.getByTestId('span-detail');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(P.spanName);
  await expect(detail).toContainText(P.service);
  await expect(detail).toContainText(P.status);
  await expect(detail).toContainText(P.attrKey);
  await expect(detail).toContainText(P.attrValue);
  await expect(detail).toContainText(P.event);
  await expectNothingInjected(page, dialogs);

  await selectSpan(page, LLM);
  await expect(detail.getByTestId('detail-model')).toHaveAttribute('data-value', P.model);
  await expect(detail.getByTestId('detail-input')).toContainText('<img src=x onerror=alert(5)>');
  await expect(detail.getByTestId('detail-output')).toContainText(P.toolArg);
  await expectNothingInjected(page, dialogs);
  // Every view of the messages: markdown (the default), plain text and raw JSON.
  for (const view of ['Text', 'JSON', 'Markdown']) {
    await detail.getByRole('radio', { name: view }).first().click();
    await expect(detail.getByTestId('detail-input')).toContainText('onerror=alert(5)');
    await expectNothingInjected(page, dialogs);
  }

  await selectSpan(page, TOOL);
  await expect(detail).toContainText(P.toolArg);
  await expectNothingInjected(page, dialogs);

  // The text filter, from the URL, is shown as text too.
  await page.goto(`/trace/file/${TRACE_ID}?q=${encodeURIComponent(P.attrValue)}`);
  await expect(page.getByTestId('filter-text')).toHaveValue(P.attrValue);
  await expectNothingInjected(page, dialogs);
  expect(violations).toEqual([]);
});

test('the page is served with a strict CSP and the other security headers', async ({ page }) => {
  for (const path of ['/', `/trace/file/${TRACE_ID}`]) {
    const res = await page.goto(path);
    const headers = res?.headers() ?? {};
    const csp = headers['content-security-policy'] ?? '';
    const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc, path).toContain("'self'");
    expect(scriptSrc, path).not.toContain("'unsafe-inline'");
    expect(scriptSrc, path).not.toContain("'unsafe-eval'");
    expect(csp, path).toMatch(/(?:^|;)\s*frame-ancestors 'none'/);
    expect(csp, path).toMatch(/(?:^|;)\s*object-src 'none'/);
    expect(csp, path).toMatch(/(?:^|;)\s*base-uri 'none'/);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('no-referrer');
    expect(headers['x-frame-options'], path).toBe('DENY');
  }
  const api = await page.request.get('/api/sources');
  expect(api.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
});
