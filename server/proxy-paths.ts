/**
 * Which backend paths the proxy may forward, and the strict parsing that turns a browser's
 * request path into one of them. The upstream path is always rebuilt from the allow-list
 * pattern's literal segments plus re-checked parameter segments, so nothing the browser sends
 * can change the host or climb out of the configured base path.
 */
import type { RemoteSourceKind } from './config';

/**
 * `{id}` is a trace id: hex, or base64 that may hold `/` (sent as `%2F`). `{param}` is any other
 * single segment (a service or tag name), which must not decode to a `/`.
 */
const JAEGER_V3_PATHS = [
  '/api/v3/traces/{id}',
  '/api/v3/traces',
  '/api/v3/trace-summaries',
  '/api/v3/services',
  '/api/v3/operations',
];

export const ALLOWED_PATHS: Readonly<Record<RemoteSourceKind, readonly string[]>> = {
  jaeger: [
    '/api/traces/{id}',
    '/api/traces',
    '/api/services',
    '/api/services/{param}/operations',
    '/api/operations',
    '/api/dependencies',
    ...JAEGER_V3_PATHS,
  ],
  'jaeger-v3': JAEGER_V3_PATHS,
  tempo: [
    '/api/traces/{id}',
    '/api/v2/traces/{id}',
    '/api/search',
    '/api/search/tags',
    '/api/v2/search/tags',
    '/api/search/tag/{param}/values',
    '/api/v2/search/tag/{param}/values',
    '/api/echo',
  ],
  zipkin: [
    '/api/v2/trace/{id}',
    '/api/v2/traces',
    '/api/v2/services',
    '/api/v2/spans',
    '/api/v2/dependencies',
  ],
};

export type PathCheck =
  | { readonly ok: true; readonly path: string; readonly query: string }
  | {
      readonly ok: false;
      readonly code: 'bad-path' | 'path-not-allowed';
      readonly message: string;
    };

/** Characters that may stay as they are in a forwarded segment (RFC 3986 pchar, minus none). */
const SAFE_SEGMENT = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})+$/;
const BASE64_ID = /^[A-Za-z0-9+/=_-]+$/;
/** Percent escapes that survive one decoding: a sign of double encoding aimed at a second decoder. */
const NESTED_ESCAPE = /%(?:2e|2f|5c|00|25)/i;

/**
 * Checks `rawPath` (the request path after `/api/sources/:id`, still percent-encoded) and `rawQuery`
 * (without `?`) against the allow list of `kind`.
 */
export function checkProxyPath(
  kind: RemoteSourceKind,
  rawPath: string,
  rawQuery: string,
): PathCheck {
  if (!rawPath.startsWith('/') || rawPath.startsWith('//')) {
    return bad('the backend path must start with a single "/"');
  }
  if (rawPath.includes('\\') || rawQuery.includes('\\')) return bad('backslashes are not allowed');
  if (/[\0-\x20\x7f#]/.test(rawPath + rawQuery)) {
    return bad('control characters, spaces and "#" are not allowed');
  }
  const rawSegments = rawPath.slice(1).split('/');
  const decoded: string[] = [];
  for (const raw of rawSegments) {
    if (raw === '') return bad('empty path segments ("//" or a trailing "/") are not allowed');
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      return bad('malformed percent-encoding in the path');
    }
    // `..;x` is `..` to servlet-style servers, which read `;` as a path parameter.
    if (/^\.\.?(?:;|$)/.test(value)) return bad('"." and ".." segments are not allowed');
    if (value.includes('\\') || value.includes('\0')) return bad('backslashes are not allowed');
    if (NESTED_ESCAPE.test(value)) return bad('double-encoded characters are not allowed');
    decoded.push(value);
  }

  for (const pattern of ALLOWED_PATHS[kind]) {
    const parts = pattern.slice(1).split('/');
    if (parts.length !== decoded.length) continue;
    const built: string[] = [];
    let matched = true;
    for (let i = 0; i < parts.length && matched; i++) {
      const part = parts[i] as string;
      const raw = rawSegments[i] as string;
      const value = decoded[i] as string;
      if (part === '{id}' || part === '{param}') {
        const segment = checkParamSegment(raw, value, part === '{id}');
        if (typeof segment !== 'string') return bad(segment.error);
        built.push(segment);
      } else if (raw === part) {
        built.push(part);
      } else {
        matched = false;
      }
    }
    if (matched) return { ok: true, path: `/${built.join('/')}`, query: rawQuery };
  }
  return {
    ok: false,
    code: 'path-not-allowed',
    message: `this path is not on the allow list for ${kind} sources`,
  };
}

function bad(message: string): PathCheck {
  return { ok: false, code: 'bad-path', message };
}

/** Returns the segment to forward, or why it is refused. */
function checkParamSegment(
  raw: string,
  value: string,
  isTraceId: boolean,
): string | { error: string } {
  if (value.includes('/')) {
    // Base64 trace ids may contain "/"; nothing else may, and such ids can never hold a dot.
    if (!isTraceId) return { error: 'an encoded "/" is only allowed inside a trace id' };
    if (!BASE64_ID.test(value)) return { error: 'a trace id with "/" must be base64' };
  }
  // Keep the browser's own encoding when it is plain; otherwise re-encode from the decoded value.
  return SAFE_SEGMENT.test(raw) ? raw : encodeURIComponent(value);
}

/**
 * Joins the configured base URL and a checked path. The result is verified to stay on the base
 * URL's origin and under its path (defence in depth: `checkProxyPath` already guarantees it).
 */
export function buildUpstreamUrl(baseUrl: string, path: string, query: string): URL {
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const url = new URL(`${base.origin}${basePath}${path}${query === '' ? '' : `?${query}`}`);
  if (url.origin !== base.origin || !url.pathname.startsWith(`${basePath}/`)) {
    throw new Error(`upstream URL escaped its base: ${url.href}`);
  }
  return url;
}
