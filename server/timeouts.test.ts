/**
 * Deadlines: a slow-loris exporter is cut off and frees its slot, a hung or stalling backend
 * never holds up anybody else, and both servers bound how long a request may take to arrive.
 */
import type { Server } from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, createServer } from './app';
import {
  postOtlp,
  request,
  startTestLocalServer,
  type TestLocalServer,
} from './local/test-local-server';
import { createOtlpRoute, createOtlpServer } from './otlp/otlp-receiver';
import { closeServer, listen, rawRequest, startFakeBackend, testConfig } from './test-support';
import type { FakeBackend } from './test-support';

const EMPTY_BATCH = '{"resourceSpans":[]}';

/** Sends headers announcing a body, then one byte every `everyMs`; resolves with what came back. */
function slowLoris(port: number, everyMs: number): { done: Promise<string>; stop: () => void } {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  let timer: ReturnType<typeof setInterval> | undefined;
  socket.on('connect', () => {
    socket.write(
      'POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n',
    );
    timer = setInterval(() => socket.write(' '), everyMs);
  });
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('error', () => {});
  const done = new Promise<string>((resolve) => {
    socket.on('close', () => {
      clearInterval(timer);
      resolve(received);
    });
  });
  return { done, stop: () => socket.destroy() };
}

describe('OTLP receiver body deadline', () => {
  let app: TestLocalServer;
  beforeAll(async () => {
    app = await startTestLocalServer({
      receiver: { bodyTimeoutMs: 400, maxConcurrentRequests: 1 },
    });
  });
  afterAll(() => app.close());

  it('cuts off a client trickling its body, and frees its slot', async () => {
    const started = Date.now();
    const loris = slowLoris(app.port, 50);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // It holds the only slot: others are told to retry, not left waiting.
    const meanwhile = await postOtlp(app.port, '/v1/traces', EMPTY_BATCH);
    expect(meanwhile.status).toBe(429);
    expect((await request(app.port, '/api/health')).status).toBe(200);

    const answer = await loris.done;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toMatch(/connection: close/i);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((await postOtlp(app.port, '/v1/traces', EMPTY_BATCH)).status).toBe(200);
  });

  it('does the same on the dedicated OTLP port', async () => {
    const otlp = createOtlpServer(createOtlpRoute(app.store, { bodyTimeoutMs: 300 }), () => {});
    const port = await listen(otlp);
    const loris = slowLoris(port, 50);
    expect(await loris.done).toMatch(/^HTTP\/1\.1 408 /);
    expect(otlp.headersTimeout).toBe(HEADERS_TIMEOUT_MS);
    expect(otlp.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
    await closeServer(otlp);
  });
});

describe('a hung or stalling backend', () => {
  let upstream: FakeBackend;
  let app: Server;
  let port: number;

  beforeAll(async () => {
    upstream = await startFakeBackend((req, res) => {
      if (req.url?.includes('/hang')) return; // never answers
      if (req.url?.includes('/stall')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"data":[');
        return; // headers and a first chunk, then nothing
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"data":["svc"]}');
    });
    const source = {
      id: 'prod',
      name: 'Prod',
      kind: 'jaeger' as const,
      url: upstream.url,
      headers: {},
    };
    app = createServer(testConfig([source], { proxyTimeoutMs: 1_500 }), {
      appDir: '/nonexistent',
      logger: { warn: () => {} },
    });
    port = await listen(app);
  });
  afterAll(async () => {
    await closeServer(app);
    await upstream.close();
  });

  it('never blocks other requests while proxied ones hang', async () => {
    const hanging = Array.from({ length: 20 }, (_, i) =>
      rawRequest(port, `/api/sources/prod/api/traces/hang${i}`),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    expect((await rawRequest(port, '/api/sources')).status).toBe(200);
    const other = await rawRequest(port, '/api/sources/prod/api/services');
    expect(other.status).toBe(200);
    expect(JSON.parse(other.body)).toEqual({ data: ['svc'] });
    expect(Date.now() - started).toBeLessThan(500);
    const timedOut = await Promise.all(hanging);
    expect(timedOut.map((r) => r.status)).toEqual(Array(20).fill(504));
  });

  it('cuts off a body that stalls, instead of holding the browser forever', async () => {
    const started = Date.now();
    const outcome = await rawRequest(port, '/api/sources/prod/api/traces/stall').then(
      (res) => `complete body: ${res.body}`,
      (error: Error) => `cut: ${error.message}`,
    );
    expect(outcome).toMatch(/^cut: /);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('bounds how long headers and the whole request may take to arrive', () => {
    expect(app.headersTimeout).toBe(HEADERS_TIMEOUT_MS);
    expect(app.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
  });
});
