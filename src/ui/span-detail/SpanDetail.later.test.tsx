// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, expect, it } from 'vitest';
import { loadJaegerParsed } from '../../../test/parsed-fixtures';
import { TraceSession } from '../../state/trace-session';
import { fillRecords, packBase, packRecords, reviveBase } from '../../state/trace-transfer';
import { SpanDetail } from './SpanDetail';

afterEach(cleanup);

it('waits for span records that come after the rows, then shows the span', async () => {
  // A span opened from the URL while the trace worker has sent the rows but not the records.
  const parsed = loadJaegerParsed('jaeger/trace-object_genai_57spans_10procs.json');
  const session = new TraceSession({ kind: 'parsed', parsed });
  const { payload, later } = packBase(session.base, { kind: 'objects', spans: parsed.trace.spans });
  const base = reviveBase(structuredClone(payload));
  const span = parsed.trace.spans[3]!;
  // A component that suspends on `use` must be rendered in an awaited act (React 19).
  await act(async () => {
    render(
      <Suspense fallback={<p>loading</p>}>
        <SpanDetail tree={base.tree} node={3} onSelectSpan={() => {}} onClose={() => {}} />
      </Suspense>,
    );
  });
  expect(screen.getByText('loading')).toBeTruthy();
  expect(screen.queryByTestId('span-detail')).toBeNull();

  await act(async () => {
    fillRecords(base, structuredClone(packRecords(later ?? [])));
    await Promise.resolve();
  });
  const panel = await screen.findByTestId('span-detail');
  expect(panel.getAttribute('data-span-id')).toBe(span.spanId);
  expect(panel.textContent).toContain(span.name);
});
