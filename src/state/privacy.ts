/**
 * Privacy preferences (persisted, versioned like the other preferences): whether the detail
 * panel masks sensitive values, whether downloads are masked (on by default: a file travels),
 * and which attribute keys always count as secrets.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { DEFAULT_MASKED_KEYS } from '../model/mask';

interface PrivacyState {
  maskInPanel: boolean;
  maskOnExport: boolean;
  /** Attribute keys whose values are secrets (see `isMaskedKey`). */
  maskedKeys: readonly string[];
  setMaskInPanel: (isOn: boolean) => void;
  setMaskOnExport: (isOn: boolean) => void;
  /** Trimmed, blank entries dropped, duplicates removed (first one kept). */
  setMaskedKeys: (keys: readonly string[]) => void;
  resetMaskedKeys: () => void;
}

export const usePrivacy = create<PrivacyState>()(
  persist(
    (set) => ({
      maskInPanel: false,
      maskOnExport: true,
      maskedKeys: DEFAULT_MASKED_KEYS,
      setMaskInPanel: (maskInPanel) => set({ maskInPanel }),
      setMaskOnExport: (maskOnExport) => set({ maskOnExport }),
      setMaskedKeys: (keys) =>
        set({ maskedKeys: [...new Set(keys.map((k) => k.trim()).filter((k) => k !== ''))] }),
      resetMaskedKeys: () => set({ maskedKeys: DEFAULT_MASKED_KEYS }),
    }),
    { name: 'tracefall.privacy.v1', version: 1 },
  ),
);

export const selectMaskInPanel = (state: PrivacyState) => state.maskInPanel;
export const selectMaskOnExport = (state: PrivacyState) => state.maskOnExport;
export const selectMaskedKeys = (state: PrivacyState) => state.maskedKeys;
