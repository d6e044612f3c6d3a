import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './app';
import { CONTENT_SECURITY_POLICY } from './http-util';
import { closeServer, listen, rawRequest, testConfig } from './test-support';

const INDEX_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/index-AbC123xy.js"></script></head><body><div id="root"></div></body></html>';

/** index.html as served: the source list (what `GET /api/sources` answers) first in <head>. */
const INDEX_WITH_SOURCES = INDEX_HTML.replace(
  '<head>',
  '<head>\n    <script type="application/json" id="tracefall-sources">' +
    '[{"id":"prod","name":"Production Jaeger","kind":"jaeger"},{"id":"tempo","name":"Tempo","kind":"tempo"}]' +
    '</script>',
);

describe('app', () => {
  let dir: string;
  let appDir: string;
  let app: Server;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tracefall-app-test-'));
    appDir = path.join(dir, 'app');
    mkdirSync(path.join(appDir, 'assets'), { recursive: true });
    writeFileSync(path.join(appDir, 'index.html'), INDEX_HTML);
    writeFileSync(path.join(appDir, 'assets', 'index-AbC123xy.js'), 'console.log(1);\n');
    writeFileSync(path.join(appDir, 'assets', 'index-AbC123xy.css'), 'body{}\n');
    writeFileSync(path.join(appDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(path.join(dir, 'secret.txt'), 'outside the app dir\n');
    const config = testConfig([
      {
        id: 'prod',
        name: 'Production Jaeger',
        kind: 'jaeger',
        url: 'http://jaeger.internal:16686/base',
        headers: { Authorization: 'Bearer top-secret-token', 'X-Scope-OrgID': 'tenant-9' },
      },
      { id: 'tempo', name: 'Tempo', kind: 'tempo', url: 'http://tempo.internal:3200', headers: {} },
    ]);
    app = createServer(config, { appDir, logger: { warn: () => {} } });
    port = await listen(app);
  });

  afterAll(async () => {
    await closeServer(app);
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists sources as {id, name, kind} only', async () => {
    const res = await rawRequest(port, '/api/sources');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual([
      { id: 'prod', name: 'Production Jaeger', kind: 'jaeger' },
      { id: 'tempo', name: 'Tempo', kind: 'tempo' },
    ]);
    for (const secret of ['top-secret-token', 'tenant-9', 'jaeger.internal', 'Authorization']) {
      expect(res.body).not.toContain(secret);
    }
  });

  it('answers the health check', async () => {
    const res = await rawRequest(port, '/api/health');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: 'ok' });
  });

  it('sends the security headers on every response', async () => {
    for (const target of ['/', '/api/sources', '/api/nope', '/assets/index-AbC123xy.js']) {
      const res = await rawRequest(port, target);
      expect(res.headers['content-security-policy'], target).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-content-type-options'], target).toBe('nosniff');
      expect(res.headers['referrer-policy'], target).toBe('no-referrer');
    }
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self';/);
  });

  it('answers 404 JSON for unknown API routes', async () => {
    for (const target of ['/api', '/api/nope', '/api/traces/abc', '/api/sources/prod']) {
      const res = await rawRequest(port, target);
      expect(res.status, target).toBeGreaterThanOrEqual(400);
      expect(res.headers['content-type'], target).toMatch(/^application\/json/);
    }
    expect((await rawRequest(port, '/api/nope')).status).toBe(404);
  });

  it('serves index.html for client-side routes (history fallback)', async () => {
    for (const target of [
      '/',
      '/index.html',
      '/trace/prod/abc123',
      '/trace/prod/abc123?span=1&q=x',
      '/trace/file/4a1b2c3d',
      '/search/prod',
      '/search/tempo?service=a',
    ]) {
      const res = await rawRequest(port, target);
      expect(res.status, target).toBe(200);
      expect(res.headers['content-type'], target).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control'], target).toBe('no-cache');
      expect(res.body, target).toBe(INDEX_WITH_SOURCES);
    }
  });

  it('embeds the source list in index.html, escaped so no name can close the element', async () => {
    const hostile = createServer(
      testConfig([
        {
          id: 'x',
          name: '</script><script>alert(1)</script>',
          kind: 'jaeger',
          url: 'http://jaeger.internal:16686',
          headers: { Authorization: 'Bearer never-in-the-page' },
        },
      ]),
      { appDir, logger: { warn: () => {} } },
    );
    const hostilePort = await listen(hostile);
    try {
      const { body } = await rawRequest(hostilePort, '/trace/x/abc');
      const block = /<script type="application\/json" id="tracefall-sources">(.*?)<\/script>/.exec(
        body,
      );
      expect(JSON.parse(block?.[1] ?? 'null')).toEqual([
        { id: 'x', name: '</script><script>alert(1)</script>', kind: 'jaeger' },
      ]);
      expect(body).not.toContain('<script>alert');
      expect(body).not.toContain('never-in-the-page');
    } finally {
      await closeServer(hostile);
    }
  });

  it('serves hashed assets with their content type and a long cache', async () => {
    const js = await rawRequest(port, '/assets/index-AbC123xy.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const css = await rawRequest(port, '/assets/index-AbC123xy.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const svg = await rawRequest(port, '/favicon.svg');
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['cache-control']).toBe('no-cache');
  });

  it('answers 304 for a matching ETag', async () => {
    const first = await rawRequest(port, '/assets/index-AbC123xy.js');
    const etag = first.headers['etag'] as string;
    const second = await rawRequest(port, '/assets/index-AbC123xy.js', {
      headers: { 'If-None-Match': etag },
    });
    expect(second.status).toBe(304);
  });

  it('answers 404 for missing assets instead of index.html', async () => {
    for (const target of ['/assets/index-Missing1.js', '/assets/whatever', '/missing.css']) {
      const res = await rawRequest(port, target);
      expect(res.status, target).toBe(404);
    }
  });

  it('never serves files outside the app directory', async () => {
    for (const target of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      const res = await rawRequest(port, target);
      expect(res.body, target).not.toContain('outside the app dir');
      expect(res.body, target).not.toContain('root:');
    }
  });

  it('answers 503 with a hint when the app is not built', async () => {
    const bare = createServer(testConfig([]), { appDir: path.join(dir, 'nothing-here') });
    const barePort = await listen(bare);
    try {
      const res = await rawRequest(barePort, '/trace/x/y');
      expect(res.status).toBe(503);
      expect(res.body).toContain('npm run build');
      expect((await rawRequest(barePort, '/api/sources')).body).toBe('[]');
    } finally {
      await closeServer(bare);
    }
  });
});
