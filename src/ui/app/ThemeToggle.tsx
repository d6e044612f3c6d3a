import { useEffect } from 'react';
import { usePreferences, type ThemePreference } from '../../state/preferences';

const NEXT: Record<ThemePreference, ThemePreference> = {
  system: 'light',
  light: 'dark',
  dark: 'system',
};

const LABEL: Record<ThemePreference, string> = {
  system: 'Theme: system',
  light: 'Theme: light',
  dark: 'Theme: dark',
};

/** Cycles system → light → dark; the choice is a persisted preference. */
export function ThemeToggle() {
  const theme = usePreferences((state) => state.theme);
  const setTheme = usePreferences((state) => state.setTheme);

  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);

  return (
    <button
      type="button"
      className="icon-button"
      onClick={() => setTheme(NEXT[theme])}
      aria-label={`${LABEL[theme]} (click to change)`}
      title={LABEL[theme]}
    >
      {theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}
      <span>{theme}</span>
    </button>
  );
}
