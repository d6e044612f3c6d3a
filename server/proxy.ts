/**
 * `/api/sources/:id/<path>`: forwards an allow-listed GET to a configured backend and streams its
 * answer back unchanged (status, content type, body), so adapters in the browser see exactly what
 * the backend said, including Jaeger's text/plain 404 envelope. Nothing from the browser reaches
 * the backend except the path, the query string and the accepted encodings; the source's own
 * headers (credentials, tenant) are added here and never leave the server.
 */
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Transform, pipeline } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import type { SourceConfig } from './config';
import { sendError } from './http-util';
import { buildUpstreamUrl, checkProxyPath } from './proxy-paths';

export interface ProxyLimits {
  /** Longest wait for the response headers, and longest pause inside the body. */
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

export interface ProxyLogger {
  warn(message: string): void;
}

/** Response headers copied from the backend; everything else (cookies, Location, …) stays behind. */
const PASSED_RESPONSE_HEADERS = ['content-type', 'content-encoding', 'content-length'] as const;
const ENCODINGS = ['gzip', 'deflate', 'br'];
const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
};

export function proxyToSource(
  req: IncomingMessage,
  res: ServerResponse,
  source: SourceConfig,
  rawPath: string,
  rawQuery: string,
  limits: ProxyLimits,
  logger: ProxyLogger,
): void {
  if (req.method !== 'GET') {
    sendError(res, 405, 'method-not-allowed', 'the proxy forwards GET requests only', {
      Allow: 'GET',
    });
    return;
  }
  const check = checkProxyPath(source.kind, rawPath, rawQuery);
  if (!check.ok) {
    sendError(res, check.code === 'bad-path' ? 400 : 403, check.code, check.message);
    return;
  }
  let url: URL;
  try {
    url = buildUpstreamUrl(source.url, check.path, check.query);
  } catch {
    sendError(res, 400, 'bad-path', 'the path does not stay under the source URL');
    return;
  }

  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(source.headers)) headers[name.toLowerCase()] = value;
  headers['accept'] = 'application/json';
  headers['accept-encoding'] = pickEncodings(req.headers['accept-encoding']);
  headers['user-agent'] ??= 'tracefall';

  const label = `source "${source.id}"`;
  let timedOut = false;
  const client = url.protocol === 'https:' ? https : http;
  const upstreamReq = client.request(url, { method: 'GET', headers });
  const headerTimer = setTimeout(() => {
    timedOut = true;
    upstreamReq.destroy(new Error('timeout'));
  }, limits.timeoutMs);

  // The browser went away: stop pulling from the backend.
  res.on('close', () => {
    if (!res.writableFinished) upstreamReq.destroy();
  });

  upstreamReq.on('error', (error: NodeJS.ErrnoException) => {
    clearTimeout(headerTimer);
    if (res.writableEnded) return; // already answered (e.g. too large); nothing left to say
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    if (timedOut) {
      logger.warn(`proxy: ${label} timed out after ${limits.timeoutMs} ms`);
      sendError(
        res,
        504,
        'upstream-timeout',
        `${label} did not answer within ${limits.timeoutMs} ms`,
      );
      return;
    }
    const reason = NETWORK_ERRORS[error.code ?? ''] ?? error.code ?? error.message;
    logger.warn(`proxy: ${label} unreachable: ${reason}`);
    sendError(res, 502, 'upstream-unreachable', `${label} could not be reached: ${reason}`);
  });

  upstreamReq.on('response', (upstreamRes) => {
    clearTimeout(headerTimer);
    // From here the timeout is an idle timeout: a body that stalls for too long is cut off.
    upstreamReq.setTimeout(limits.timeoutMs, () => {
      timedOut = true;
      upstreamReq.destroy(new Error('timeout'));
    });
    const declaredLength = Number(upstreamRes.headers['content-length']);
    if (declaredLength > limits.maxBytes) {
      upstreamReq.destroy();
      sendError(
        res,
        502,
        'upstream-too-large',
        `${label} answered with more than ${limits.maxBytes} bytes`,
      );
      return;
    }
    const out: OutgoingHttpHeaders = { 'Cache-Control': 'no-store' };
    for (const name of PASSED_RESPONSE_HEADERS) {
      const value = upstreamRes.headers[name];
      if (value !== undefined) out[name] = value;
    }
    res.writeHead(upstreamRes.statusCode ?? 502, out);
    pipeline(upstreamRes, limitBytes(limits.maxBytes), res, (error) => {
      if (error && !res.destroyed) res.destroy();
      if (error && (error as NodeJS.ErrnoException).code === 'ERR_TOO_LARGE') {
        logger.warn(`proxy: ${label} body cut off at ${limits.maxBytes} bytes`);
      }
    });
  });

  upstreamReq.end();
}

/** Forwards only the standard encodings the browser accepts, so the body can pass through as is. */
function pickEncodings(header: string | undefined): string {
  const accepted = (header ?? '')
    .split(',')
    .map((part) => part.split(';')[0]?.trim().toLowerCase() ?? '')
    .filter((name) => ENCODINGS.includes(name));
  return accepted.length > 0 ? [...new Set(accepted)].join(', ') : 'identity';
}

function limitBytes(maxBytes: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      total += chunk.length;
      if (total > maxBytes) {
        const error = Object.assign(new Error('upstream body too large'), {
          code: 'ERR_TOO_LARGE',
        });
        callback(error);
        return;
      }
      callback(null, chunk);
    },
  });
}
