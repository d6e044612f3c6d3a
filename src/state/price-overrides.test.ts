// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PRICE_OVERRIDES_STORAGE_KEY,
  sanitizeOverrides,
  usePriceOverrides,
} from './price-overrides';
import { usePricer } from './pricing';

beforeEach(() => {
  localStorage.clear();
  usePriceOverrides.setState({ overrides: {} });
});
afterEach(cleanup);

describe('price overrides', () => {
  it('stores valid prices under the normalised model name, persisted under a versioned key', () => {
    usePriceOverrides.getState().setOverride(' GPT-X ', { inputPerMTok: 1, outputPerMTok: 2 });
    expect(usePriceOverrides.getState().overrides).toEqual({
      'gpt-x': { inputPerMTok: 1, outputPerMTok: 2 },
    });
    const stored = JSON.parse(localStorage.getItem(PRICE_OVERRIDES_STORAGE_KEY) ?? '{}') as {
      version: number;
      state: unknown;
    };
    expect(stored.version).toBe(1);
    expect(stored.state).toEqual({ overrides: { 'gpt-x': { inputPerMTok: 1, outputPerMTok: 2 } } });
    usePriceOverrides.getState().removeOverride('gpt-x');
    expect(usePriceOverrides.getState().overrides).toEqual({});
  });

  it('ignores invalid prices', () => {
    const { setOverride } = usePriceOverrides.getState();
    setOverride('m', { inputPerMTok: -1, outputPerMTok: 2 });
    setOverride('m', { inputPerMTok: Number.NaN, outputPerMTok: 2 });
    setOverride('', { inputPerMTok: 1, outputPerMTok: 2 });
    expect(usePriceOverrides.getState().overrides).toEqual({});
  });

  it('drops malformed stored entries', () => {
    expect(
      sanitizeOverrides({
        good: { inputPerMTok: 1, outputPerMTok: 0, cacheReadPerMTok: 0.1 },
        bad: { inputPerMTok: '1', outputPerMTok: 0 },
        worse: null,
      }),
    ).toEqual({ good: { inputPerMTok: 1, outputPerMTok: 0, cacheReadPerMTok: 0.1 } });
    expect(sanitizeOverrides('nonsense')).toEqual({});
  });
});

describe('usePricer (in a component)', () => {
  it('provides the lazily loaded pricer', async () => {
    const { result } = renderHook(() => usePricer());
    await waitFor(() => expect(result.current).toBeDefined());
    await act(async () => undefined);
    const quote = result.current?.quote({
      modelId: 'gpt-4o-mini',
      usage: { input: 1000, output: 0, cacheRead: 0, cacheWrite: 0 },
    });
    expect(quote?.totalUsd).toBeCloseTo(0.00015, 12);
  });
});
