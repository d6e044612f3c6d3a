// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAuthStore } from '../../state/auth';
import { LoginPage } from './LoginPage';

afterEach(() => {
  cleanup();
  useAuthStore.getState().clearLoginRequired();
});

function fakeServer(goodToken: string) {
  const bodies: unknown[] = [];
  const fetchImpl = vi.fn(async (_url: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { token: string };
    bodies.push(body);
    return body.token === goodToken
      ? new Response('{"ok":true}', { status: 200 })
      : new Response('{}', { status: 401, headers: { 'X-Tracefall-Auth': 'required' } });
  }) as unknown as typeof fetch;
  return { fetchImpl, bodies };
}

function submit(token: string) {
  fireEvent.change(screen.getByLabelText('Access token'), { target: { value: token } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginPage', () => {
  it('says so when the token is wrong, and keeps the prompt', async () => {
    const { fetchImpl, bodies } = fakeServer('right-token-123');
    const onLoggedIn = vi.fn();
    render(<LoginPage fetchImpl={fetchImpl} onLoggedIn={onLoggedIn} />);
    expect((screen.getByLabelText('Access token') as HTMLInputElement).type).toBe('password');
    submit('wrong-token');
    expect((await screen.findByRole('alert')).textContent).toBe('That token is not right.');
    expect(bodies).toEqual([{ token: 'wrong-token' }]);
    expect(onLoggedIn).not.toHaveBeenCalled();
  });

  it('logs in with the right token and tells the app', async () => {
    useAuthStore.getState().requireLogin();
    const { fetchImpl } = fakeServer('right-token-123');
    const onLoggedIn = vi.fn();
    render(<LoginPage fetchImpl={fetchImpl} onLoggedIn={onLoggedIn} />);
    submit('  right-token-123 ');
    await waitFor(() => expect(onLoggedIn).toHaveBeenCalledTimes(1));
    expect(useAuthStore.getState().isLoginRequired).toBe(false);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('does not submit an empty token', () => {
    const { fetchImpl } = fakeServer('right-token-123');
    render(<LoginPage fetchImpl={fetchImpl} />);
    expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});
