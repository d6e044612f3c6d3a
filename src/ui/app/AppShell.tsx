import { lazy, Suspense, useState } from 'react';
import { Link, Outlet } from 'react-router';
import { ThemeToggle } from './ThemeToggle';
import './AppShell.css';

const SettingsDialog = lazy(() =>
  import('../settings/SettingsDialog').then((m) => ({ default: m.SettingsDialog })),
);

/** The frame every page shares: a slim top bar and the page below it. */
export function AppShell() {
  const [isSettingsOpen, setSettingsOpen] = useState(false);
  return (
    <div className="app-shell">
      <header className="app-bar">
        <Link to="/" className="app-brand" aria-label="Tracefall home">
          <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true">
            <rect width="16" height="16" rx="3" fill="var(--accent)" />
            <rect x="3" y="3.5" width="8" height="2" rx="1" fill="#fff" />
            <rect x="5" y="7" width="6" height="2" rx="1" fill="#fff" opacity=".85" />
            <rect x="7" y="10.5" width="6" height="2" rx="1" fill="#fff" opacity=".7" />
          </svg>
          <span>Tracefall</span>
        </Link>
        <div className="app-bar-spacer" />
        <button
          type="button"
          className="icon-button"
          data-testid="open-settings"
          onClick={() => setSettingsOpen(true)}
        >
          Settings
        </button>
        <ThemeToggle />
      </header>
      {isSettingsOpen && (
        <Suspense fallback={null}>
          <SettingsDialog onClose={() => setSettingsOpen(false)} />
        </Suspense>
      )}
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
