// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildSpanTree } from '../../model/span-tree';
import type { SpanReference, Trace } from '../../model/trace';
import { asEpochMicros, asNanos } from '../../model/trace';
import { SpanDetail } from './SpanDetail';
import { TRACE_ID, makeSpan } from './test-tree';

afterEach(cleanup);

function childOf(spanId: string): SpanReference {
  return { type: 'child_of', traceId: TRACE_ID, spanId, attributes: [] };
}

// Ids as a Jaeger backend may send them: the parent reference without its leading zero.
const trace: Trace = {
  traceId: TRACE_ID,
  startEpochUs: asEpochMicros(1_700_000_000_000_000),
  spans: [
    makeSpan({ spanId: '0a00000000000001', name: 'root' }),
    makeSpan({
      spanId: '0b00000000000002',
      name: 'child',
      references: [childOf('a00000000000001')],
    }),
    makeSpan({
      spanId: '0c00000000000003',
      startNs: asNanos(1_000),
      references: [childOf('dead')],
    }),
    makeSpan({
      spanId: '0d00000000000004',
      startNs: asNanos(2_000),
      references: [childOf('dead')],
    }),
  ],
  resources: [{ serviceName: 'checkout', attributes: [] }],
  warnings: [],
};
const tree = buildSpanTree(trace);

function renderId(spanId: string) {
  const node = tree.nodeById.get(spanId);
  if (node === undefined) throw new Error(`no node ${spanId}`);
  const onSelectSpan = vi.fn();
  render(<SpanDetail tree={tree} node={node} onSelectSpan={onSelectSpan} onClose={vi.fn()} />);
  return onSelectSpan;
}

describe('SpanDetail on a tree from buildSpanTree', () => {
  it('selects the parent by the id the tree knows it by', () => {
    const onSelectSpan = renderId('0b00000000000002');
    fireEvent.click(screen.getByRole('button', { name: /^Select parent span/ }));
    expect(onSelectSpan).toHaveBeenCalledWith('0a00000000000001');
  });

  it('explains the placeholder of a missing parent and counts its orphans', () => {
    const missing = tree.placeholders[0]!.spanId;
    renderId(missing);
    const panel = screen.getByTestId('span-detail');
    expect(panel.dataset.spanId).toBe(missing);
    expect(panel.textContent).toContain('never arrived; 2 spans hang under it');
  });
});
