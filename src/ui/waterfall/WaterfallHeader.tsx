import { useCallback } from 'react';
import type { SpanTree } from '../../model/span-tree';
import { usePreferences } from '../../state/preferences';
import { useViewStore } from '../../state/view-store';
import { DragHandle } from '../shared/DragHandle';
import { TimeRuler } from './TimeRuler';
import { listCollapsibleIds } from '../../model/collapsed-encoding';
import type { TimeScale } from './use-time-scale';

/** Column headers: the span column (with expand/collapse all) and the time ruler. */
export function WaterfallHeader({ tree, scale }: { tree: SpanTree; scale: TimeScale }) {
  const nameColumnPx = usePreferences((state) => state.nameColumnPx);
  const setNameColumnPx = usePreferences((state) => state.setNameColumnPx);
  const expandAll = useViewStore((state) => state.expandAll);
  const setCollapsed = useViewStore((state) => state.setCollapsed);
  const setZoom = useViewStore((state) => state.setZoom);
  const onResize = useCallback(
    (deltaPx: number, startPx: number) => setNameColumnPx(startPx + deltaPx),
    [setNameColumnPx],
  );
  const collapseAll = () => setCollapsed(listCollapsibleIds(tree));

  return (
    <div className="waterfall-header">
      <div className="waterfall-header-name">
        <span>Service &amp; operation</span>
        <span className="waterfall-header-actions">
          <button
            type="button"
            className="link-button"
            data-testid="expand-all"
            title="Expand every span (+)"
            onClick={expandAll}
          >
            Expand all
          </button>
          <button
            type="button"
            className="link-button"
            data-testid="collapse-all"
            title="Collapse every span with children (-)"
            onClick={collapseAll}
          >
            Collapse all
          </button>
        </span>
        <DragHandle
          className="column-resizer"
          label="Resize the span column"
          startPx={nameColumnPx}
          onDrag={onResize}
        />
      </div>
      <TimeRuler
        scale={scale}
        onSelectRange={(fromNs, toNs) => setZoom({ fromMs: fromNs / 1e6, toMs: toNs / 1e6 })}
      />
    </div>
  );
}
