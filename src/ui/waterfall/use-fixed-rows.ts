import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** One row to render: its index in the row list and its offset from the top, in px. */
export interface RowSlot {
  readonly index: number;
  readonly startPx: number;
}

export interface FixedRows {
  /** The rows in (and just around) the viewport. */
  readonly items: readonly RowSlot[];
  /** Height of all rows together, in px. */
  readonly totalSizePx: number;
  /** Scrolls the least needed to show row `index` (nothing when it is already in view). */
  scrollToIndex(index: number): void;
}

interface Viewport {
  readonly first: number;
  readonly last: number;
}

/**
 * Virtualization for rows of one fixed height: the visible range is arithmetic on the scroll
 * offset, so nothing is kept per row (a list virtualizer's per-row measurement cache is a
 * million objects at 1,000,000 spans). The range is re-rendered synchronously in the scroll
 * event, as the frame is being made, so fast scrolling never shows blank rows.
 */
export function useFixedRows(
  scrollRef: RefObject<HTMLDivElement | null>,
  count: number,
  rowHeightPx: number,
  overscan: number,
): FixedRows {
  const [viewport, setViewport] = useState<Viewport>({ first: 0, last: 40 });

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return undefined;
    const update = (isSync: boolean) => {
      const first = Math.floor(element.scrollTop / rowHeightPx);
      const last = Math.ceil((element.scrollTop + element.clientHeight) / rowHeightPx);
      const apply = () =>
        setViewport((old) => (old.first === first && old.last === last ? old : { first, last }));
      if (isSync) flushSync(apply);
      else apply();
    };
    const onScroll = () => update(true);
    element.addEventListener('scroll', onScroll, { passive: true });
    // The observer's first report comes after the first layout: measuring here instead would
    // force a layout of the whole page before the first rows could be painted.
    const observer = new ResizeObserver(() => update(false));
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [scrollRef, rowHeightPx]);

  const items = useMemo(() => {
    const from = Math.max(0, viewport.first - overscan);
    const to = Math.min(count, viewport.last + overscan);
    const slots: RowSlot[] = [];
    for (let index = from; index < to; index++) slots.push({ index, startPx: index * rowHeightPx });
    return slots;
  }, [viewport, count, rowHeightPx, overscan]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      if (!element || index < 0 || index >= count) return;
      const top = index * rowHeightPx;
      const bottom = top + rowHeightPx;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (bottom > element.scrollTop + element.clientHeight) {
        element.scrollTop = bottom - element.clientHeight;
      }
    },
    [scrollRef, count, rowHeightPx],
  );

  return { items, totalSizePx: count * rowHeightPx, scrollToIndex };
}
