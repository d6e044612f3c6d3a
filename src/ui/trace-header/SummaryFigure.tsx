import type { ReactNode } from 'react';

interface SummaryFigureProps {
  label: string;
  testId: string;
  /** The raw number, for scripts; the children are formatted for people. */
  value: number;
  tone?: 'error' | 'warn' | undefined;
  children: ReactNode;
}

export function SummaryFigure({ label, testId, value, tone, children }: SummaryFigureProps) {
  return (
    <div className={`summary-figure${tone ? ` summary-figure-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd data-testid={testId} data-value={value}>
        {children}
      </dd>
    </div>
  );
}
