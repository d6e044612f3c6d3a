/**
 * "This Tracefall needs a login" (TRACEFALL_AUTH_TOKEN on the server). The app's fetches
 * (src/sources/http-fetch.ts, `fetchSources`) report the server's own 401 challenge here; the
 * app then shows `LoginPage`, which posts the token to `/api/login`. The server answers with
 * an HttpOnly session cookie, so the token is never kept by the page itself.
 */
import { create } from 'zustand';
import { AUTH_CHALLENGE_HEADER, setUnauthorizedListener } from '../sources/http-fetch';
import { queryClient } from './query-client';

interface AuthState {
  /** True once the server has asked for a login, until one succeeds. */
  isLoginRequired: boolean;
  requireLogin: () => void;
  clearLoginRequired: () => void;
}

export const useAuthStore = create<AuthState>()((set) => ({
  isLoginRequired: false,
  requireLogin: () => set({ isLoginRequired: true }),
  clearLoginRequired: () => set({ isLoginRequired: false }),
}));

export const selectIsLoginRequired = (state: AuthState): boolean => state.isLoginRequired;

setUnauthorizedListener(() => useAuthStore.getState().requireLogin());

export type LoginResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'wrong-token' | 'too-many-attempts' | 'failed' };

/**
 * Sends the token to `POST /api/login`. On success the login prompt goes away and every query
 * is fetched again, now with the session cookie.
 */
export async function logIn(token: string, fetchImpl: typeof fetch = fetch): Promise<LoginResult> {
  let response: Response;
  try {
    response = await fetchImpl('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ token }),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, reason: 'failed' };
  }
  if (response.ok) {
    useAuthStore.getState().clearLoginRequired();
    void queryClient.resetQueries();
    return { ok: true };
  }
  if (response.status === 429) return { ok: false, reason: 'too-many-attempts' };
  if (response.status === 401 && response.headers.get(AUTH_CHALLENGE_HEADER) === 'required') {
    return { ok: false, reason: 'wrong-token' };
  }
  return { ok: false, reason: 'failed' };
}
