import { useCallback } from 'react';
import type { TraceModel } from '../../state/trace-model';
import { usePreferences } from '../../state/preferences';
import { useViewStore } from '../../state/view-store';
import { SpanDetail } from '../span-detail/SpanDetail';
import { Waterfall } from '../waterfall/Waterfall';
import { DragHandle } from '../shared/DragHandle';

/** Waterfall on the left, the selected span's detail on the right (resizable). */
export function TraceWorkspace({ model }: { model: TraceModel }) {
  const { tree } = model;
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

  return (
    <div className="trace-workspace">
      <div className="trace-workspace-main">
        <Waterfall tree={tree} />
      </div>
      {selectedNode !== undefined && (
        <aside
          className="trace-workspace-detail"
          style={{ width: detailPanelPx }}
          aria-label="Span details"
        >
          <DragHandle
            className="panel-resizer"
            label="Resize the span details panel"
            startPx={detailPanelPx}
            onDrag={onResize}
          />
          <SpanDetail
            tree={tree}
            node={selectedNode}
            onSelectSpan={onSelectSpan}
            onClose={onClose}
          />
        </aside>
      )}
    </div>
  );
}
