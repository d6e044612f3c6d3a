/**
 * A loopback stand-in for Jaeger's query service that serves generated traces at the real v1
 * path `/api/traces/{id}`, with Jaeger's envelope and, when the client accepts it, gzip (as
 * jaeger-query does). Payloads are kept as Buffers, never as one string.
 */
import { once } from 'node:events';
import http from 'node:http';
import { createGzip } from 'node:zlib';

/**
 * @typedef {{ traceId: string, chunks: Buffer[], bytes: number, gzip?: Buffer[] }} ServedTrace
 */

/** Compresses a payload once, as one gzip stream (level 1: the bench measures the app, not zlib). */
export async function gzipChunks(chunks) {
  const gzip = createGzip({ level: 1 });
  const out = [];
  gzip.on('data', (chunk) => out.push(chunk));
  const ended = once(gzip, 'end');
  for (const chunk of chunks) if (!gzip.write(chunk)) await once(gzip, 'drain');
  gzip.end();
  await ended;
  return out;
}

/** @param {Map<string, ServedTrace>} traces keyed by lowercase trace id */
export function createJaegerBackend(traces) {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://backend.invalid');
    const match = /^\/api\/traces\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && match) {
      const trace = traces.get(decodeURIComponent(match[1] ?? '').toLowerCase());
      if (!trace) {
        sendJson(res, 404, {
          data: null,
          total: 0,
          limit: 0,
          offset: 0,
          errors: [{ code: 404, msg: 'trace not found' }],
        });
        return;
      }
      const wantsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const body = wantsGzip && trace.gzip ? trace.gzip : trace.chunks;
      const length = body.reduce((sum, chunk) => sum + chunk.length, 0);
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': length,
        ...(body === trace.gzip && { 'Content-Encoding': 'gzip' }),
      });
      writeAll(res, body);
      return;
    }
    if (url.pathname === '/api/services') {
      sendJson(res, 200, { data: ['api-gateway'], total: 1, limit: 0, offset: 0, errors: null });
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('404 page not found\n');
  });
}

/** Writes the chunks with back-pressure (a 1 GB body must not be queued in memory twice). */
function writeAll(res, chunks) {
  let index = 0;
  const next = () => {
    while (index < chunks.length) {
      const isFull = !res.write(chunks[index++]);
      if (isFull) {
        res.once('drain', next);
        return;
      }
    }
    res.end();
  };
  res.on('close', () => (index = chunks.length));
  next();
}

function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
