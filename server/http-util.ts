import type { ServerResponse } from 'node:http';

/** No inline scripts anywhere: the app is one bundled module served from 'self'. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/** Headers every response carries, whatever route produced it. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
}

/** Error codes the browser can rely on (`{ error: { code, message } }`). */
export type ApiErrorCode =
  | 'not-found'
  | 'method-not-allowed'
  | 'unknown-source'
  | 'bad-path'
  | 'path-not-allowed'
  | 'upstream-timeout'
  | 'upstream-unreachable'
  | 'upstream-too-large'
  | 'unauthorized'
  | 'too-many-attempts'
  | 'bad-request'
  | 'internal-error';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: ApiErrorCode,
  message: string,
  extraHeaders: Record<string, string> = {},
): void {
  if (res.headersSent) {
    // Too late for a JSON error: cut the connection so the client sees a broken body, not a
    // silently truncated one.
    res.destroy();
    return;
  }
  sendJson(res, status, { error: { code, message } }, extraHeaders);
}
