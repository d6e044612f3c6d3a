/** The answer of the span filter, wherever it ran (worker or page). */
export interface FilterResult {
  readonly isActive: boolean;
  /** 1 per matching node; empty when no filter is active. */
  readonly matches: Uint8Array;
  readonly count: number;
}

export const NO_MATCHES: FilterResult = { isActive: false, matches: new Uint8Array(0), count: 0 };
