/** Counts rejected items by reason for the partial-success `error_message`. */
export class RejectionTally {
  private readonly reasons = new Map<string, number>();
  count = 0;

  constructor(private readonly noun: string) {}

  add(reason: string): void {
    this.count++;
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }

  /** E.g. "2 spans rejected: span without a valid traceId (1); span without a valid spanId (1)". */
  message(): string {
    if (this.count === 0) return '';
    const parts = [...this.reasons].map(([reason, n]) => `${reason} (${n})`);
    return `${this.count} ${this.noun} rejected: ${parts.join('; ')}`;
  }
}
