import type { ReactNode } from 'react';
import type { CallCost } from '../../model/cost';
import { isModelCallKind, type LlmCall } from '../../model/llm/llm-call';
import {
  FAMILY_LABEL,
  KIND_ICON,
  KIND_LABEL,
  formatMs,
  formatTokens,
  formatUsd,
} from './llm-format';

interface LlmFactsProps {
  readonly call: LlmCall;
  readonly cost: CallCost | undefined;
  readonly isPricingLoading: boolean;
}

/** Kind, models, provider, tokens, cost, timing, finish reason and error of one call. */
export function LlmFacts({ call, cost, isPricingLoading }: LlmFactsProps) {
  const requested = call.requestModel ?? call.responseModel;
  const isModelCall = isModelCallKind(call.kind);
  return (
    <dl className="llm-facts">
      <Fact label="Kind">
        <span>
          <span aria-hidden="true">{KIND_ICON[call.kind]}</span> {KIND_LABEL[call.kind]}
        </span>
        <span className="llm-faint">
          {FAMILY_LABEL[call.family]}
          {call.operation ? ` · ${call.operation}` : ''}
        </span>
        {call.isStreaming && <span className="llm-tag">streamed</span>}
      </Fact>
      {requested !== undefined && (
        <Fact label="Model">
          <span className="mono" data-testid="detail-model" data-value={requested}>
            {requested}
          </span>
          {call.responseModel !== undefined && (
            <span className="llm-served" title="Model that served the call">
              →{' '}
              <span
                className="mono"
                data-testid="detail-response-model"
                data-value={call.responseModel}
              >
                {call.responseModel}
              </span>
            </span>
          )}
        </Fact>
      )}
      {call.provider !== undefined && (
        <Fact label="Provider">
          <span className="mono" data-testid="detail-provider" data-value={call.provider}>
            {call.provider}
          </span>
        </Fact>
      )}
      {(isModelCall || call.usage) && <TokenFacts call={call} />}
      {(isModelCall || call.spanCost) && (
        <Fact label="Cost">
          <CostValue cost={cost} isLoading={isPricingLoading} />
        </Fact>
      )}
      {call.timeToFirstTokenNs !== undefined && (
        <Fact label="First token">{formatMs(call.timeToFirstTokenNs)}</Fact>
      )}
      {call.finishReasons.length > 0 && (
        <Fact label="Finish">
          <span className="mono">{call.finishReasons.join(', ')}</span>
        </Fact>
      )}
      {call.agentGraph && (
        <Fact label="Graph node">
          <span className="mono">{call.agentGraph.nodeId ?? '—'}</span>
          {call.agentGraph.parentNodeId && (
            <span className="llm-faint">parent {call.agentGraph.parentNodeId}</span>
          )}
        </Fact>
      )}
      {call.error && (
        <Fact label="Error">
          <span className="llm-error">{call.error.type ?? 'failed'}</span>
          {call.error.message && <span className="llm-error-message">{call.error.message}</span>}
        </Fact>
      )}
    </dl>
  );
}

function Fact({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="llm-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function TokenCount({ testId, value }: { readonly testId?: string; readonly value?: number }) {
  return (
    <span className="llm-num" data-testid={testId} data-value={value}>
      {value === undefined ? '—' : formatTokens(value)}
    </span>
  );
}

function TokenFacts({ call }: { readonly call: LlmCall }) {
  const usage = call.usage;
  return (
    <Fact label="Tokens">
      <span>
        in <TokenCount testId="detail-input-tokens" value={usage?.input} />
      </span>
      <span>
        cached <TokenCount testId="detail-cached-tokens" value={usage?.cacheRead} />
      </span>
      {!!usage?.cacheWrite && (
        <span>
          cache write <TokenCount value={usage.cacheWrite} />
        </span>
      )}
      <span>
        out <TokenCount testId="detail-output-tokens" value={usage?.output} />
      </span>
      {!!usage?.reasoning && (
        <span>
          reasoning <TokenCount value={usage.reasoning} />
        </span>
      )}
      {usage?.total !== undefined && (
        <span className="llm-faint">
          total <TokenCount value={usage.total} />
        </span>
      )}
      {!usage && <span className="llm-faint">not recorded</span>}
    </Fact>
  );
}

const SOURCE_LABEL = { span: 'recorded on span', pricing: 'list price', override: 'your price' };

function CostValue({ cost, isLoading }: { readonly cost?: CallCost; readonly isLoading: boolean }) {
  if (!cost || cost.source === 'unknown') {
    return (
      <span data-testid="detail-cost-usd" className="llm-faint">
        {isLoading ? 'pricing…' : 'unknown'}
      </span>
    );
  }
  const total = cost.total ?? 0;
  const parts = [
    cost.input !== undefined ? `input ${formatUsd(cost.input)}` : undefined,
    cost.cacheRead ? `cache read ${formatUsd(cost.cacheRead)}` : undefined,
    cost.cacheWrite ? `cache write ${formatUsd(cost.cacheWrite)}` : undefined,
    cost.output !== undefined ? `output ${formatUsd(cost.output)}` : undefined,
  ].filter(Boolean);
  return (
    <>
      <span
        className="llm-num"
        data-testid="detail-cost-usd"
        data-value={total}
        title={parts.join(' · ')}
      >
        {formatUsd(total)}
      </span>
      <span className="llm-faint">{SOURCE_LABEL[cost.source]}</span>
    </>
  );
}
