import { memo } from 'react';
import { isSpanNode, nodeIdOf, placeholderOfNode, type SpanTree } from '../../model/span-tree';
import { durationAt, isErrorAt, nameAt, serviceAt } from '../../model/span-table';
import type { Nanos } from '../../model/trace';
import { formatDuration } from '../shared/format';
import { serviceColor } from '../shared/service-color';
import { SpanBar } from './SpanBar';
import { CriticalSegments } from './CriticalSegments';
import type { CriticalPath } from '../../model/critical-path';
import type { LlmCall } from '../../model/llm/llm-call';
import { LlmRowBadges } from '../llm/LlmRowBadges';
import { formatTokensShort } from '../llm/llm-format';
import type { TimeScale } from './use-time-scale';

const INDENT_PX = 14;

interface SpanRowProps {
  tree: SpanTree;
  node: number;
  topPx: number;
  scale: TimeScale;
  isSelected: boolean;
  isCollapsed: boolean;
  /** Whether the span matches the active filter; `undefined` when no filter is active. */
  match: boolean | undefined;
  isDimmed: boolean;
  /** Children left out by the "hide" filter view. */
  hiddenChildCount: number;
  llmCall: LlmCall | undefined;
  /** Subtree LLM totals of a collapsed row. */
  rollupLabel: string | undefined;
  /** The trace's critical path; `undefined` hides the highlight (`cp=0`). */
  criticalPath: CriticalPath | undefined;
  /** Clock-skew shift of this row's span (0 when none, or when raw times are shown). */
  skewDeltaNs: number;
  onSelect: (spanId: string) => void;
  onToggle: (spanId: string) => void;
}

/** One waterfall row: the tree column (indent, toggle, service, name) and the bar. */
export const SpanRow = memo(function SpanRow(props: SpanRowProps) {
  const { tree, node, topPx, scale, isSelected, isCollapsed, onSelect, onToggle } = props;
  const { match, isDimmed, hiddenChildCount, llmCall, criticalPath, skewDeltaNs, rollupLabel } =
    props;
  const isCritical = criticalPath?.isOnPath[node] === 1;
  const table = tree.trace;
  const isSpan = isSpanNode(tree, node);
  const placeholder = isSpan ? undefined : placeholderOfNode(tree, node);
  const id = nodeIdOf(tree, node);
  const depth = tree.depth[node] ?? 0;
  const childCount = (tree.childStart[node + 1] ?? 0) - (tree.childStart[node] ?? 0);
  const isError = isSpan && isErrorAt(table, node);
  const service = isSpan ? serviceAt(table, node) : '';
  const name = isSpan ? nameAt(table, node) : '';
  const color = isSpan ? serviceColor(service) : 'var(--text-faint)';
  const rawStartNs = isSpan ? (table.startNs[node] ?? 0) : (placeholder?.startNs ?? 0);
  const startNs = (rawStartNs + skewDeltaNs) as Nanos;
  const durationNs = isSpan
    ? durationAt(table, node)
    : (((placeholder?.endNs ?? 0) - startNs) as Nanos);

  return (
    <div
      className={`span-row${isSelected ? ' is-selected' : ''}${isError ? ' is-error' : ''}${placeholder ? ' is-placeholder' : ''}${isDimmed ? ' is-dimmed' : ''}${match ? ' is-match' : ''}${isCritical ? ' is-critical' : ''}`}
      style={{ top: topPx }}
      data-testid="span-row"
      data-span-id={id}
      data-depth={depth}
      data-error={isError ? 'true' : 'false'}
      data-collapsed={isCollapsed ? 'true' : 'false'}
      data-match={match === undefined ? undefined : String(match)}
      data-critical={isCritical ? 'true' : 'false'}
      role="treeitem"
      aria-level={depth + 1}
      aria-selected={isSelected}
      aria-expanded={childCount > 0 ? !isCollapsed : undefined}
      onClick={() => onSelect(id)}
    >
      <div className="span-row-name" style={{ paddingLeft: 6 + depth * INDENT_PX }}>
        {childCount > 0 ? (
          <button
            type="button"
            className="span-toggle"
            aria-label={`${isCollapsed ? 'Expand' : 'Collapse'} ${childCount} children`}
            onClick={(event) => {
              event.stopPropagation();
              onToggle(id);
            }}
          >
            <span className="span-toggle-chevron" aria-hidden="true">
              {isCollapsed ? '▸' : '▾'}
            </span>
            <span className="span-toggle-count">{childCount}</span>
          </button>
        ) : (
          <span className="span-toggle-spacer" />
        )}
        <span className="span-service-mark" style={{ background: color }} aria-hidden="true" />
        {isError && (
          <span className="span-error-mark" title="Error" aria-label="error">
            !
          </span>
        )}
        {isSpan ? (
          <>
            {llmCall && <LlmRowBadges call={llmCall} />}
            <span className="span-service">{service}</span>
            <span className="span-name" title={name}>
              {name}
            </span>
          </>
        ) : (
          <span className="span-name span-missing">missing span {id}</span>
        )}
        {hiddenChildCount > 0 && (
          <span className="span-hidden-count" title="Children hidden by the filter">
            {hiddenChildCount} hidden
          </span>
        )}
      </div>
      <div className="span-row-timeline">
        <SpanBar
          scale={scale}
          startNs={startNs}
          durationNs={durationNs}
          endOfTraceNs={tree.endNs}
          color={isError ? 'var(--error)' : color}
          label={
            rollupLabel
              ? `${barLabel(durationNs, undefined)} · ${rollupLabel}`
              : barLabel(durationNs, llmCall)
          }
          isPlaceholder={placeholder !== undefined}
        />
        {criticalPath && (
          <CriticalSegments
            criticalPath={criticalPath}
            tree={tree}
            node={node}
            isCollapsed={isCollapsed}
            scale={scale}
          />
        )}
      </div>
    </div>
  );
});

/** Duration, plus input→output tokens for model calls. */
function barLabel(durationNs: Nanos | null, call: LlmCall | undefined): string {
  const duration = durationNs === null ? 'no end recorded' : formatDuration(durationNs);
  const usage = call?.usage;
  if (!usage || (usage.input === undefined && usage.output === undefined)) return duration;
  return `${duration} · ${formatTokensShort(usage.input ?? 0)}→${formatTokensShort(usage.output ?? 0)} tok`;
}
