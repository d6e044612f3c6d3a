/**
 * Serves the built app (dist/app). Client-side routes such as /trace/:source/:id get index.html
 * (history fallback); missing assets get a real 404 so a stale tab fails loudly instead of
 * receiving HTML for a script.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Vite puts content-hashed files under /assets/ (`index-BX3f9a_c.js`): safe to cache forever. */
const HASHED_ASSET = /^\/assets\/.+[-.][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

export type StaticHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
) => Promise<void>;

export interface StaticOptions {
  /**
   * Markup added to index.html at the start of `<head>`, such as data the first script can read
   * instead of asking the API (see `bootDataScript`). Computed once per server process.
   */
  readonly headExtra?: string;
}

/**
 * A JSON data block for index.html. Browsers never run a `type="application/json"` script, so the
 * Content-Security-Policy is unaffected; `<` is escaped so no value can close the element.
 */
export function bootDataScript(id: string, data: unknown): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${id}">${json}</script>`;
}

export function createStaticHandler(appDir: string, options: StaticOptions = {}): StaticHandler {
  const root = path.resolve(appDir);
  const indexPath = path.join(root, 'index.html');
  const serveIndex = options.headExtra
    ? createIndexServer(indexPath, options.headExtra)
    : undefined;

  return async (req, res, pathname) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      sendText(res, 400, 'Bad Request\n');
      return;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) {
      sendText(res, 400, 'Bad Request\n');
      return;
    }
    const filePath = path.join(root, path.posix.normalize(decoded));
    const inside = filePath.startsWith(root + path.sep);
    const fileStats = inside ? await statFile(filePath) : undefined;
    if (fileStats && serveIndex && filePath === indexPath) {
      await serveIndex(req, res, fileStats);
      return;
    }
    if (fileStats) {
      const cache = HASHED_ASSET.test(decoded) ? IMMUTABLE : 'no-cache';
      serveFile(req, res, filePath, fileStats, cache);
      return;
    }
    if (looksLikeFile(decoded)) {
      sendText(res, 404, 'Not Found\n');
      return;
    }
    const indexStats = await statFile(indexPath);
    if (!indexStats) {
      sendText(res, 503, 'Tracefall: the app is not built yet. Run `npm run build`.\n');
      return;
    }
    if (serveIndex) await serveIndex(req, res, indexStats);
    else serveFile(req, res, indexPath, indexStats, 'no-cache');
  };
}

/** index.html with `headExtra` first in its head, read again only when the file changes (a rebuild). */
function createIndexServer(indexPath: string, headExtra: string) {
  let cached:
    { readonly mtimeMs: number; readonly body: Buffer; readonly etag: string } | undefined;
  return async (req: IncomingMessage, res: ServerResponse, stats: Stats): Promise<void> => {
    if (cached?.mtimeMs !== stats.mtimeMs) {
      const html = await readFile(indexPath, 'utf8');
      // First in <head>, before any script that may read it.
      const head = /<head[^>]*>/i.exec(html);
      const at = head ? head.index + head[0].length : 0;
      const withExtra = `${html.slice(0, at)}\n    ${headExtra}${html.slice(at)}`;
      const body = Buffer.from(withExtra, 'utf8');
      const hash = createHash('sha256').update(body).digest('base64url').slice(0, 16);
      cached = { mtimeMs: stats.mtimeMs, body, etag: `W/"${hash}"` };
    }
    const { body, etag } = cached;
    const headers = {
      'Content-Type': CONTENT_TYPES['.html'] as string,
      'Cache-Control': 'no-cache',
      ETag: etag,
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** Asset-like paths 404 when missing; everything else is a client-side route. */
function looksLikeFile(decodedPath: string): boolean {
  if (decodedPath.startsWith('/assets/')) return true;
  const ext = path.posix.extname(decodedPath).toLowerCase();
  return ext in CONTENT_TYPES;
}

async function statFile(filePath: string): Promise<Stats | undefined> {
  try {
    const stats = await stat(filePath);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  filePath: string,
  stats: Stats,
  cacheControl: string,
): void {
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  const headers: Record<string, string | number> = {
    'Content-Type':
      CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
    ETag: etag,
    'Last-Modified': stats.mtime.toUTCString(),
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': stats.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(filePath);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text);
}
