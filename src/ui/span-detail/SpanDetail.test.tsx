// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { asNanos } from '../../model/trace';
import { SpanDetail } from './SpanDetail';
import { makeSpan, makeTree, str } from './test-tree';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror=alert(1)>';

const root = makeSpan({ spanId: 'aaaa000000000001', name: 'GET /checkout' });
const child = makeSpan({
  spanId: 'bbbb000000000002',
  name: 'charge card',
  kind: 'client',
  startNs: asNanos(2_000_000),
  durationNs: asNanos(12_500_000),
  status: { code: 'error', message: 'card declined' },
  scope: { name: 'payments-sdk', version: '2.1.0' },
  attributes: [str('http.method', 'POST'), str('http.url', '/pay'), str('user.id', '42')],
  events: [{ name: 'retry', timeNs: asNanos(5_000_000), attributes: [str('attempt', '2')] }],
  references: [
    { type: 'child_of', traceId: '', spanId: 'AAAA000000000001', attributes: [] },
    { type: 'follows_from', traceId: 'ffff', spanId: 'cccc', attributes: [] },
    { type: 'link', traceId: '', spanId: 'dddd', attributes: [] },
  ],
  warnings: ['clock skew adjusted by 3ms'],
});
const orphan = makeSpan({ spanId: 'cccc000000000003', durationNs: null });
const tree = makeTree([root, child, orphan], {
  bbbb000000000002: 'aaaa000000000001',
  cccc000000000003: 'eeee000000000009',
});

function renderNode(node: number) {
  const onSelectSpan = vi.fn();
  const onClose = vi.fn();
  render(<SpanDetail tree={tree} node={node} onSelectSpan={onSelectSpan} onClose={onClose} />);
  return { onSelectSpan, onClose, panel: screen.getByTestId('span-detail') };
}

describe('SpanDetail', () => {
  it('shows the span with its contract test ids', () => {
    const { panel } = renderNode(1);
    expect(panel.dataset.spanId).toBe('bbbb000000000002');
    expect(screen.getByRole('heading', { name: 'charge card' })).toBeTruthy();
    expect(screen.getByTestId('detail-duration-ms').dataset.value).toBe('12.5');
    expect(screen.getByText('12.5ms')).toBeTruthy();
    expect(screen.getByText('+2ms')).toBeTruthy();
    expect(screen.getByText('payments-sdk 2.1.0')).toBeTruthy();
    expect(screen.getByText('Error')).toBeTruthy();
    expect(screen.getAllByText('card declined').length).toBeGreaterThan(0);
  });

  it('selects the parent span and closes', () => {
    const { onSelectSpan, onClose } = renderNode(1);
    fireEvent.click(screen.getByRole('button', { name: 'Select parent span aaaa000000000001' }));
    expect(onSelectSpan).toHaveBeenCalledWith('aaaa000000000001');
    fireEvent.click(screen.getByRole('button', { name: 'Close span details' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('says when a span has no end', () => {
    renderNode(2);
    const duration = screen.getByTestId('detail-duration-ms');
    expect(duration.textContent).toBe('no end recorded');
    expect(duration.dataset.value).toBeUndefined();
  });

  it('shows events with offsets from the span and the trace start', () => {
    renderNode(1);
    expect(screen.getByRole('heading', { name: /Events\s*1/ })).toBeTruthy();
    expect(screen.getByText('retry')).toBeTruthy();
    expect(screen.getByText('+3ms', { exact: false })).toBeTruthy();
    expect(screen.getByText('· trace +5ms', { exact: false })).toBeTruthy();
  });

  it('jumps along references in this trace and disables the others', () => {
    const { onSelectSpan } = renderNode(1);
    const references = screen.getByRole('heading', { name: /References & links\s*3/ })
      .parentElement as HTMLElement;
    fireEvent.click(within(references).getByRole('button', { name: 'AAAA000000000001' }));
    expect(onSelectSpan).toHaveBeenCalledWith('aaaa000000000001');
    expect(within(references).getByRole('button', { name: 'cccc' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(within(references).getByRole('button', { name: 'dddd' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(within(references).getByText('in another trace', { exact: false })).toBeTruthy();
    expect(within(references).getAllByText('not in this trace')).toHaveLength(2);
    expect(within(references).getByText('FOLLOWS_FROM')).toBeTruthy();
  });

  it('shows warnings and collapses sections', () => {
    renderNode(1);
    expect(screen.getByText('clock skew adjusted by 3ms')).toBeTruthy();
    const toggle = screen.getByRole('button', { name: /Warnings/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('clock skew adjusted by 3ms')).toBeNull();
  });

  it('explains a placeholder for a missing parent', () => {
    const { panel, onClose } = renderNode(3);
    expect(panel.dataset.spanId).toBe('eeee000000000009');
    expect(panel.textContent).toContain('Missing span eeee000000000009');
    expect(panel.textContent).toContain('never arrived; 1 span hangs under it');
    fireEvent.click(screen.getByRole('button', { name: 'Close span details' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('renders hostile trace text as text', () => {
    const evil = makeSpan({
      spanId: HOSTILE,
      name: HOSTILE,
      status: { code: 'error', message: HOSTILE },
      attributes: [str(HOSTILE, HOSTILE)],
      events: [{ name: HOSTILE, timeNs: asNanos(0), attributes: [str(HOSTILE, HOSTILE)] }],
      references: [{ type: 'link', traceId: HOSTILE, spanId: HOSTILE, attributes: [] }],
      warnings: [HOSTILE],
    });
    render(
      <SpanDetail tree={makeTree([evil])} node={0} onSelectSpan={vi.fn()} onClose={vi.fn()} />,
    );
    const panel = screen.getByTestId('span-detail');
    expect(panel.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading', { name: HOSTILE })).toBeTruthy();
    expect(screen.getAllByText(HOSTILE).length).toBeGreaterThanOrEqual(8);
  });
});
