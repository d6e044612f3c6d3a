// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeCriticalPath } from '../../model/critical-path';
import { timingTree, type SpanSpec } from '../../model/test-timing-tree';
import { CriticalPathSummary } from './CriticalPathSummary';
import { formatShare } from './share-format';

afterEach(cleanup);

const MS = 1_000_000;
//  agent    ├══╤──────────────╤─────────────────╤══┤   0..100 ms
//  plan        ├══════════════┤                         5..35  (gpt-x)
//  search                      ├═════════════════┤      35..95
const SPECS: SpanSpec[] = [
  { id: 'agent', start: 0, duration: 100 * MS },
  {
    id: 'plan',
    parent: 'agent',
    start: 5 * MS,
    duration: 30 * MS,
    attributes: { 'gen_ai.request.model': 'gpt-x' },
  },
  { id: 'search', parent: 'agent', start: 35 * MS, duration: 60 * MS },
];

function renderSummary(specs: SpanSpec[], selectedSpanId?: string) {
  const tree = timingTree(specs);
  const onSelectSpan = vi.fn();
  render(
    <CriticalPathSummary
      tree={tree}
      criticalPath={computeCriticalPath(tree)}
      onSelectSpan={onSelectSpan}
      selectedSpanId={selectedSpanId}
    />,
  );
  return onSelectSpan;
}

const itemTexts = () =>
  screen.getAllByTestId('critical-path-item').map((item) => item.getAttribute('data-span-id'));

describe('CriticalPathSummary', () => {
  it('ranks spans by their own path time; a click selects the span', () => {
    const onSelectSpan = renderSummary(SPECS);
    expect(itemTexts()).toEqual(['search', 'plan', 'agent']);
    const search = screen.getAllByTestId('critical-path-item')[0] as HTMLElement;
    expect(search.textContent).toContain('60ms · 60%');
    expect(screen.getByText('100ms of 100ms')).toBeTruthy();
    fireEvent.click(
      within(screen.getByRole('list', { name: 'Spans on the critical path' })).getByText('plan'),
    );
    expect(onSelectSpan).toHaveBeenCalledWith('plan');
  });

  it('shows the per-model share when spans name a model', () => {
    renderSummary(SPECS);
    const model = screen.getByTestId('critical-path-model');
    expect(model.getAttribute('data-model')).toBe('gpt-x');
    expect(model.textContent).toContain('1 call');
    expect(model.textContent).toContain('30ms · 30%');
    cleanup();
    renderSummary(SPECS.map((spec) => ({ ...spec, attributes: {} })));
    expect(screen.queryByTestId('critical-path-model')).toBeNull();
  });

  it('marks the selected span and shows what-if figures for sequential children', () => {
    renderSummary(SPECS, 'agent');
    const agent = screen.getAllByTestId('critical-path-item')[2] as HTMLElement;
    expect(agent.getAttribute('aria-pressed')).toBe('true');
    const whatIf = screen.getByTestId('critical-path-what-if');
    expect(whatIf.textContent).toContain('90ms in sequence');
    expect(whatIf.textContent).toContain('at least 60ms');
    expect(whatIf.textContent).toContain('Saves at most 30ms: an upper bound');
    cleanup();
    renderSummary(SPECS, 'search');
    expect(screen.queryByTestId('critical-path-what-if')).toBeNull();
  });

  it('shows ten items until asked for all', () => {
    const chain: SpanSpec[] = Array.from({ length: 12 }, (_, i) => ({
      id: `s${i}`,
      parent: i === 0 ? undefined : `s${i - 1}`,
      start: i * MS,
      duration: (24 - 2 * i) * MS,
    }));
    renderSummary(chain);
    expect(screen.getAllByTestId('critical-path-item')).toHaveLength(10);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 12' }));
    expect(screen.getAllByTestId('critical-path-item')).toHaveLength(12);
    fireEvent.click(screen.getByRole('button', { name: 'Show fewer' }));
    expect(screen.getAllByTestId('critical-path-item')).toHaveLength(10);
  });

  it('says so when nothing took time', () => {
    renderSummary([{ id: 'instant', start: 0, duration: 0 }]);
    expect(screen.getByText(/No critical path/)).toBeTruthy();
  });
});

describe('formatShare', () => {
  it('keeps small shares readable', () => {
    expect([0, 0.0004, 0.003, 0.075, 0.42, 1].map(formatShare)).toEqual([
      '0%',
      '<0.1%',
      '0.3%',
      '7.5%',
      '42%',
      '100%',
    ]);
  });
});
