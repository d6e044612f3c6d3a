import { memo } from 'react';
import type { CallCost } from '../../model/cost';
import type { LlmCall } from '../../model/llm/llm-call';
import { KIND_ICON, KIND_LABEL, formatTokens, formatTokensShort, formatUsd } from './llm-format';
import './LlmRowBadges.css';

interface LlmRowBadgesProps {
  readonly call: LlmCall;
  readonly cost?: CallCost;
  readonly showTokens?: boolean;
  readonly showCost?: boolean;
}

/**
 * Compact LLM markers for a waterfall row: kind icon, model pill and, optionally, tokens
 * (input→output) and cost. Memoized: a row re-renders only when its call or cost changes.
 */
export const LlmRowBadges = memo(function LlmRowBadges({
  call,
  cost,
  showTokens = false,
  showCost = false,
}: LlmRowBadgesProps) {
  const model = call.requestModel ?? call.responseModel;
  const usage = call.usage;
  const served =
    call.responseModel && call.responseModel !== model ? ` → ${call.responseModel}` : '';
  const hasTokens = usage?.input !== undefined || usage?.output !== undefined;
  return (
    <span className="llm-badges">
      <span
        className="llm-kind"
        data-kind={call.kind}
        role="img"
        aria-label={KIND_LABEL[call.kind]}
        title={KIND_LABEL[call.kind]}
      >
        {KIND_ICON[call.kind]}
      </span>
      {model && (
        <span className="llm-model-pill" title={`${model}${served}`}>
          {model}
        </span>
      )}
      {showTokens && hasTokens && (
        <span
          className="llm-row-tokens"
          title={`${formatTokens(usage?.input ?? 0)} input → ${formatTokens(usage?.output ?? 0)} output tokens`}
        >
          {formatTokensShort(usage?.input ?? 0)}→{formatTokensShort(usage?.output ?? 0)}
        </span>
      )}
      {showCost && cost && cost.source !== 'unknown' && (
        <span className="llm-row-cost">{formatUsd(cost.total ?? 0)}</span>
      )}
    </span>
  );
});
