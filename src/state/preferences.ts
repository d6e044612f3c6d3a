import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type ThemePreference = 'system' | 'light' | 'dark';
export type TimeZonePreference = 'local' | 'utc';

/** User preferences, kept in localStorage under a versioned key. */
interface Preferences {
  theme: ThemePreference;
  /** Absolute times in the detail panel and lists: the browser's time zone or UTC. */
  timeZone: TimeZonePreference;
  nameColumnPx: number;
  detailPanelPx: number;
  setTheme: (theme: ThemePreference) => void;
  setTimeZone: (timeZone: TimeZonePreference) => void;
  setNameColumnPx: (px: number) => void;
  setDetailPanelPx: (px: number) => void;
}

export const usePreferences = create<Preferences>()(
  persist(
    (set) => ({
      theme: 'system',
      timeZone: 'local',
      nameColumnPx: 380,
      detailPanelPx: 460,
      setTheme: (theme) => set({ theme }),
      setTimeZone: (timeZone) => set({ timeZone }),
      setNameColumnPx: (px) => set({ nameColumnPx: Math.round(Math.min(900, Math.max(180, px))) }),
      setDetailPanelPx: (px) =>
        set({ detailPanelPx: Math.round(Math.min(1000, Math.max(300, px))) }),
    }),
    { name: 'tracefall.preferences.v1', version: 1 },
  ),
);
