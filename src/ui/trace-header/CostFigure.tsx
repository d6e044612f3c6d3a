import type { TraceCost } from '../../model/cost';
import { formatUsd } from '../llm/llm-format';

/** Total LLM cost; says when some model had no known price, never shows an unknown as $0. */
export function CostFigure({ cost }: { cost: TraceCost | undefined }) {
  return (
    <div className="summary-figure">
      <dt>Cost</dt>
      <dd
        data-testid="summary-cost-usd"
        data-value={cost ? cost.costUsd : undefined}
        data-partial={cost?.isPartial ? 'true' : undefined}
        title={
          cost?.isPartial
            ? 'Partial: some calls use a model with no known price (add one in settings)'
            : undefined
        }
      >
        {cost === undefined
          ? 'pricing…'
          : cost.isPartial && cost.costUsd === 0
            ? 'unknown'
            : formatUsd(cost.costUsd)}
        {cost?.isPartial && cost.costUsd > 0 && (
          <span className="summary-figure-note"> partial</span>
        )}
      </dd>
    </div>
  );
}
