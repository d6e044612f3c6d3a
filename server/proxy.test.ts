import type { Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './app';
import type { SourceConfig } from './config';
import {
  closeServer,
  closedPort,
  listen,
  rawRequest,
  startFakeBackend,
  testConfig,
} from './test-support';
import type { FakeBackend } from './test-support';

const JAEGER_404 =
  '{"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":404,"msg":"trace not found"}]}\n';

const silent = { warn: () => {} };

/** Request targets that try to reach another path or host through the proxy. */
function tricks(attackerPort: number): string[] {
  return [
    '/api/sources/plain/api/traces/../../admin',
    '/api/sources/plain/api/traces/%2e%2e/%2e%2e/admin',
    '/api/sources/plain/api/%2E%2E/secret',
    '/api/sources/plain/api/traces/..%2f..%2fadmin',
    '/api/sources/plain/api/traces/%2e%2e%2f%2e%2e%2fadmin',
    '/api/sources/plain/api/traces/%252e%252e%252fadmin',
    '/api/sources/plain/api/traces/..;/admin',
    '/api/sources/plain/api/traces/..',
    '/api/sources/plain/api/traces/%2e%2e',
    '/api/sources/plain/api/traces/.',
    '/api/sources/plain/api/traces/..;x',
    '/api/sources/plain/api/services/../operations',
    '/api/sources/plain/api/services/a%2fb/operations',
    '/api/sources/plain/api/services/%2e%2e/operations',
    '/api/sources/plain/api/traces/x\\..\\..\\admin',
    '/api/sources/plain/api/traces/%5c..%5cadmin',
    '/api/sources/plain/api\\traces\\abc',
    `/api/sources/plain//127.0.0.1:${attackerPort}/api/traces/abc`,
    `/api/sources/plain/http://127.0.0.1:${attackerPort}/api/traces/abc`,
    `/api/sources/plain/http:%2f%2f127.0.0.1:${attackerPort}/api/traces/abc`,
    `/api/sources/plain/@127.0.0.1:${attackerPort}/api/traces/abc`,
    `/api/sources/plain/api/traces/abc/`,
    `/api/sources/plain/api//traces/abc`,
    '/api/sources/plain/api/traces/abc%00',
    '/api/sources/plain/api/admin',
    '/api/sources/plain/API/traces/abc',
    '/api/sources/plain/api/v3/../traces/abc',
    '/api/sources/plain',
    '/api/sources/zipkin/api/traces/abc',
    '/api/sources/v3/api/traces/abc',
    '/api/sources/tempo/api/services',
    `http://127.0.0.1:${attackerPort}/api/traces/abc`,
  ];
}

describe('proxy', () => {
  let upstream: FakeBackend;
  let attacker: FakeBackend;
  let app: Server;
  let port: number;

  beforeAll(async () => {
    upstream = await startFakeBackend((req, res) => {
      if (req.url?.includes('/missing')) {
        res.writeHead(404, {
          'Content-Type': 'text/plain; charset=utf-8',
          'X-Content-Type-Options': 'nosniff',
          'Set-Cookie': 'session=upstream',
        });
        res.end(JAEGER_404);
      } else if (req.url?.includes('/moved')) {
        res.writeHead(302, { Location: `${attacker.url}/api/traces/x` });
        res.end();
      } else if (req.url?.includes('/slow')) {
        // Never answers: the proxy's timeout must fire.
      } else {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': 'a=b' });
        res.end(JSON.stringify({ path: req.url }));
      }
    });
    attacker = await startFakeBackend();
    const sources: SourceConfig[] = [
      {
        id: 'prod',
        name: 'Production Jaeger',
        kind: 'jaeger',
        url: `${upstream.url}/jaeger`,
        headers: { Authorization: 'Bearer server-secret', 'X-Scope-OrgID': 'tenant-1' },
      },
      { id: 'plain', name: 'plain', kind: 'jaeger', url: upstream.url, headers: {} },
      { id: 'tempo', name: 'Tempo', kind: 'tempo', url: upstream.url, headers: {} },
      { id: 'v3', name: 'Jaeger v3', kind: 'jaeger-v3', url: upstream.url, headers: {} },
      { id: 'zipkin', name: 'Zipkin', kind: 'zipkin', url: upstream.url, headers: {} },
      {
        id: 'down',
        name: 'Down',
        kind: 'jaeger',
        url: `http://127.0.0.1:${await closedPort()}`,
        headers: {},
      },
    ];
    app = createServer(testConfig(sources, { proxyTimeoutMs: 300 }), {
      appDir: '/nonexistent',
      logger: silent,
    });
    port = await listen(app);
  });

  afterAll(async () => {
    await closeServer(app);
    await upstream.close();
    await attacker.close();
  });

  afterEach(() => {
    upstream.requests.length = 0;
    attacker.requests.length = 0;
  });

  it('forwards an allowed path under the base path, with the configured headers', async () => {
    const res = await rawRequest(port, '/api/sources/prod/api/traces/abc123?raw=true&x=%20y');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(JSON.parse(res.body)).toEqual({ path: '/jaeger/api/traces/abc123?raw=true&x=%20y' });
    expect(upstream.requests).toHaveLength(1);
    const sent = upstream.requests[0]!;
    expect(sent.method).toBe('GET');
    expect(sent.headers['authorization']).toBe('Bearer server-secret');
    expect(sent.headers['x-scope-orgid']).toBe('tenant-1');
    expect(sent.headers['accept']).toBe('application/json');
  });

  it.each([
    ['prod', '/api/traces?service=frontend&limit=20'],
    ['prod', '/api/services'],
    ['prod', '/api/services/my%20service/operations'],
    ['prod', '/api/operations?service=a'],
    ['prod', '/api/dependencies?endTs=1&lookback=2'],
    ['prod', '/api/v3/traces/0123456789abcdef0123456789abcdef'],
    ['prod', '/api/v3/trace-summaries?query.serviceName=a'],
    ['v3', '/api/v3/traces?query.service_name=a'],
    ['v3', '/api/v3/services'],
    ['v3', '/api/v3/operations?service=a'],
    ['tempo', '/api/traces/QpC1h3qZMN55u0KDZTmOzA%3D%3D'],
    ['tempo', '/api/v2/traces/1ace7c984e27846314dc3e436334aed'],
    ['tempo', '/api/search?q=%7B%20.a%20%3D%20%22b%22%20%7D&limit=20'],
    ['tempo', '/api/search/tags'],
    ['tempo', '/api/v2/search/tags?scope=resource'],
    ['tempo', '/api/search/tag/service.name/values'],
    ['tempo', '/api/v2/search/tag/resource.service.name/values'],
    ['tempo', '/api/echo'],
    ['zipkin', '/api/v2/trace/463ac35c9f6413ad48485a3953bb6124'],
    ['zipkin', '/api/v2/traces?serviceName=a&limit=10'],
    ['zipkin', '/api/v2/services'],
    ['zipkin', '/api/v2/spans?serviceName=a'],
    ['zipkin', '/api/v2/dependencies?endTs=1'],
  ])('forwards %s %s', async (source, path) => {
    const res = await rawRequest(port, `/api/sources/${source}${path}`);
    expect(res.status).toBe(200);
    const expected = source === 'prod' ? `/jaeger${path}` : path;
    expect(upstream.requests.map((r) => r.url)).toEqual([expected]);
  });

  it('keeps an encoded "/" inside a base64 trace id', async () => {
    const res = await rawRequest(
      port,
      '/api/sources/tempo/api/traces/AAAAAAAAAABguiq7RPE%2Brg%3D%3D',
    );
    expect(res.status).toBe(200);
    const slashy = await rawRequest(port, '/api/sources/plain/api/traces/ab%2Fcd%2F%2F%2Bx%3D%3D');
    expect(slashy.status).toBe(200);
    expect(upstream.requests.map((r) => r.url)).toEqual([
      '/api/traces/AAAAAAAAAABguiq7RPE%2Brg%3D%3D',
      '/api/traces/ab%2Fcd%2F%2F%2Bx%3D%3D',
    ]);
  });

  it('never forwards the browser cookies, authorization or hop-by-hop headers', async () => {
    await rawRequest(port, '/api/sources/plain/api/services', {
      headers: {
        Cookie: 'session=browser',
        Authorization: 'Basic YnJvd3Nlcjp1c2Vy',
        'X-Scope-OrgID': 'other-tenant',
        'X-Forwarded-For': '10.0.0.1',
        'Proxy-Authorization': 'Basic eA==',
        Connection: 'keep-alive, X-Custom',
        'X-Custom': 'hop',
      },
    });
    await rawRequest(port, '/api/sources/prod/api/services', {
      headers: { Cookie: 'session=browser', Authorization: 'Basic YnJvd3Nlcjp1c2Vy' },
    });
    const [plain, prod] = upstream.requests;
    for (const name of ['cookie', 'authorization', 'x-scope-orgid', 'x-forwarded-for']) {
      expect(plain!.headers[name]).toBeUndefined();
    }
    expect(plain!.headers['proxy-authorization']).toBeUndefined();
    expect(plain!.headers['x-custom']).toBeUndefined();
    expect(prod!.headers['cookie']).toBeUndefined();
    expect(prod!.headers['authorization']).toBe('Bearer server-secret');
  });

  it("passes Jaeger's text/plain 404 envelope through unchanged, without upstream cookies", async () => {
    const res = await rawRequest(port, '/api/sources/plain/api/traces/missing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toBe(JAEGER_404);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('does not follow redirects and does not pass Location on', async () => {
    const res = await rawRequest(port, '/api/sources/plain/api/traces/moved');
    expect(res.status).toBe(302);
    expect(res.headers['location']).toBeUndefined();
    expect(upstream.requests).toHaveLength(1);
    expect(attacker.requests).toHaveLength(0);
  });

  it('answers 502 upstream-unreachable when the backend refuses connections', async () => {
    const res = await rawRequest(port, '/api/sources/down/api/traces/abc');
    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body).error.code).toBe('upstream-unreachable');
  });

  it('answers 504 upstream-timeout when the backend does not answer in time', async () => {
    const started = Date.now();
    const res = await rawRequest(port, '/api/sources/plain/api/traces/slow');
    expect(res.status).toBe(504);
    expect(JSON.parse(res.body).error.code).toBe('upstream-timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('answers 404 unknown-source for an unconfigured id', async () => {
    const res = await rawRequest(port, '/api/sources/nope/api/traces/abc');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body).error.code).toBe('unknown-source');
    expect(upstream.requests).toHaveLength(0);
  });

  describe('refuses paths that could leave the allow list', () => {
    it('with a 4xx JSON error, reaching neither the backend nor another host', async () => {
      for (const target of tricks(attacker.port)) {
        const res = await rawRequest(port, target);
        expect(res.status, target).toBeGreaterThanOrEqual(400);
        expect(res.status, target).toBeLessThan(500);
        expect(JSON.parse(res.body).error.code, target).toMatch(
          /^(bad-path|path-not-allowed|not-found)$/,
        );
      }
      expect(upstream.requests).toEqual([]);
      expect(attacker.requests).toEqual([]);
    });

    it('including methods other than GET', async () => {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD']) {
        const res = await rawRequest(port, '/api/sources/plain/api/traces/abc', { method });
        expect(res.status, method).toBe(405);
      }
      expect(upstream.requests).toEqual([]);
    });
  });
});

describe('proxy body limits', () => {
  it('cuts off a backend that sends more than the limit', async () => {
    const big = 'x'.repeat(64 * 1024);
    const upstream = await startFakeBackend((req, res) => {
      if (req.url?.includes('declared')) {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': big.length });
      } else {
        res.writeHead(200, { 'Content-Type': 'application/json' });
      }
      res.end(big);
    });
    const sources: SourceConfig[] = [
      { id: 'j', name: 'j', kind: 'jaeger', url: upstream.url, headers: {} },
    ];
    const app = createServer(testConfig(sources, { proxyMaxBytes: 1024 }), {
      appDir: '/nonexistent',
      logger: silent,
    });
    const port = await listen(app);
    try {
      const declared = await rawRequest(port, '/api/sources/j/api/traces/declared');
      expect(declared.status).toBe(502);
      expect(JSON.parse(declared.body).error.code).toBe('upstream-too-large');
      await expect(rawRequest(port, '/api/sources/j/api/traces/chunked')).rejects.toThrow();
    } finally {
      await closeServer(app);
      await upstream.close();
    }
  });

  it('streams a large body through intact', async () => {
    const body = JSON.stringify({ data: 'y'.repeat(5 * 1024 * 1024) });
    const upstream = await startFakeBackend((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body);
    });
    const sources: SourceConfig[] = [
      { id: 'j', name: 'j', kind: 'jaeger', url: upstream.url, headers: {} },
    ];
    const app = createServer(testConfig(sources), { appDir: '/nonexistent', logger: silent });
    const port = await listen(app);
    try {
      const res = await rawRequest(port, '/api/sources/j/api/traces/abc');
      expect(res.status).toBe(200);
      expect(res.body.length).toBe(body.length);
    } finally {
      await closeServer(app);
      await upstream.close();
    }
  });
});
