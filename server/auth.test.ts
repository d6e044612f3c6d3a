import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServer } from './app';
import { AUTH_CHALLENGE_HEADER, SESSION_COOKIE, createApiAuth, secretsMatch } from './auth';
import { ConfigError, loadConfig } from './config';
import { closeServer, listen, rawRequest, startFakeBackend, testConfig } from './test-support';
import type { FakeBackend, RawResponse } from './test-support';
import { request } from './local/test-local-server';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const TOKEN = 'correct-horse-battery-staple';
const silent = { warn: () => {} };

let upstream: FakeBackend;
let app: Server;
let port: number;
let appDir: string;

beforeAll(async () => {
  upstream = await startFakeBackend((req, res) => {
    if (req.url?.includes('/denied')) {
      res.writeHead(401, { 'Content-Type': 'text/plain', 'WWW-Authenticate': 'Basic' });
      res.end('backend says no');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"data":[]}');
  });
  appDir = mkdtempSync(path.join(tmpdir(), 'tracefall-auth-app-'));
  writeFileSync(path.join(appDir, 'index.html'), '<!doctype html><title>Tracefall</title>');
  const source = {
    id: 'prod',
    name: 'Prod',
    kind: 'jaeger' as const,
    url: upstream.url,
    headers: {},
  };
  app = createServer(testConfig([source], { authToken: TOKEN }), { appDir, logger: silent });
  port = await listen(app);
});

afterAll(async () => {
  await closeServer(app);
  await upstream.close();
  rmSync(appDir, { recursive: true, force: true });
});

beforeEach(() => {
  upstream.requests.length = 0;
});

function login(token: unknown, headers: Record<string, string> = {}) {
  return request(port, '/api/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ token }),
  });
}

function expectChallenge(res: RawResponse | { status: number; headers: RawResponse['headers'] }) {
  expect(res.status).toBe(401);
  expect(res.headers[AUTH_CHALLENGE_HEADER.toLowerCase()]).toBe('required');
  expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
}

describe('TRACEFALL_AUTH_TOKEN', () => {
  it('answers 401 to every API route without a token, and never calls the backend', async () => {
    for (const target of [
      '/api/sources',
      '/api/sources/prod/api/traces/abc',
      '/api/sources/local/api/v3/services',
      '/api/nope',
      '/api',
    ]) {
      const res = await rawRequest(port, target);
      expectChallenge(res);
      expect(JSON.parse(res.body).error.code, target).toBe('unauthorized');
    }
    expect(upstream.requests).toEqual([]);
  });

  it('keeps the health check and the static app public', async () => {
    expect((await rawRequest(port, '/api/health')).status).toBe(200);
    const page = await rawRequest(port, '/trace/prod/abc');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Tracefall</title>');
    // The source list stays behind the token: the public page does not embed it.
    expect(page.body).not.toContain('tracefall-sources');
  });

  it('accepts the right Bearer token, and only that', async () => {
    const ok = await rawRequest(port, '/api/sources', {
      headers: { Authorization: `bearer ${TOKEN}` },
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual([{ id: 'prod', name: 'Prod', kind: 'jaeger' }]);
    for (const value of [
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Basic ${TOKEN}`,
      TOKEN,
    ]) {
      expectChallenge(
        await rawRequest(port, '/api/sources', { headers: { Authorization: value } }),
      );
    }
  });

  it('logs in with POST /api/login: an HttpOnly, SameSite=Strict session cookie', async () => {
    const res = await login(TOKEN);
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']?.[0]);
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=\\d+\\.[\\w-]{43};`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain(TOKEN);
    const session = cookie.split(';')[0] as string;
    const sources = await rawRequest(port, '/api/sources', { headers: { Cookie: session } });
    expect(sources.status).toBe(200);
    const proxied = await rawRequest(port, '/api/sources/prod/api/services', {
      headers: { Cookie: `theme=dark; ${session}` },
    });
    expect(proxied.status).toBe(200);
    // The session cookie is Tracefall's: it never travels on to the backend.
    expect(upstream.requests[0]?.headers.cookie).toBeUndefined();
  });

  it('refuses a wrong token, a non-JSON body and other methods, setting no cookie', async () => {
    const wrong = await login('wrong-token-of-some-length');
    expectChallenge(wrong);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const form = await request(port, '/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `token=${TOKEN}`,
    });
    expect(form.status).toBe(400);
    expect(form.headers['set-cookie']).toBeUndefined();
    expect((await rawRequest(port, '/api/login')).status).toBe(405);
  });

  it('refuses forged, foreign and expired session cookies', async () => {
    const future = Math.floor(Date.now() / 1000) + 3600;
    const otherServer = createApiAuth('another-token-entirely');
    const forged = [
      `${SESSION_COOKIE}=${future}.${'A'.repeat(43)}`,
      `${SESSION_COOKIE}=${TOKEN}`,
      `${SESSION_COOKIE}=${future}.`,
    ];
    for (const cookie of forged) {
      expectChallenge(await rawRequest(port, '/api/sources', { headers: { Cookie: cookie } }));
    }
    // A cookie made for another token, and one that expired, are both refused.
    const mintedElsewhere = await cookieFrom(otherServer, 'another-token-entirely');
    expectChallenge(
      await rawRequest(port, '/api/sources', { headers: { Cookie: mintedElsewhere } }),
    );
    const later = createApiAuth(TOKEN, () => Date.now() + 8 * 24 * 3600 * 1000);
    const fresh = (await login(TOKEN)).headers['set-cookie']?.[0]?.split(';')[0] ?? '';
    expect(later.isAuthorized(fakeRequest({ cookie: fresh }))).toBe(false);
    expect(createApiAuth(TOKEN).isAuthorized(fakeRequest({ cookie: fresh }))).toBe(true);
  });

  it('clears the cookie on POST /api/logout', async () => {
    const res = await request(port, '/api/logout', { method: 'POST' });
    expect(res.status).toBe(200);
    expect(String(res.headers['set-cookie']?.[0])).toMatch(/Max-Age=0/);
  });

  it('marks only its own 401s: a backend 401 passes through without the marker', async () => {
    const res = await rawRequest(port, '/api/sources/prod/api/traces/denied', {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(401);
    expect(res.headers[AUTH_CHALLENGE_HEADER.toLowerCase()]).toBeUndefined();
    expect(res.headers['www-authenticate']).toBeUndefined();
  });

  it('compares in constant time over fixed-size digests, whatever the lengths', async () => {
    const spy = vi.mocked(timingSafeEqual);
    spy.mockClear();
    expect(secretsMatch('a', TOKEN)).toBe(false);
    expect(secretsMatch(TOKEN, TOKEN)).toBe(true);
    await rawRequest(port, '/api/sources', { headers: { Authorization: 'Bearer x' } });
    await login('y'.repeat(3000));
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(4);
    for (const [a, b] of spy.mock.calls) {
      expect([(a as Buffer).length, (b as Buffer).length]).toEqual([32, 32]);
    }
  });

  it('throttles a client after 10 failed logins', async () => {
    const throttled = createServer(testConfig([], { authToken: TOKEN }), {
      appDir,
      logger: silent,
    });
    const throttledPort = await listen(throttled);
    const attempt = (token: string) =>
      request(throttledPort, '/api/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token }),
      });
    for (let i = 0; i < 10; i++) expect((await attempt(`guess-${i}-xxxxxxxx`)).status).toBe(401);
    const blocked = await attempt(TOKEN);
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBe('60');
    await closeServer(throttled);
  });
});

describe('token configuration', () => {
  it('reads TRACEFALL_AUTH_TOKEN and TRACEFALL_OTLP_TOKEN, refusing weak or unsendable ones', () => {
    const read = (env: Record<string, string>) => loadConfig(env, () => undefined);
    expect(read({ TRACEFALL_AUTH_TOKEN: TOKEN, TRACEFALL_OTLP_TOKEN: `${TOKEN}-2` })).toMatchObject(
      { authToken: TOKEN, otlpToken: `${TOKEN}-2` },
    );
    expect(read({}).authToken).toBeUndefined();
    for (const bad of ['short', 'has a space in it', 'tab\there-1234567']) {
      expect(() => read({ TRACEFALL_AUTH_TOKEN: bad }), bad).toThrow(ConfigError);
    }
  });
});

async function cookieFrom(auth: ReturnType<typeof createApiAuth>, token: string): Promise<string> {
  const other = createServer(testConfig([], { authToken: token }), { appDir, logger: silent });
  const otherPort = await listen(other);
  const res = await request(otherPort, '/api/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  await closeServer(other);
  const cookie = res.headers['set-cookie']?.[0]?.split(';')[0] ?? '';
  expect(auth.isAuthorized(fakeRequest({ cookie }))).toBe(true);
  return cookie;
}

function fakeRequest(headers: Record<string, string>) {
  return { headers, socket: {} } as unknown as Parameters<
    ReturnType<typeof createApiAuth>['isAuthorized']
  >[0];
}
