import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type ThemePreference = 'system' | 'light' | 'dark';

/** User preferences, kept in localStorage under a versioned key. */
interface Preferences {
  theme: ThemePreference;
  nameColumnPx: number;
  detailPanelPx: number;
  setTheme: (theme: ThemePreference) => void;
  setNameColumnPx: (px: number) => void;
  setDetailPanelPx: (px: number) => void;
}

export const usePreferences = create<Preferences>()(
  persist(
    (set) => ({
      theme: 'system',
      nameColumnPx: 380,
      detailPanelPx: 460,
      setTheme: (theme) => set({ theme }),
      setNameColumnPx: (px) => set({ nameColumnPx: Math.round(Math.min(900, Math.max(180, px))) }),
      setDetailPanelPx: (px) =>
        set({ detailPanelPx: Math.round(Math.min(1000, Math.max(300, px))) }),
    }),
    { name: 'tracefall.preferences.v1', version: 1 },
  ),
);
