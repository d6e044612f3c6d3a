import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { SpanTree } from '../../model/span-tree';
import { useViewStore } from '../../state/view-store';
import { serviceColor } from '../shared/service-color';
import { renderMinimap } from './render-minimap';

const HEIGHT_PX = 56;

/**
 * A canvas overview of the whole trace. Dragging on it zooms the waterfall to that time window;
 * the current window is shown as a lens, everything outside it shaded.
 */
export function Minimap({ tree }: { tree: SpanTree }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const [widthPx, setWidthPx] = useState(0);
  const zoom = useViewStore((state) => state.zoom);
  const setZoom = useViewStore((state) => state.setZoom);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const totalMs = tree.endNs / 1e6;

  useEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    // The observer reports the width once layout has run anyway: reading clientWidth here would
    // force a layout of the whole page before the first rows are painted.
    const observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width;
      if (width !== undefined) setWidthPx(Math.round(width));
    });
    observer.observe(wrap);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || widthPx === 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(widthPx * dpr);
    canvas.height = Math.round(HEIGHT_PX * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const styles = getComputedStyle(canvas);
    renderMinimap(ctx, tree, widthPx, HEIGHT_PX, {
      background: styles.getPropertyValue('--bg-subtle'),
      errorColor: styles.getPropertyValue('--error').trim() || '#d93a3a',
      colorOf: serviceColor,
    });
  }, [tree, widthPx]);

  const toFraction = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    const at = toFraction(event);
    setDrag({ from: at, to: at });
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag) setDrag({ ...drag, to: toFraction(event) });
  };
  const onPointerUp = () => {
    if (drag && Math.abs(drag.to - drag.from) > 0.005) {
      const from = Math.min(drag.from, drag.to);
      const to = Math.max(drag.from, drag.to);
      setZoom({ fromMs: from * totalMs, toMs: to * totalMs });
    }
    setDrag(null);
  };

  const lens = drag
    ? { from: Math.min(drag.from, drag.to), to: Math.max(drag.from, drag.to) }
    : zoom && totalMs > 0
      ? { from: zoom.fromMs / totalMs, to: zoom.toMs / totalMs }
      : null;

  return (
    <div className="minimap">
      <div
        ref={wrapRef}
        className="minimap-canvas-wrap"
        data-testid="minimap"
        role="slider"
        aria-label="Trace overview: drag to zoom to a time window"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={lens ? Math.round(lens.from * 100) : 0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
      >
        <canvas ref={canvasRef} style={{ width: '100%', height: HEIGHT_PX }} />
        {lens && (
          <>
            <div className="minimap-shade" style={{ left: 0, width: `${lens.from * 100}%` }} />
            <div
              className="minimap-lens"
              style={{ left: `${lens.from * 100}%`, width: `${(lens.to - lens.from) * 100}%` }}
            />
            <div className="minimap-shade" style={{ left: `${lens.to * 100}%`, right: 0 }} />
          </>
        )}
      </div>
      {zoom && (
        <button
          type="button"
          className="icon-button minimap-reset"
          data-testid="zoom-reset"
          onClick={() => setZoom(null)}
        >
          Reset zoom
        </button>
      )}
    </div>
  );
}
