// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFixedRows, type FixedRows } from './use-fixed-rows';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** jsdom does no layout: the scroll box reports a 240 px tall viewport. */
function setup(count: number) {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly report: () => void) {}
      /** Reports at once, as the first observation after layout would. */
      observe() {
        this.report();
      }
      disconnect() {}
    },
  );
  const seen: { rows?: FixedRows; box?: HTMLDivElement } = {};
  render(
    <Probe
      count={count}
      onRows={(rows) => Object.assign(seen, { rows })}
      onBox={(box) => Object.assign(seen, { box })}
    />,
  );
  return { rows: () => seen.rows as FixedRows, box: () => seen.box as HTMLDivElement };
}

function Probe(props: {
  count: number;
  onRows: (rows: FixedRows) => void;
  onBox: (box: HTMLDivElement) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  props.onRows(useFixedRows(ref, props.count, 24, 2));
  return (
    <div
      ref={(element) => {
        ref.current = element;
        if (!element) return;
        Object.defineProperty(element, 'clientHeight', { value: 240, configurable: true });
        props.onBox(element);
      }}
    />
  );
}

describe('useFixedRows', () => {
  it('renders the rows in view plus the overscan, and follows scrolling', () => {
    const { rows, box } = setup(1000);
    expect(rows().totalSizePx).toBe(24_000);
    expect(rows().items.map((item) => item.index)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    act(() => {
      box().scrollTop = 2400;
      box().dispatchEvent(new Event('scroll'));
    });
    const indices = rows().items.map((item) => item.index);
    expect([indices[0], indices.at(-1), rows().items[0]?.startPx]).toEqual([98, 111, 98 * 24]);
  });

  it('scrolls only as far as needed to show a row', () => {
    const { rows, box } = setup(1000);
    rows().scrollToIndex(5);
    expect(box().scrollTop).toBe(0);
    rows().scrollToIndex(50);
    expect(box().scrollTop).toBe(51 * 24 - 240);
    rows().scrollToIndex(3);
    expect(box().scrollTop).toBe(72);
  });
});
