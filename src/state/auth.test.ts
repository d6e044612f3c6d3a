import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpGet } from '../sources/http-fetch';
import { fetchSources } from './source-registry';
import { logIn, selectIsLoginRequired, useAuthStore } from './auth';

const challenge = () =>
  new Response('{"error":{"code":"unauthorized"}}', {
    status: 401,
    headers: { 'X-Tracefall-Auth': 'required', 'Content-Type': 'application/json' },
  });
const backend401 = () => new Response('backend says no', { status: 401 });
const isRequired = () => selectIsLoginRequired(useAuthStore.getState());

afterEach(() => {
  useAuthStore.getState().clearLoginRequired();
  vi.unstubAllGlobals();
});

describe('login required', () => {
  it("is raised by the server's own 401 on any adapter request", async () => {
    const reply = await httpGet(
      '/api/sources/prod/api/traces/x',
      async () => challenge(),
      undefined,
    );
    expect(reply.status).toBe(401);
    expect(isRequired()).toBe(true);
  });

  it("is not raised by a backend's 401 passed through the proxy", async () => {
    await httpGet('/api/sources/prod/api/traces/x', async () => backend401(), undefined);
    expect(isRequired()).toBe(false);
  });

  it('is raised by the source list', async () => {
    vi.stubGlobal('fetch', async () => challenge());
    await expect(fetchSources()).rejects.toThrow(/HTTP 401/);
    expect(isRequired()).toBe(true);
  });
});

describe('logIn', () => {
  it('posts the token as JSON and clears the flag on success', async () => {
    useAuthStore.getState().requireLogin();
    const calls: [string, RequestInit | undefined][] = [];
    const fetchImpl = (async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return new Response('{"ok":true}', { status: 200 });
    }) as typeof fetch;
    expect(await logIn('s3cret-token-value', fetchImpl)).toEqual({ ok: true });
    expect(calls[0]?.[0]).toBe('/api/login');
    expect(calls[0]?.[1]?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.[1]?.body))).toEqual({ token: 's3cret-token-value' });
    expect(isRequired()).toBe(false);
  });

  it('tells a wrong token, throttling and an unreachable server apart', async () => {
    useAuthStore.getState().requireLogin();
    const answer = (response: () => Response) => (async () => response()) as typeof fetch;
    expect(await logIn('x', answer(challenge))).toEqual({ ok: false, reason: 'wrong-token' });
    expect(
      await logIn(
        'x',
        answer(() => new Response('', { status: 429 })),
      ),
    ).toEqual({
      ok: false,
      reason: 'too-many-attempts',
    });
    const offline = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    expect(await logIn('x', offline)).toEqual({ ok: false, reason: 'failed' });
    expect(isRequired()).toBe(true);
  });
});
