/**
 * The HTTP application: API routes, the backend proxy and the built app, on plain node:http.
 * Later features (OTLP receiver, local store) plug in as extra `RouteHandler`s.
 */
import http from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMBEDDED_SOURCES_ELEMENT_ID, type SourceInfo } from '../src/sources/source';
import { PUBLIC_API_PATHS, createApiAuth, sendUnauthorized } from './auth';
import type { ServerConfig } from './config';
import { sendError, sendJson, setSecurityHeaders } from './http-util';
import { proxyToSource } from './proxy';
import type { ProxyLogger } from './proxy';
import { bootDataScript, createStaticHandler } from './static';

/** A route answers the request and returns true, or returns false to let the next one try. */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: RequestTarget,
) => boolean | Promise<boolean>;

/** The request target split without decoding: `rawPath` keeps its percent-encoding. */
export interface RequestTarget {
  readonly rawPath: string;
  readonly rawQuery: string;
}

export interface CreateServerOptions {
  /** Directory of the built app; defaults to dist/app next to the bundled server. */
  readonly appDir?: string;
  /**
   * Extra routes (OTLP receiver, local store…), tried first: before the proxy, so a built-in
   * source such as `local` answers its own `/api/sources/local/…` paths.
   */
  readonly routes?: readonly RouteHandler[];
  /** Built-in sources (the local store), listed before the configured ones. */
  readonly builtInSources?: readonly SourceInfo[];
  readonly logger?: ProxyLogger;
}

const PROXY_PREFIX = '/api/sources/';
/** Whole request (headers and body) must arrive within these; slow-loris clients are cut. */
export const HEADERS_TIMEOUT_MS = 20_000;
export const REQUEST_TIMEOUT_MS = 120_000;

export function defaultAppDir(): string {
  // dist/server/main.js → dist/app; in tests (server/app.ts) this points at server/../app, so
  // tests pass their own appDir.
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../app');
}

export function createServer(config: ServerConfig, options: CreateServerOptions = {}): Server {
  const logger = options.logger ?? { warn: (message: string) => console.warn(message) };
  const sourcesById = new Map(config.sources.map((source) => [source.id, source]));
  const sourceList: SourceInfo[] = [
    ...(options.builtInSources ?? []),
    ...config.sources.map(({ id, name, kind }) => ({ id, name, kind })),
  ];
  const limits = { timeoutMs: config.proxyTimeoutMs, maxBytes: config.proxyMaxBytes };

  const apiRoutes: RouteHandler = (req, res, { rawPath, rawQuery }) => {
    if (rawPath === '/api/health') {
      sendJson(res, 200, { status: 'ok' });
      return true;
    }
    if (rawPath === '/api/sources') {
      sendJson(res, 200, sourceList);
      return true;
    }
    if (!rawPath.startsWith(PROXY_PREFIX)) return false;
    const rest = rawPath.slice(PROXY_PREFIX.length);
    const slash = rest.indexOf('/');
    const rawId = slash === -1 ? rest : rest.slice(0, slash);
    const source = sourcesById.get(safeDecode(rawId) ?? '');
    if (!source) {
      sendError(res, 404, 'unknown-source', `no source with id "${safeDecode(rawId) ?? rawId}"`);
      return true;
    }
    const backendPath = slash === -1 ? '' : rest.slice(slash);
    proxyToSource(req, res, source, backendPath, rawQuery, limits, logger);
    return true;
  };

  const routes: RouteHandler[] = [...(options.routes ?? []), apiRoutes];
  const auth = config.authToken === undefined ? undefined : createApiAuth(config.authToken);
  // The page can open a trace without first asking for the source list; behind a token the
  // list stays behind the API's check.
  const serveStatic = createStaticHandler(options.appDir ?? defaultAppDir(), {
    headExtra: auth ? undefined : bootDataScript(EMBEDDED_SOURCES_ELEMENT_ID, sourceList),
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    setSecurityHeaders(res);
    const target = splitTarget(req.url ?? '/');
    if (!target) {
      sendError(res, 400, 'bad-path', 'the request target must be an origin-form path');
      return;
    }
    const isApi = target.rawPath === '/api' || target.rawPath.startsWith('/api/');
    if (auth && isApi) {
      if (auth.handleLogin(req, res, target.rawPath)) return;
      if (!PUBLIC_API_PATHS.has(target.rawPath) && !auth.isAuthorized(req)) {
        sendUnauthorized(res, 'this Tracefall needs an access token');
        return;
      }
    }
    for (const route of routes) {
      if (await route(req, res, target)) return;
    }
    if (isApi) {
      sendError(res, 404, 'not-found', `no API route ${target.rawPath}`);
      return;
    }
    await serveStatic(req, res, target.rawPath);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.warn(`request ${req.method} ${req.url} failed: ${String(error)}`);
      sendError(res, 500, 'internal-error', 'internal server error');
    });
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  return server;
}

/** Only origin-form targets ("/path?query"); absolute-form ("http://host/…") is refused. */
function splitTarget(url: string): RequestTarget | undefined {
  if (!url.startsWith('/')) return undefined;
  const q = url.indexOf('?');
  return q === -1
    ? { rawPath: url, rawQuery: '' }
    : { rawPath: url.slice(0, q), rawQuery: url.slice(q + 1) };
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
