/**
 * Tokens → USD. The price table is INJECTED as a `Pricer` (state/pricing.ts wraps
 * `@pydantic/genai-prices`, lazy-loaded), so this module stays pure and testable.
 *
 * Precedence for one call: a cost carried on the span (`span`) → a user override for the model
 * (`override`) → the pricer (`pricing`) → `unknown`. Unknown is never shown as $0, and a trace
 * total that misses a call that used tokens is marked partial.
 */
import { isModelCallKind, type LlmCall, type LlmUsage } from './llm/llm-call';

export interface PriceUsage {
  /** Whole prompt, cached tokens included (what genai-prices calls `input_tokens`). */
  readonly input: number;
  readonly output: number;
  readonly cacheRead: number;
  readonly cacheWrite: number;
}

export interface PriceRequest {
  readonly modelId: string;
  /** Normalised (`openai`, `anthropic`, …); the pricer may still match on the model alone. */
  readonly providerId?: string;
  readonly usage: PriceUsage;
  /** When the call happened, for prices that changed over time. */
  readonly atEpochMs?: number;
}

export interface PriceQuote {
  /** Uncached input only; cache reads and writes are priced apart. */
  readonly inputUsd: number;
  readonly outputUsd: number;
  readonly cacheReadUsd: number;
  readonly cacheWriteUsd: number;
  readonly totalUsd: number;
}

export interface Pricer {
  /** Undefined when the model has no known price. Must not throw. */
  readonly quote: (request: PriceRequest) => PriceQuote | undefined;
}

/** USD per million tokens; cache rates default to the input rate. */
export interface PriceOverride {
  readonly inputPerMTok: number;
  readonly outputPerMTok: number;
  readonly cacheReadPerMTok?: number;
  readonly cacheWritePerMTok?: number;
}

/** Keyed by `overrideKey(model)`. */
export type PriceOverrides = Readonly<Record<string, PriceOverride>>;

export type CostSource = 'span' | 'pricing' | 'override' | 'unknown';

export interface CallCost {
  readonly source: CostSource;
  /** USD; all undefined when `source` is `unknown`. Parts may be missing for span costs. */
  readonly input?: number;
  readonly output?: number;
  readonly cacheRead?: number;
  readonly cacheWrite?: number;
  readonly total?: number;
}

const UNKNOWN: CallCost = { source: 'unknown' };

export function overrideKey(model: string): string {
  return model.trim().toLowerCase();
}

/**
 * Provider names as pricing tables know them: `openai.responses` → `openai`, `OpenAI` →
 * `openai`, `gcp.vertex_ai` → `google`, `aws.bedrock` → `aws`, `azure.ai.openai` → `azure`.
 */
export function normalizeProviderId(provider: string | undefined): string | undefined {
  if (!provider) return undefined;
  const head = provider.trim().toLowerCase().split(/[.:/]/)[0] ?? '';
  const aliases: Readonly<Record<string, string>> = {
    gcp: 'google',
    vertex_ai: 'google',
    gemini: 'google',
    az: 'azure',
    bedrock: 'aws',
  };
  return aliases[head] ?? (head === '' ? undefined : head);
}

function priceUsage(usage: LlmUsage): PriceUsage {
  const cacheRead = usage.cacheRead ?? 0;
  const cacheWrite = usage.cacheWrite ?? 0;
  // Cache parts are partitions of the input; never let them exceed it.
  const input = Math.max(usage.input ?? 0, cacheRead + cacheWrite);
  return { input, output: usage.output ?? 0, cacheRead, cacheWrite };
}

function applyOverride(price: PriceOverride, usage: PriceUsage): CallCost {
  const perToken = (perMTok: number) => perMTok / 1_000_000;
  const uncached = usage.input - usage.cacheRead - usage.cacheWrite;
  const input = uncached * perToken(price.inputPerMTok);
  const cacheRead = usage.cacheRead * perToken(price.cacheReadPerMTok ?? price.inputPerMTok);
  const cacheWrite = usage.cacheWrite * perToken(price.cacheWritePerMTok ?? price.inputPerMTok);
  const output = usage.output * perToken(price.outputPerMTok);
  return {
    source: 'override',
    input,
    output,
    cacheRead,
    cacheWrite,
    total: input + output + cacheRead + cacheWrite,
  };
}

/**
 * The cost of one call. Only model calls (llm, embedding) with some token count are priced;
 * the served model is tried before the requested one.
 */
export function computeCost(
  call: LlmCall,
  pricer: Pricer | undefined,
  overrides: PriceOverrides = {},
  atEpochMs?: number,
): CallCost {
  if (call.spanCost) {
    const { total, input, output } = call.spanCost;
    return { source: 'span', total, input, output };
  }
  const { usage } = call;
  if (!isModelCallKind(call.kind) || !usage) return UNKNOWN;
  if (usage.input === undefined && usage.output === undefined) return UNKNOWN;
  const tokens = priceUsage(usage);
  const models = [call.responseModel, call.requestModel].filter((m): m is string => !!m);
  for (const model of models) {
    const override = overrides[overrideKey(model)];
    if (override) return applyOverride(override, tokens);
  }
  if (!pricer) return UNKNOWN;
  const providerId = normalizeProviderId(call.provider);
  for (const modelId of models) {
    const quote = pricer.quote({ modelId, providerId, usage: tokens, atEpochMs });
    if (quote) {
      return {
        source: 'pricing',
        input: quote.inputUsd,
        output: quote.outputUsd,
        cacheRead: quote.cacheReadUsd,
        cacheWrite: quote.cacheWriteUsd,
        total: quote.totalUsd,
      };
    }
  }
  return UNKNOWN;
}

export interface TraceCost {
  readonly costUsd: number;
  readonly isPartial: boolean;
}

/**
 * Sum over the counted calls. A call that failed and reported no tokens is taken as unbilled
 * (a 429 or 500 costs nothing) and does not make the total partial; any other call whose cost
 * is unknown does.
 */
export function sumCallCosts(calls: readonly LlmCall[], costs: readonly CallCost[]): TraceCost {
  let costUsd = 0;
  let isPartial = false;
  calls.forEach((call, i) => {
    const cost = costs[i];
    if (cost && cost.source !== 'unknown') costUsd += cost.total ?? 0;
    else if (!(call.error && call.usage === undefined)) isPartial = true;
  });
  return { costUsd, isPartial };
}
