import { isErrorAt } from '../../model/span-table';
import type { SpanTree } from '../../model/span-tree';

export interface MinimapStyle {
  readonly background: string;
  readonly errorColor: string;
  readonly colorOf: (service: string) => string;
}

/**
 * Most bars drawn. The canvas is ~56 px tall: past a few thousand spans many share each pixel
 * row, so a larger trace is drawn from an even sample of its rows (errors always included),
 * which looks the same and keeps a 1,000,000-span draw to a few milliseconds.
 */
export const MAX_MINIMAP_BARS = 20_000;

/**
 * Draws the trace as thin bars: x on the whole trace's time axis, y by the span's position in
 * the (fully expanded) waterfall, scaled so every row fits the canvas. Plain canvas calls, no
 * React; bars are batched by colour (one per service, plus errors).
 */
export function renderMinimap(
  ctx: CanvasRenderingContext2D,
  tree: SpanTree,
  widthPx: number,
  heightPx: number,
  style: MinimapStyle,
): void {
  ctx.clearRect(0, 0, widthPx, heightPx);
  const table = tree.trace;
  const { preorder } = tree;
  const rowCount = Math.max(preorder.length, 1);
  const endNs = tree.endNs > 0 ? tree.endNs : 1;
  const rowHeight = heightPx / rowCount;
  const barHeight = Math.max(Math.min(rowHeight * 0.7, 4), 0.5);
  const stride = Math.max(1, Math.ceil(preorder.length / MAX_MINIMAP_BARS));
  // Colour index per resource (service), then unknown services, then errors.
  const colors = [
    ...table.resources.map((resource) => style.colorOf(resource.serviceName)),
    style.colorOf('unknown_service'),
    style.errorColor,
  ];
  const unknownIndex = colors.length - 2;
  const errorIndex = colors.length - 1;
  const bars: number[][] = colors.map(() => []);
  for (let position = 0; position < preorder.length; position++) {
    const node = preorder[position] as number;
    if (node >= table.count) continue;
    const isError = isErrorAt(table, node);
    if (!isError && position % stride !== 0) continue;
    const resource = table.resourceIndex[node] as number;
    const start = table.startNs[node] as number;
    const duration = table.durationNs[node] as number;
    const colorIndex = isError ? errorIndex : resource < unknownIndex ? resource : unknownIndex;
    const list = bars[colorIndex] as number[];
    list.push(position, start, duration < 0 ? endNs : start + duration);
  }
  bars.forEach((list, index) => {
    if (list.length === 0) return;
    ctx.fillStyle = colors[index] ?? style.errorColor;
    for (let i = 0; i < list.length; i += 3) {
      const x = ((list[i + 1] as number) / endNs) * widthPx;
      const w = Math.max(
        (((list[i + 2] as number) - (list[i + 1] as number)) / endNs) * widthPx,
        1,
      );
      ctx.fillRect(x, (list[i] as number) * rowHeight, w, barHeight);
    }
  });
}
