import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { TraceModel } from '../../state/trace-model';
import { useViewStore } from '../../state/view-store';
import { CriticalPathSummary } from '../critical-path/CriticalPathSummary';
import type { StatisticsGroup } from '../statistics/StatisticsTable';
import './SidePanel.css';

type Tab = 'span' | 'path' | 'stats' | 'models';

// Tabs behind a click load when first opened.
const StatisticsTable = lazy(() =>
  import('../statistics/StatisticsTable').then((m) => ({ default: m.StatisticsTable })),
);
const ModelTable = lazy(() => import('../llm/ModelTable').then((m) => ({ default: m.ModelTable })));

interface SidePanelProps {
  model: TraceModel;
  /** The span detail, when a span is selected. */
  spanDetail: ReactNode | undefined;
  onSelectSpan: (spanId: string) => void;
}

/**
 * The right-hand panel: the selected span's details, or the trace-wide answers to "where did
 * the time go" — the critical path, statistics and, for LLM traces, the per-model table.
 */
export function SidePanel({ model, spanDetail, onSelectSpan }: SidePanelProps) {
  const { derived } = model;
  const hasModels = (derived?.llm.countedCalls.length ?? 0) > 0;
  const selectedSpanId = useViewStore((state) => state.selectedSpanId);
  const [tab, setTab] = useState<Tab>(spanDetail ? 'span' : 'path');
  const setFilter = useViewStore((state) => state.setFilter);
  // A newly selected span brings its details to the front (state adjusted during render).
  const [shownFor, setShownFor] = useState(selectedSpanId);
  if (shownFor !== selectedSpanId) {
    setShownFor(selectedSpanId);
    if (selectedSpanId !== null) setTab('span');
  }
  const current = tab === 'span' && !spanDetail ? 'path' : tab;

  const onFilter = (group: StatisticsGroup) => {
    if (group.by === 'service') setFilter({ services: [group.key] });
    else if (group.by === 'model') setFilter({ models: [group.key] });
    else setFilter({ text: `"${group.key}"` });
  };

  const tabs: [Tab, string][] = [
    ...(spanDetail ? ([['span', 'Span']] as [Tab, string][]) : []),
    ['path', 'Critical path'],
    ['stats', 'Statistics'],
    ...(hasModels ? ([['models', 'Models']] as [Tab, string][]) : []),
  ];

  return (
    <div className="side-panel">
      <div className="side-panel-tabs" role="tablist" aria-label="Trace panels">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={current === id}
            className="side-panel-tab"
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="side-panel-body" role="tabpanel">
        {current === 'span' && spanDetail}
        {current !== 'span' && !derived && (
          <p className="side-panel-pending" role="status">
            Working out the critical path…
          </p>
        )}
        {current === 'path' && derived && (
          <CriticalPathSummary
            tree={model.tree}
            criticalPath={derived.criticalPath}
            onSelectSpan={onSelectSpan}
            selectedSpanId={selectedSpanId ?? undefined}
          />
        )}
        <Suspense fallback={null}>
          {current === 'stats' && derived && (
            <StatisticsTable
              tree={model.tree}
              criticalPath={derived.criticalPath}
              onFilter={onFilter}
            />
          )}
          {current === 'models' && derived && (
            <ModelTable tree={model.tree} traceLlm={derived.llm} />
          )}
        </Suspense>
      </div>
    </div>
  );
}
