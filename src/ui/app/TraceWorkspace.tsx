import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { listCollapsibleIds } from '../../model/collapsed-encoding';
import { groupLogsBySpan } from '../../model/llm/span-logs';
import { spanIdKey } from '../../model/trace';
import type { TraceModel } from '../../state/trace-model';
import { usePreferences } from '../../state/preferences';
import { useViewStore } from '../../state/view-store';
import { useFilterMatches } from '../../state/filter-matches';
import { FilterBar } from '../filters/FilterBar';
import { useMatchStepper } from '../filters/use-match-stepper';
import { CollapsedLinkNotice } from './CollapsedLinkNotice';
import { ShortcutHelp } from './ShortcutHelp';
import { useTraceShortcuts } from './use-trace-shortcuts';
import { SidePanel } from './SidePanel';
import { ErrorBoundary } from '../shared/ErrorBoundary';
import { Waterfall } from '../waterfall/Waterfall';
import { DragHandle } from '../shared/DragHandle';

const NO_CALLS: readonly undefined[] = [];

/** The span detail loads with the first span someone opens (not needed for the first rows). */
const SpanDetail = lazy(() =>
  import('../span-detail/SpanDetail').then((m) => ({ default: m.SpanDetail })),
);

/**
 * Waterfall on the left, the selected span's detail on the right (resizable). The derived data
 * (LLM calls, critical path, skew) may arrive after the first rows: everything that uses it
 * shows once it is there.
 */
export function TraceWorkspace({ model }: { model: TraceModel }) {
  const { tree, derived } = model;
  const facets = derived?.facets;
  const logsBySpan = useMemo(
    () => groupLogsBySpan(model.logs ?? [], tree.trace.traceId),
    [model.logs, tree],
  );
  const matches = useFilterMatches(model);
  const [isHelpOpen, setHelpOpen] = useState(false);
  const stepMatch = useMatchStepper(tree, matches);
  const toggleHelp = useCallback(() => setHelpOpen((open) => !open), []);
  const collapseAll = useCallback(
    () => useViewStore.getState().setCollapsed(listCollapsibleIds(tree)),
    [tree],
  );
  const expandAll = useViewStore((state) => state.expandAll);
  useTraceShortcuts({ stepMatch, toggleHelp, collapseAll, expandAll });
  const selectedSpanId = useViewStore((state) => state.selectedSpanId);
  const selectSpan = useViewStore((state) => state.selectSpan);
  const detailPanelPx = usePreferences((state) => state.detailPanelPx);
  const setDetailPanelPx = usePreferences((state) => state.setDetailPanelPx);
  const selectedNode = selectedSpanId === null ? undefined : tree.nodeById.get(selectedSpanId);

  const onSelectSpan = useCallback(
    (spanId: string) => selectSpan(spanId, 'external'),
    [selectSpan],
  );
  const onClose = useCallback(() => selectSpan(null, 'external'), [selectSpan]);
  const onResize = useCallback(
    (deltaPx: number, startPx: number) => setDetailPanelPx(startPx - deltaPx),
    [setDetailPanelPx],
  );

  const showRawTimes = useViewStore((state) => state.showRawTimes);
  const spanDetail =
    selectedNode === undefined ? undefined : (
      <Suspense fallback={null}>
        <SpanDetail
          tree={tree}
          node={selectedNode}
          onSelectSpan={onSelectSpan}
          onClose={onClose}
          logs={logsBySpan.get(spanIdKey(tree.trace.sourceSpanIds[selectedNode] ?? ''))}
          timing={
            derived && {
              criticalPath: derived.criticalPath,
              selfTimesNs: derived.selfTimesNs,
              skewDeltaNs: showRawTimes ? 0 : (derived.skew.deltaNs[selectedNode] ?? 0),
            }
          }
        />
      </Suspense>
    );

  return (
    <div className="trace-workspace">
      {isHelpOpen && <ShortcutHelp onClose={toggleHelp} />}
      <div className="trace-workspace-main">
        <CollapsedLinkNotice />
        <ErrorBoundary label="filters">
          <FilterBar tree={tree} facets={facets} matches={matches} />
        </ErrorBoundary>
        <ErrorBoundary label="waterfall">
          <Waterfall
            tree={tree}
            matches={matches}
            llmCalls={derived?.llm.calls ?? NO_CALLS}
            criticalPath={derived?.criticalPath}
            skewDeltaNs={showRawTimes ? undefined : derived?.skew.deltaNs}
            llmRollup={derived?.llmRollup}
          />
        </ErrorBoundary>
      </div>
      <aside
        className="trace-workspace-detail"
        style={{ width: detailPanelPx }}
        aria-label="Span details and trace insights"
      >
        <DragHandle
          className="panel-resizer"
          label="Resize the side panel"
          startPx={detailPanelPx}
          onDrag={onResize}
        />
        <ErrorBoundary label="side panel" resetKeys={[selectedSpanId]}>
          <SidePanel model={model} spanDetail={spanDetail} onSelectSpan={onSelectSpan} />
        </ErrorBoundary>
      </aside>
    </div>
  );
}
