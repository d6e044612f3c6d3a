import { expect, test } from '@playwright/test';
import {
  DOWN_SOURCE,
  JAEGER_SOURCE,
  JAEGER_TRACES,
  PROXY_TIMEOUT_MS,
  UNKNOWN_TRACE_ID,
} from '../support/e2e-env';
import { SLOW_TRACE_ID } from './jaeger-replay.mjs';

// The real built server in front of the Jaeger replay: what the browser's adapters rely on.

const JAEGER_404 =
  '{"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":404,"msg":"trace not found"}]}\n';

test('lists the configured sources without their URLs or headers', async ({ request }) => {
  const res = await request.get('/api/sources');
  expect(res.status()).toBe(200);
  const sources = (await res.json()) as unknown[];
  expect(sources).toContainEqual({ id: JAEGER_SOURCE, name: 'Jaeger', kind: 'jaeger' });
  expect(sources).toContainEqual({ id: DOWN_SOURCE, name: 'Unreachable Jaeger', kind: 'jaeger' });
  expect(await res.text()).not.toContain('127.0.0.1');
});

for (const [name, traceId] of Object.entries(JAEGER_TRACES)) {
  test(`proxies the recorded Jaeger trace "${name}"`, async ({ request }) => {
    const res = await request.get(
      `/api/sources/${JAEGER_SOURCE}/api/traces/${encodeURIComponent(traceId)}`,
    );
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/json');
    const body = (await res.json()) as { data: { traceID: string; spans: unknown[] }[] };
    expect(body).toMatchObject({ total: 0, limit: 0, offset: 0, errors: null });
    expect(body.data).toHaveLength(1);
    expect(body.data[0]?.traceID).toBe(traceId);
    expect(body.data[0]?.spans.length).toBeGreaterThan(0);
  });
}

test('accepts ids in any case, with leading zeros, or in base64', async ({ request }) => {
  const hex = JAEGER_TRACES.inlineProcesses;
  const base64 = Buffer.from(hex, 'hex').toString('base64');
  for (const id of [hex.toUpperCase(), `0000000000000000${hex}`, base64]) {
    const res = await request.get(
      `/api/sources/${JAEGER_SOURCE}/api/traces/${encodeURIComponent(id)}`,
    );
    expect(res.status(), id).toBe(200);
  }
});

test("passes Jaeger's text/plain 404 envelope through for an unknown id", async ({ request }) => {
  const res = await request.get(`/api/sources/${JAEGER_SOURCE}/api/traces/${UNKNOWN_TRACE_ID}`);
  expect(res.status()).toBe(404);
  expect(res.headers()['content-type']).toBe('text/plain; charset=utf-8');
  expect(await res.text()).toBe(JAEGER_404);
});

test('serves search and metadata endpoints through the proxy', async ({ request }) => {
  const services = await request.get(`/api/sources/${JAEGER_SOURCE}/api/services`);
  expect(services.status()).toBe(200);
  expect(((await services.json()) as { data: string[] }).data).toContain('issue115');
  const search = await request.get(`/api/sources/${JAEGER_SOURCE}/api/traces?service=issue115`);
  expect(((await search.json()) as { data: { traceID: string }[] }).data[0]?.traceID).toBe(
    JAEGER_TRACES.followsFrom,
  );
  // The replay plays a Jaeger without the v3 API, so adapters can test their fallback.
  const v3 = await request.get(`/api/sources/${JAEGER_SOURCE}/api/v3/services`);
  expect(v3.status()).toBe(404);
});

test('answers 502 upstream-unreachable for a source that is down', async ({ request }) => {
  const res = await request.get(`/api/sources/${DOWN_SOURCE}/api/traces/abc`);
  expect(res.status()).toBe(502);
  expect(await res.json()).toMatchObject({ error: { code: 'upstream-unreachable' } });
});

test('answers 504 upstream-timeout when the backend never answers', async ({ request }) => {
  const res = await request.get(`/api/sources/${JAEGER_SOURCE}/api/traces/${SLOW_TRACE_ID}`, {
    timeout: PROXY_TIMEOUT_MS + 10_000,
  });
  expect(res.status()).toBe(504);
  expect(await res.json()).toMatchObject({ error: { code: 'upstream-timeout' } });
});

test('refuses paths off the allow list', async ({ request }) => {
  for (const path of ['/api/traces/%2e%2e%2f%2e%2e%2fadmin', '/metrics', '/api/transform']) {
    const res = await request.get(`/api/sources/${JAEGER_SOURCE}${path}`);
    expect(res.status(), path).toBeGreaterThanOrEqual(400);
    expect(res.status(), path).toBeLessThan(500);
  }
  const unknown = await request.get('/api/sources/nope/api/traces/abc');
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: { code: 'unknown-source' } });
});

test('serves the app for deep links, under a CSP the page respects', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const res = await page.goto(`/trace/${JAEGER_SOURCE}/${JAEGER_TRACES.followsFrom}`);
  expect(res?.status()).toBe(200);
  const headers = res?.headers() ?? {};
  expect(headers['content-type']).toBe('text/html; charset=utf-8');
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  await page.waitForLoadState('load');
  expect(violations).toEqual([]);
});
