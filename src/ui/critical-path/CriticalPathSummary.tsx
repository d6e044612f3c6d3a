import { useMemo, useState } from 'react';
import type { CriticalPath } from '../../model/critical-path';
import {
  summarizeCriticalPath,
  type CriticalPathItem,
  type ModelReader,
  type ModelShare,
} from '../../model/critical-path-summary';
import { computeParallelWhatIf } from '../../model/parallel-what-if';
import type { SpanTree } from '../../model/span-tree';
import { formatDuration } from '../shared/format';
import { ShareBar } from './ShareBar';
import { formatShare } from './share-format';
import { WhatIfNote } from './WhatIfNote';
import './CriticalPathSummary.css';

/** Items shown before "Show all". */
const DEFAULT_VISIBLE_ITEMS = 10;

interface CriticalPathSummaryProps {
  readonly tree: SpanTree;
  readonly criticalPath: CriticalPath;
  readonly onSelectSpan: (spanId: string) => void;
  /** Highlights that item and shows the what-if figures of that span's children. */
  readonly selectedSpanId?: string;
  readonly readModel?: ModelReader;
}

/** The spans that hold the critical path, ranked by their own time on it, and per model. */
export function CriticalPathSummary({
  tree,
  criticalPath,
  onSelectSpan,
  selectedSpanId,
  readModel,
}: CriticalPathSummaryProps) {
  const [isExpanded, setIsExpanded] = useState(false);
  const summary = useMemo(
    () => summarizeCriticalPath(tree, criticalPath, { readModel }),
    [tree, criticalPath, readModel],
  );
  const selectedNode = selectedSpanId === undefined ? undefined : tree.nodeById.get(selectedSpanId);
  const whatIf = useMemo(
    () =>
      selectedNode === undefined
        ? null
        : computeParallelWhatIf(tree, selectedNode, criticalPath.times),
    [tree, criticalPath, selectedNode],
  );
  const visible = isExpanded ? summary.items : summary.items.slice(0, DEFAULT_VISIBLE_ITEMS);
  return (
    <section className="cp-summary" aria-label="Critical path" data-testid="critical-path-summary">
      <header className="cp-summary-head">
        <h2>Critical path</h2>
        <span className="cp-summary-total">
          {formatDuration(summary.pathNs)} of {formatDuration(summary.traceDurationNs)}
        </span>
      </header>
      {summary.items.length === 0 ? (
        <p className="cp-summary-empty">No critical path: no span in this trace took time.</p>
      ) : (
        <ol className="cp-summary-list" aria-label="Spans on the critical path">
          {visible.map((item) => (
            <PathItem
              key={item.node}
              item={item}
              isSelected={item.spanId === selectedSpanId}
              onSelectSpan={onSelectSpan}
            />
          ))}
        </ol>
      )}
      {summary.items.length > DEFAULT_VISIBLE_ITEMS && (
        <button type="button" className="cp-summary-more" onClick={() => setIsExpanded((v) => !v)}>
          {isExpanded ? 'Show fewer' : `Show all ${summary.items.length}`}
        </button>
      )}
      {summary.models.length > 0 && <ModelShares models={summary.models} />}
      {whatIf && <WhatIfNote whatIf={whatIf} />}
    </section>
  );
}

function PathItem({
  item,
  isSelected,
  onSelectSpan,
}: {
  readonly item: CriticalPathItem;
  readonly isSelected: boolean;
  readonly onSelectSpan: (spanId: string) => void;
}) {
  return (
    <li>
      <button
        type="button"
        className="cp-summary-item"
        data-testid="critical-path-item"
        data-span-id={item.spanId}
        aria-pressed={isSelected}
        onClick={() => onSelectSpan(item.spanId)}
      >
        <span className="cp-summary-name" data-missing={item.isMissingSpan || undefined}>
          {item.name}
        </span>
        <span className="cp-summary-service">{item.service}</span>
        <ShareBar share={item.share} />
        <span className="cp-summary-value">
          {formatDuration(item.onPathNs)} · {formatShare(item.share)}
        </span>
      </button>
    </li>
  );
}

function ModelShares({ models }: { readonly models: readonly ModelShare[] }) {
  return (
    <section className="cp-summary-models" aria-label="Critical path by model">
      <h3>By model</h3>
      <ul>
        {models.map((model) => (
          <li key={model.model} data-testid="critical-path-model" data-model={model.model}>
            <span className="cp-summary-name mono">{model.model}</span>
            <span className="cp-summary-service">
              {model.spanCount} {model.spanCount === 1 ? 'call' : 'calls'}
            </span>
            <ShareBar share={model.share} />
            <span className="cp-summary-value">
              {formatDuration(model.onPathNs)} · {formatShare(model.share)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
