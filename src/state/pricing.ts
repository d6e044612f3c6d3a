/**
 * The price table: `@pydantic/genai-prices`, loaded on first use (it is large) and wrapped as
 * the `Pricer` the pure cost model expects. Components get it through `usePricer()`, which is
 * undefined until the package has loaded.
 */
import { useEffect, useMemo, useState } from 'react';
import type { calcPrice as CalcPrice } from '@pydantic/genai-prices';
import { computeCost, type CallCost, type PriceQuote, type Pricer } from '../model/cost';
import type { LlmCall } from '../model/llm/llm-call';
import { selectPriceOverrides, usePriceOverrides } from './price-overrides';

type CalcPriceFn = typeof CalcPrice;

/** Rate of a price key when it is a plain number (tiered prices are left to the total). */
function flatRate(modelPrice: Record<string, unknown>, key: string): number | undefined {
  const rate = modelPrice[key];
  return typeof rate === 'number' && Number.isFinite(rate) ? rate : undefined;
}

/**
 * A `Pricer` over `calcPrice`. The provider id is tried first, then the model alone (the
 * package matches `gpt-…` to OpenAI and so on). Never throws: invalid usage or an unknown
 * model gives undefined. `input_tokens` is the whole prompt, as the package expects, and the
 * cache parts are passed so their own rates apply.
 */
export function createGenaiPricer(calcPrice: CalcPriceFn): Pricer {
  return {
    quote: ({ modelId, providerId, usage, atEpochMs }): PriceQuote | undefined => {
      const tokens = {
        input_tokens: usage.input,
        output_tokens: usage.output,
        cache_read_tokens: usage.cacheRead,
        cache_write_tokens: usage.cacheWrite,
      };
      const timestamp = atEpochMs === undefined ? undefined : new Date(atEpochMs);
      try {
        const result =
          (providerId ? calcPrice(tokens, modelId, { providerId, timestamp }) : null) ??
          calcPrice(tokens, modelId, { timestamp });
        if (!result) return undefined;
        const prices = result.model_price as Record<string, unknown>;
        const cacheReadRate = flatRate(prices, 'cache_read_mtok');
        const cacheWriteRate = flatRate(prices, 'cache_write_mtok');
        const cacheReadUsd = cacheReadRate ? (usage.cacheRead * cacheReadRate) / 1e6 : 0;
        const cacheWriteUsd = cacheWriteRate ? (usage.cacheWrite * cacheWriteRate) / 1e6 : 0;
        return {
          inputUsd: Math.max(0, result.input_price - cacheReadUsd - cacheWriteUsd),
          outputUsd: result.output_price,
          cacheReadUsd,
          cacheWriteUsd,
          totalUsd: result.total_price,
        };
      } catch {
        return undefined;
      }
    },
  };
}

let pricerPromise: Promise<Pricer> | undefined;
let loadedPricer: Pricer | undefined;

/** Loads the price package once; a failed load is retried on the next call. */
export function loadPricer(): Promise<Pricer> {
  pricerPromise ??= import('@pydantic/genai-prices').then(
    (module) => {
      loadedPricer = createGenaiPricer(module.calcPrice);
      return loadedPricer;
    },
    (error: unknown) => {
      pricerPromise = undefined;
      throw error;
    },
  );
  return pricerPromise;
}

/**
 * The pricer, or undefined while the package loads (or if it could not be loaded). With
 * `isNeeded` false nothing is loaded yet (the table is large: only traces with model calls
 * need it).
 */
export function usePricer(isNeeded = true): Pricer | undefined {
  const [pricer, setPricer] = useState<Pricer | undefined>(loadedPricer);
  useEffect(() => {
    if (pricer || !isNeeded) return undefined;
    let isLive = true;
    loadPricer().then(
      (loaded) => {
        if (isLive) setPricer(loaded);
      },
      () => undefined,
    );
    return () => {
      isLive = false;
    };
  }, [pricer, isNeeded]);
  return pricer;
}

/** What `extractTraceLlm` / `computeCost` need: the pricer (maybe still loading) and overrides. */
export function useLlmPricing(isNeeded = true) {
  const pricer = usePricer(isNeeded);
  const overrides = usePriceOverrides(selectPriceOverrides);
  return useMemo(
    () => ({ pricer, overrides, isLoading: pricer === undefined }),
    [pricer, overrides],
  );
}

/** Cost of one call; `isLoading` while the price table is not there yet. */
export function useCallCost(
  call: LlmCall | undefined,
  atEpochMs?: number,
): { readonly cost: CallCost | undefined; readonly isLoading: boolean } {
  const { pricer, overrides, isLoading } = useLlmPricing();
  return useMemo(
    () => ({
      cost: call ? computeCost(call, pricer, overrides, atEpochMs) : undefined,
      isLoading,
    }),
    [call, pricer, overrides, atEpochMs, isLoading],
  );
}
