/**
 * A `fetch` stand-in for adapter tests: answers each request from a handler given the parsed
 * URL (path without the `/api/sources/<id>` prefix, plus query), and records every call.
 */
import { TraceLoadError } from '../src/sources/source';
import type { FetchLike } from '../src/sources/http-fetch';

export interface StubRequest {
  /** Full URL as the adapter built it. */
  readonly url: string;
  /** The backend path (after `/api/sources/<id>`), still percent-encoded. */
  readonly path: string;
  readonly params: URLSearchParams;
}

export type StubHandler = (request: StubRequest) => Response;

export function stubFetch(handler: StubHandler): { fetchImpl: FetchLike; calls: StubRequest[] } {
  const calls: StubRequest[] = [];
  const fetchImpl: FetchLike = (url) => {
    const parsed = new URL(url, 'http://app.invalid');
    const path = parsed.pathname.replace(/^\/api\/sources\/[^/]+/, '');
    const request = { url, path, params: parsed.searchParams };
    calls.push(request);
    return Promise.resolve(handler(request));
  };
  return { fetchImpl, calls };
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export function textResponse(body: string, status: number): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Go's mux answer for a route the server does not have. */
export const GO_404 = (): Response => textResponse('404 page not found\n', 404);

export async function loadError(promise: Promise<unknown>): Promise<TraceLoadError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TraceLoadError)) {
    throw new Error(`expected a TraceLoadError, got ${String(error)}`);
  }
  return error;
}
