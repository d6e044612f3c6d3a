import { useState, type FormEvent } from 'react';
import { logIn, type LoginResult } from '../../state/auth';
import './LoginPage.css';

interface LoginPageProps {
  /** Called after a successful login (queries are already being fetched again). */
  readonly onLoggedIn?: () => void;
  /** For tests; the page posts to `/api/login` with `fetch` otherwise. */
  readonly fetchImpl?: typeof fetch;
}

const MESSAGES: Readonly<Record<Exclude<LoginResult, { ok: true }>['reason'], string>> = {
  'wrong-token': 'That token is not right.',
  'too-many-attempts': 'Too many wrong tokens. Wait a minute, then try again.',
  failed: 'Could not reach the Tracefall server. Try again.',
};

/**
 * Shown when the server asks for a login (TRACEFALL_AUTH_TOKEN). The token goes to the server
 * once, which answers with an HttpOnly session cookie; the page never stores it.
 */
export function LoginPage({ onLoggedIn, fetchImpl }: LoginPageProps) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (token.trim() === '' || isBusy) return;
    setIsBusy(true);
    setError(null);
    const result = await logIn(token.trim(), fetchImpl);
    setIsBusy(false);
    if (result.ok) {
      setToken('');
      onLoggedIn?.();
    } else {
      setError(MESSAGES[result.reason]);
    }
  };

  return (
    <main className="login-page" data-testid="login-page">
      <form className="login-card" onSubmit={(event) => void onSubmit(event)}>
        <h1 className="login-title">Sign in to Tracefall</h1>
        <p className="login-text">
          This Tracefall asks for an access token. Whoever runs it set one with{' '}
          <code>TRACEFALL_AUTH_TOKEN</code>.
        </p>
        <label className="login-label">
          Access token
          <input
            className="login-input"
            type="password"
            name="token"
            autoComplete="current-password"
            autoFocus
            value={token}
            onChange={(event) => setToken(event.target.value)}
          />
        </label>
        {error && (
          <p className="login-error" role="alert">
            {error}
          </p>
        )}
        <button className="login-submit" type="submit" disabled={isBusy || token.trim() === ''}>
          {isBusy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
