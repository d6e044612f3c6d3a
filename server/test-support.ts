/** Helpers for the server tests: recording fake backends and raw HTTP requests. */
import http from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerConfig, SourceConfig } from './config';
import { DEFAULT_PROXY_MAX_BYTES } from './config';

export interface RecordedRequest {
  readonly method: string;
  /** The request target exactly as received (still percent-encoded). */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

export interface FakeBackend {
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export type FakeHandler = (req: IncomingMessage, res: ServerResponse) => void;

const replyOk: FakeHandler = (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end('{"data":[],"total":0,"limit":0,"offset":0,"errors":null}');
};

/** Starts a backend on 127.0.0.1:0 that records every request before `handler` answers it. */
export async function startFakeBackend(handler: FakeHandler = replyOk): Promise<FakeBackend> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    handler(req, res);
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, port, requests, close: () => closeServer(server) };
}

export async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  const port = await listen(server);
  await closeServer(server);
  return port;
}

export function testConfig(
  sources: SourceConfig[],
  overrides: Partial<ServerConfig> = {},
): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    otlpHttpPort: 0,
    dataDir: './data',
    demo: false,
    sources,
    proxyTimeoutMs: 2_000,
    proxyMaxBytes: DEFAULT_PROXY_MAX_BYTES,
    ...overrides,
  };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * Sends `target` byte for byte (fetch would normalise `..` and `\` away before sending, which
 * is exactly what an attacker's own client does not do).
 */
export function rawRequest(
  port: number,
  target: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
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
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}
