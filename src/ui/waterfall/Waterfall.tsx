import { useCallback, useEffect, useMemo, useRef } from 'react';
import { buildFilteredRows, buildVisibleRows } from '../../model/rows';
import type { SpanTree } from '../../model/span-tree';
import type { LlmCall } from '../../model/llm/llm-call';
import type { CriticalPath } from '../../model/critical-path';
import { subtreeLlm, type LlmRollup, type SubtreeLlm } from '../../model/llm/rollup';
import { formatTokensShort } from '../llm/llm-format';
import { millisToNanos, ZERO_NS } from '../../model/trace';
import { markFirstRow } from '../../state/perf-marks';
import { usePreferences } from '../../state/preferences';
import type { FilterMatches } from '../../state/filter-matches';
import { useViewStore } from '../../state/view-store';
import { Minimap } from './Minimap';
import { SpanRow } from './SpanRow';
import { TimeGrid } from './TimeGrid';
import { WaterfallHeader } from './WaterfallHeader';
import { useScrollToSelection } from './use-scroll-to-selection';
import { useFixedRows } from './use-fixed-rows';
import { useTimeScale } from './use-time-scale';
import { useWaterfallKeyboard } from './use-waterfall-keyboard';
import { nodeIdOf } from '../../model/span-tree';
import './Waterfall.css';

export const ROW_HEIGHT_PX = 24;
/** Rows rendered beyond each edge of the viewport. */
const OVERSCAN_ROWS = 6;

/** The Gantt waterfall: one virtualized DOM row per visible span on one shared time axis. */
interface WaterfallProps {
  tree: SpanTree;
  matches: FilterMatches;
  /** LLM call per node (model pill, kind icon, tokens on the bar label). */
  llmCalls: readonly (LlmCall | undefined)[];
  /** `undefined` until computed (the path-only view then shows every row). */
  criticalPath: CriticalPath | undefined;
  /** Per-node clock-skew shift in ns, or undefined to draw the raw times. */
  skewDeltaNs: Float64Array | undefined;
  /** Subtree LLM totals, shown on collapsed rows; `undefined` until computed. */
  llmRollup: LlmRollup | undefined;
}

export function Waterfall(props: WaterfallProps) {
  const { tree, matches, llmCalls, criticalPath, skewDeltaNs, llmRollup } = props;
  const showCriticalPath = useViewStore((state) => state.showCriticalPath);
  const collapsed = useViewStore((state) => state.collapsed);
  const selectedSpanId = useViewStore((state) => state.selectedSpanId);
  const selectSpan = useViewStore((state) => state.selectSpan);
  const toggleCollapsed = useViewStore((state) => state.toggleCollapsed);
  const nameColumnPx = usePreferences((state) => state.nameColumnPx);
  const filterView = useViewStore((state) => state.filterView);
  const criticalOnly = useViewStore((state) => state.criticalOnly);
  const isHiding = matches.isActive && filterView === 'hide';
  const { rows, hiddenChildren } = useMemo(() => {
    if (criticalOnly && criticalPath) {
      return buildFilteredRows(tree, collapsed, criticalPath.isOnPath);
    }
    return isHiding
      ? buildFilteredRows(tree, collapsed, matches.matches)
      : { rows: buildVisibleRows(tree, collapsed), hiddenChildren: undefined };
  }, [tree, collapsed, matches, isHiding, criticalOnly, criticalPath]);
  const zoom = useViewStore((state) => state.zoom);
  const scale = useTimeScale(
    zoom ? millisToNanos(zoom.fromMs) : ZERO_NS,
    zoom ? millisToNanos(zoom.toMs) : tree.endNs,
  );
  const scrollRef = useRef<HTMLDivElement>(null);

  const { items, totalSizePx, scrollToIndex } = useFixedRows(
    scrollRef,
    rows.length,
    ROW_HEIGHT_PX,
    OVERSCAN_ROWS,
  );
  // Rows are keyed by their slot in the rendered window, not by span: a row scrolled out hands
  // its DOM to the row scrolled in (the window's size is the same from frame to frame), so fast
  // scrolling updates a few dozen rows instead of creating and removing them.
  const slotCount = Math.max(items.length, 1);

  const onSelect = useCallback((spanId: string) => selectSpan(spanId, 'row'), [selectSpan]);
  const hasRows = rows.length > 0;
  useEffect(() => {
    if (hasRows) markFirstRow(tree);
  }, [tree, hasRows]);
  useScrollToSelection(tree, rows, scrollToIndex);
  const onKeyDown = useWaterfallKeyboard(tree, rows, scrollToIndex);

  return (
    <div className="waterfall" style={{ ['--name-col' as string]: `${nameColumnPx}px` }}>
      <Minimap tree={tree} />
      <WaterfallHeader tree={tree} scale={scale} />
      <div className="waterfall-body">
        <TimeGrid scale={scale} />
        <div
          ref={scrollRef}
          className="waterfall-scroll"
          tabIndex={0}
          role="tree"
          aria-label="Spans"
          onKeyDown={onKeyDown}
        >
          <div style={{ height: totalSizePx, position: 'relative' }}>
            {items.map((item) => {
              const node = rows[item.index] ?? 0;
              const id = nodeIdOf(tree, node);
              return (
                <SpanRow
                  key={item.index % slotCount}
                  tree={tree}
                  node={node}
                  topPx={item.startPx}
                  scale={scale}
                  isSelected={id === selectedSpanId}
                  isCollapsed={collapsed.has(id)}
                  match={matches.isActive ? matches.matches[node] === 1 : undefined}
                  isDimmed={matches.isActive && !isHiding && matches.matches[node] !== 1}
                  hiddenChildCount={hiddenChildren?.[item.index] ?? 0}
                  llmCall={llmCalls[node]}
                  rollupLabel={
                    llmRollup && collapsed.has(id)
                      ? rollupLabel(subtreeLlm(llmRollup, tree, node))
                      : undefined
                  }
                  criticalPath={showCriticalPath && skewDeltaNs ? criticalPath : undefined}
                  skewDeltaNs={skewDeltaNs?.[node] ?? 0}
                  onSelect={onSelect}
                  onToggle={toggleCollapsed}
                />
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

/** "Σ 2 LLM calls · 804→191 tok" for a collapsed row whose subtree holds model calls. */
function rollupLabel({ calls, inputTokens, outputTokens }: SubtreeLlm): string | undefined {
  if (calls === 0) return undefined;
  const tokens = `${formatTokensShort(inputTokens)}→${formatTokensShort(outputTokens)} tok`;
  return `Σ ${calls} LLM ${calls === 1 ? 'call' : 'calls'} · ${tokens}`;
}
