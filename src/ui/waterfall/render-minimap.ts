import type { SpanTree } from '../../model/span-tree';
import { serviceOf } from '../../model/trace';

export interface MinimapStyle {
  readonly background: string;
  readonly errorColor: string;
  readonly colorOf: (service: string) => string;
}

/**
 * Draws every span of the trace as a thin bar: x on the whole trace's time axis, y by its
 * position in the (fully expanded) waterfall. Plain canvas calls, no React; one fillRect per span,
 * batched by colour so a 100,000-span trace draws in a few milliseconds.
 */
export function renderMinimap(
  ctx: CanvasRenderingContext2D,
  tree: SpanTree,
  widthPx: number,
  heightPx: number,
  style: MinimapStyle,
): void {
  ctx.clearRect(0, 0, widthPx, heightPx);
  const { spans } = tree.trace;
  const { preorder } = tree;
  const endNs = tree.endNs > 0 ? tree.endNs : 1;
  const rowHeight = Math.max(heightPx / Math.max(preorder.length, 1), 0.5);
  const barHeight = Math.max(Math.min(rowHeight * 0.7, 4), 0.5);
  const byColor = new Map<string, number[]>();
  for (let position = 0; position < preorder.length; position++) {
    const node = preorder[position] as number;
    const span = spans[node];
    if (!span) continue;
    const color =
      span.status.code === 'error' ? style.errorColor : style.colorOf(serviceOf(tree.trace, span));
    let list = byColor.get(color);
    if (!list) byColor.set(color, (list = []));
    const end = span.durationNs === null ? endNs : span.startNs + span.durationNs;
    list.push(position, span.startNs, end);
  }
  for (const [color, list] of byColor) {
    ctx.fillStyle = color;
    for (let i = 0; i < list.length; i += 3) {
      const x = ((list[i + 1] as number) / endNs) * widthPx;
      const w = Math.max(
        (((list[i + 2] as number) - (list[i + 1] as number)) / endNs) * widthPx,
        1,
      );
      ctx.fillRect(x, (list[i] as number) * rowHeight, w, barHeight);
    }
  }
}
