/**
 * Test helpers for the local store: an in-process app server with the receiver and the
 * `local` routes over a store in a temporary directory, plus small HTTP clients.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from '../app';
import { DEFAULT_PROXY_MAX_BYTES } from '../config';
import { createOtlpRoute, type ReceiverOptions } from '../otlp/otlp-receiver';
import { SpanStore, type StoreOptions } from '../store/span-store';
import { LOCAL_SOURCE, createLocalRoutes } from './local-routes';

export interface TestLocalServer {
  readonly port: number;
  readonly store: SpanStore;
  readonly dataDir: string;
  close(): Promise<void>;
}

export function makeTempDir(prefix = 'tracefall-store-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export async function startTestLocalServer(
  options: { receiver?: ReceiverOptions; store?: Partial<StoreOptions> } = {},
): Promise<TestLocalServer> {
  const dataDir = options.store?.dataDir ?? makeTempDir();
  const store = await SpanStore.open({ ...options.store, dataDir });
  const server: Server = createServer(
    {
      port: 0,
      host: '127.0.0.1',
      otlpHttpPort: 0,
      dataDir,
      demo: false,
      sources: [],
      proxyTimeoutMs: 2_000,
      proxyMaxBytes: DEFAULT_PROXY_MAX_BYTES,
    },
    {
      appDir: path.join(dataDir, 'no-app'),
      routes: [createOtlpRoute(store, options.receiver), createLocalRoutes(store, () => {})],
      builtInSources: [LOCAL_SOURCE],
      logger: { warn: () => {} },
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    store,
    dataDir,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface HttpResult {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** One request over a fresh connection (no keep-alive surprises between tests). */
export function request(
  port: number,
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: Uint8Array | string } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: target,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export async function getJson(
  port: number,
  target: string,
): Promise<{ status: number; json: unknown }> {
  const res = await request(port, target);
  return { status: res.status, json: JSON.parse(res.body.toString('utf8')) as unknown };
}

/** POSTs an OTLP body; `json` bodies are serialized, byte bodies sent as given. */
export function postOtlp(
  port: number,
  signalPath: '/v1/traces' | '/v1/logs' | '/v1/metrics',
  body: Uint8Array | string,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
): Promise<HttpResult> {
  return request(port, signalPath, { method: 'POST', headers, body });
}

export const LOCAL_V3 = '/api/sources/local/api/v3';
