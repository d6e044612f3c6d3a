import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { overrideKey, type PriceOverride, type PriceOverrides } from '../model/cost';

/** Prices the user entered for models, USD per million tokens, kept in localStorage. */
interface PriceOverridesState {
  overrides: PriceOverrides;
  /** Ignored unless every rate is a finite number ≥ 0. */
  setOverride: (model: string, price: PriceOverride) => void;
  removeOverride: (model: string) => void;
  clearOverrides: () => void;
}

export const PRICE_OVERRIDES_STORAGE_KEY = 'tracefall.price-overrides.v1';

function isRate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isOptionalRate(value: unknown): boolean {
  return value === undefined || isRate(value);
}

export function isValidOverride(value: unknown): value is PriceOverride {
  if (typeof value !== 'object' || value === null) return false;
  const price = value as Record<string, unknown>;
  return (
    isRate(price.inputPerMTok) &&
    isRate(price.outputPerMTok) &&
    isOptionalRate(price.cacheReadPerMTok) &&
    isOptionalRate(price.cacheWritePerMTok)
  );
}

/** Keeps only well-formed entries of stored data (it may be stale or hand-edited). */
export function sanitizeOverrides(raw: unknown): PriceOverrides {
  if (typeof raw !== 'object' || raw === null) return {};
  const out: Record<string, PriceOverride> = {};
  for (const [model, price] of Object.entries(raw as Record<string, unknown>)) {
    const key = overrideKey(model);
    if (key !== '' && isValidOverride(price)) out[key] = price;
  }
  return out;
}

export const usePriceOverrides = create<PriceOverridesState>()(
  persist(
    (set) => ({
      overrides: {},
      setOverride: (model, price) => {
        const key = overrideKey(model);
        if (key === '' || !isValidOverride(price)) return;
        set((state) => ({ overrides: { ...state.overrides, [key]: price } }));
      },
      removeOverride: (model) =>
        set((state) => {
          const next = { ...state.overrides };
          delete next[overrideKey(model)];
          return { overrides: next };
        }),
      clearOverrides: () => set({ overrides: {} }),
    }),
    {
      name: PRICE_OVERRIDES_STORAGE_KEY,
      version: 1,
      partialize: (state) => ({ overrides: state.overrides }),
      merge: (persisted, current) => ({
        ...current,
        overrides: sanitizeOverrides((persisted as { overrides?: unknown } | undefined)?.overrides),
      }),
    },
  ),
);

export const selectPriceOverrides = (state: PriceOverridesState): PriceOverrides => state.overrides;
