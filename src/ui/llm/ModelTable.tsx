import { useMemo } from 'react';
import { summarizeModels, type ModelRow } from '../../model/llm/model-stats';
import type { TraceLlm } from '../../model/llm/llm-call';
import type { SpanTree } from '../../model/span-tree';
import { useLlmPricing } from '../../state/pricing';
import { formatDuration } from '../shared/format';
import { formatTokens, formatUsd } from './llm-format';
import './ModelTable.css';

interface ModelTableProps {
  readonly tree: SpanTree;
  readonly traceLlm: TraceLlm;
}

/** Per-model calls, tokens, cost, failures and time of the trace (counted calls only). */
export function ModelTable({ tree, traceLlm }: ModelTableProps) {
  const { pricer, overrides, isLoading } = useLlmPricing();
  const rows = useMemo(
    () => summarizeModels(tree, traceLlm, { pricer, overrides }),
    [tree, traceLlm, pricer, overrides],
  );
  if (rows.length === 0) return <p className="llm-mt-empty">No model calls in this trace.</p>;
  return (
    <table className="llm-mt" aria-label="Models">
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">Calls</th>
          <th scope="col">Errors</th>
          <th scope="col">Input tok.</th>
          <th scope="col">Output tok.</th>
          <th scope="col">Cost</th>
          <th scope="col">Total time</th>
          <th scope="col">Self time</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <ModelTableRow key={row.model} row={row} isPricingLoading={isLoading} />
        ))}
      </tbody>
    </table>
  );
}

function ModelTableRow({
  row,
  isPricingLoading,
}: {
  readonly row: ModelRow;
  readonly isPricingLoading: boolean;
}) {
  const hasCost = row.costUsd > 0 || !row.isCostPartial;
  return (
    <tr data-model={row.model}>
      <th scope="row">
        <span className="mono">{row.model}</span>
        {row.servedModels.length > 0 && (
          <span className="llm-mt-served mono">→ {row.servedModels.join(', ')}</span>
        )}
        {row.provider && <span className="llm-mt-provider">{row.provider}</span>}
      </th>
      <td>{row.calls}</td>
      <td data-error={row.errors > 0 ? 'true' : undefined}>{row.errors}</td>
      <td>{formatTokens(row.inputTokens)}</td>
      <td>{formatTokens(row.outputTokens)}</td>
      <td title={row.isCostPartial ? 'Some calls have no known price' : undefined}>
        {hasCost ? formatUsd(row.costUsd) : isPricingLoading ? '…' : 'unknown'}
        {hasCost && row.isCostPartial ? '+' : ''}
      </td>
      <td>{formatDuration(row.totalNs)}</td>
      <td>{formatDuration(row.selfNs)}</td>
    </tr>
  );
}
