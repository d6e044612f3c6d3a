/**
 * Configured source headers (credentials, tenants) and backend URLs stay on the server: no
 * answer the browser can get — the source list, any proxied path of any kind, whatever the
 * backend answers (redirects, cookies, errors, timeouts, oversized bodies), the proxy's own
 * refusals — carries them, in a header or in the body.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './app';
import type { SourceConfig } from './config';
import { ALLOWED_PATHS } from './proxy-paths';
import {
  closeServer,
  closedPort,
  listen,
  rawRequest,
  startFakeBackend,
  testConfig,
} from './test-support';
import type { FakeBackend, RawResponse } from './test-support';

const SECRETS = {
  Authorization: 'Bearer sk-live-0123456789abcdefSECRET',
  'X-Scope-OrgID': 'tenant-secret-4711',
  'X-Api-Key': 'AKIAIOSFODNN7EXAMPLE',
};

/** What the fake backend does, chosen by a word in the path. */
const BEHAVIOURS = ['ok', 'missing', 'moved', 'crash', 'cookie', 'huge', 'hang'] as const;

describe('configured secrets never reach the browser', () => {
  let upstream: FakeBackend;
  let app: Server;
  let port: number;
  let forbidden: string[];

  beforeAll(async () => {
    upstream = await startFakeBackend((req, res) => {
      const url = req.url ?? '';
      if (url.includes('missing')) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('404 page not found\n');
      } else if (url.includes('moved')) {
        res.writeHead(302, { Location: `http://127.0.0.1:1/${SECRETS['X-Api-Key']}` });
        res.end();
      } else if (url.includes('crash')) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end('{"error":{"code":500,"message":"internal"}}');
      } else if (url.includes('cookie')) {
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'Set-Cookie': `session=${SECRETS['X-Scope-OrgID']}`,
          'X-Debug-Auth': SECRETS.Authorization,
        });
        res.end('{"data":[]}');
      } else if (url.includes('huge')) {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '999999999' });
        res.end();
      } else if (!url.includes('hang')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"data":[]}');
      }
    });
    const down = `http://127.0.0.1:${await closedPort()}`;
    const sources: SourceConfig[] = (['jaeger', 'jaeger-v3', 'tempo', 'zipkin'] as const).map(
      (kind) => ({ id: kind, name: kind, kind, url: `${upstream.url}/base`, headers: SECRETS }),
    );
    sources.push({ id: 'down', name: 'down', kind: 'jaeger', url: down, headers: SECRETS });
    app = createServer(testConfig(sources, { proxyTimeoutMs: 300, proxyMaxBytes: 1_000_000 }), {
      appDir: '/nonexistent',
      logger: { warn: () => {} },
    });
    port = await listen(app);
    forbidden = [...Object.values(SECRETS), upstream.url, `:${upstream.port}`, down, '/base/'];
  });

  afterAll(async () => {
    await closeServer(app);
    await upstream.close();
  });

  function expectClean(res: RawResponse, target: string) {
    const text = `${JSON.stringify(res.headers)}\n${res.body}`;
    for (const secret of forbidden) expect(text, `${target} leaks ${secret}`).not.toContain(secret);
  }

  /** Every allow-listed path of every kind, with every backend behaviour. */
  function targets(): string[] {
    const list = ['/api/sources', '/api/health', '/api/sources/nope/api/traces/x'];
    for (const [kind, patterns] of Object.entries(ALLOWED_PATHS)) {
      for (const pattern of patterns) {
        for (const behaviour of BEHAVIOURS) {
          const path = pattern.replace(/\{(id|param)\}/g, behaviour);
          const query = pattern.includes('{') ? '' : `?q=${behaviour}`;
          list.push(`/api/sources/${kind}${path}${query}`);
        }
      }
      list.push(`/api/sources/${kind}/api/../admin`, `/api/sources/${kind}/metrics`);
    }
    list.push('/api/sources/down/api/traces/abc');
    return list;
  }

  it('in the source list, proxied answers, errors and refusals', async () => {
    const seen = new Set<number>();
    const all = targets();
    const answers = await Promise.all(
      all.map((target) =>
        rawRequest(port, target).catch((): RawResponse => ({ status: 0, headers: {}, body: '' })),
      ),
    );
    answers.forEach((res, i) => {
      seen.add(res.status);
      expectClean(res, all[i] as string);
    });
    // The loop really met every kind of answer, not only 200s.
    for (const status of [200, 302, 400, 403, 404, 500, 502, 504]) expect(seen).toContain(status);
    expect(upstream.requests.length).toBeGreaterThan(100);
    // …while the backend did get them.
    expect(upstream.requests.every((r) => r.headers.authorization === SECRETS.Authorization)).toBe(
      true,
    );
  });

  it('in answers to other methods', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      expectClean(await rawRequest(port, '/api/sources/jaeger/api/services', { method }), method);
    }
  });
});
