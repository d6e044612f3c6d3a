/**
 * Access tokens. `TRACEFALL_AUTH_TOKEN` guards every `/api/*` route but `/api/health` and the
 * login routes: a request passes with `Authorization: Bearer <token>` or with the session
 * cookie `POST /api/login` sets (HttpOnly, SameSite=Strict). Static files stay public so the
 * app can load and show its login prompt. `TRACEFALL_OTLP_TOKEN` guards the OTLP receiver
 * (Bearer only: exporters send headers, not cookies); see otlp-receiver.ts.
 *
 * The session cookie is `<expiry s>.<HMAC-SHA256(token, expiry)>`: nothing to store, valid
 * across restarts, void as soon as the token changes, and it never reveals the token itself.
 * Every comparison is constant-time over SHA-256 digests, so neither content nor length leaks.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError, sendJson } from './http-util';

export const SESSION_COOKIE = 'tracefall_session';
/** Marks Tracefall's own 401s, so the app never mistakes a backend's 401 for a login prompt. */
export const AUTH_CHALLENGE_HEADER = 'X-Tracefall-Auth';
export const SESSION_MAX_AGE_S = 7 * 24 * 3600;
/** `/api/*` paths that need no token. */
export const PUBLIC_API_PATHS: ReadonlySet<string> = new Set([
  '/api/health',
  '/api/login',
  '/api/logout',
]);
const LOGIN_BODY_MAX_BYTES = 4096;
const LOGIN_BODY_TIMEOUT_MS = 10_000;
/** Failed logins allowed per client address and window before 429. */
const MAX_FAILURES = 10;
const FAILURE_WINDOW_MS = 60_000;
const MAX_TRACKED_CLIENTS = 10_000;

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Constant-time equality of two secrets, whatever their lengths. */
export function secretsMatch(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The token of an `Authorization: Bearer <token>` header, if that is what it holds. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

export function hasBearer(req: IncomingMessage, token: string): boolean {
  const given = bearerToken(req);
  return given !== undefined && secretsMatch(given, token);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function sessionMac(token: string, expirySec: number): string {
  return createHmac('sha256', token).update(`tracefall-session:${expirySec}`).digest('base64url');
}

export interface ApiAuth {
  /** Bearer token or a live session cookie. */
  isAuthorized(req: IncomingMessage): boolean;
  /** Answers `POST /api/login` and `POST /api/logout`; false for other paths. */
  handleLogin(req: IncomingMessage, res: ServerResponse, rawPath: string): boolean;
}

/** 401 with the marker header and a Bearer challenge. */
export function sendUnauthorized(res: ServerResponse, message: string): void {
  sendError(res, 401, 'unauthorized', message, {
    'WWW-Authenticate': 'Bearer realm="tracefall"',
    [AUTH_CHALLENGE_HEADER]: 'required',
  });
}

export function createApiAuth(token: string, now: () => number = Date.now): ApiAuth {
  const failures = new Map<string, { count: number; since: number }>();

  const hasSession = (req: IncomingMessage): boolean => {
    const match = /^(\d{1,12})\.([\w-]{43})$/.exec(cookieValue(req, SESSION_COOKIE) ?? '');
    if (!match) return false;
    const expirySec = Number(match[1]);
    if (expirySec * 1000 <= now()) return false;
    return secretsMatch(match[2] as string, sessionMac(token, expirySec));
  };

  const isThrottled = (client: string): boolean => {
    const entry = failures.get(client);
    if (!entry || now() - entry.since > FAILURE_WINDOW_MS) return false;
    return entry.count >= MAX_FAILURES;
  };

  const recordFailure = (client: string): void => {
    const entry = failures.get(client);
    if (entry && now() - entry.since <= FAILURE_WINDOW_MS) entry.count++;
    else {
      if (failures.size >= MAX_TRACKED_CLIENTS) failures.clear();
      failures.set(client, { count: 1, since: now() });
    }
  };

  const login = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const client = req.socket.remoteAddress ?? '';
    if (isThrottled(client)) {
      sendError(res, 429, 'too-many-attempts', 'too many failed logins; wait a minute', {
        'Retry-After': String(FAILURE_WINDOW_MS / 1000),
      });
      return;
    }
    const given = await readLoginToken(req);
    if (given === undefined) {
      sendError(res, 400, 'bad-request', 'send {"token": "..."} as application/json');
      return;
    }
    if (!secretsMatch(given, token)) {
      recordFailure(client);
      sendUnauthorized(res, 'wrong token');
      return;
    }
    failures.delete(client);
    const expirySec = Math.floor(now() / 1000) + SESSION_MAX_AGE_S;
    const secure = (req.socket as { encrypted?: boolean }).encrypted ? '; Secure' : '';
    const cookie = `${SESSION_COOKIE}=${expirySec}.${sessionMac(token, expirySec)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_MAX_AGE_S}${secure}`;
    sendJson(res, 200, { ok: true }, { 'Set-Cookie': cookie });
  };

  return {
    isAuthorized: (req) => hasBearer(req, token) || hasSession(req),
    handleLogin(req, res, rawPath) {
      if (rawPath !== '/api/login' && rawPath !== '/api/logout') return false;
      if (req.method !== 'POST') {
        sendError(res, 405, 'method-not-allowed', `use POST for ${rawPath}`, { Allow: 'POST' });
        return true;
      }
      if (rawPath === '/api/logout') {
        const expired = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
        sendJson(res, 200, { ok: true }, { 'Set-Cookie': expired });
        return true;
      }
      login(req, res).catch(() => sendError(res, 400, 'bad-request', 'could not read the body'));
      return true;
    },
  };
}

/** `{"token": "..."}` from a small JSON body read within a deadline; undefined if anything is off. */
function readLoginToken(req: IncomingMessage): Promise<string | undefined> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (token: string | undefined) => {
      clearTimeout(timer);
      req.removeAllListeners('data');
      resolve(token);
    };
    const timer = setTimeout(() => {
      finish(undefined);
      req.socket.destroy();
    }, LOGIN_BODY_TIMEOUT_MS);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > LOGIN_BODY_MAX_BYTES) finish(undefined);
      else chunks.push(chunk);
    });
    req.once('error', () => finish(undefined));
    req.once('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
        const value = (body as { token?: unknown } | null)?.token;
        finish(typeof value === 'string' && value !== '' ? value : undefined);
      } catch {
        finish(undefined);
      }
    });
  });
}
