// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { computeCriticalPath } from '../../model/critical-path';
import { usePrivacy } from '../../state/privacy';
import { timingTree } from '../../model/test-timing-tree';
import { StatisticsTable } from './StatisticsTable';

afterEach(() => {
  cleanup();
  act(() => usePrivacy.setState({ maskInPanel: false }));
});

const MS = 1_000_000;
const tree = timingTree(
  [
    { id: 'root', name: 'handle', start: 0, duration: 100 * MS },
    {
      id: 'c1',
      parent: 'root',
      name: 'chat',
      start: 10 * MS,
      duration: 30 * MS,
      resource: 1,
      isError: true,
      attributes: { 'gen_ai.request.model': 'gpt-a' },
    },
    { id: 'c2', parent: 'root', name: 'chat', start: 50 * MS, duration: 40 * MS, resource: 1 },
    { id: 'c3', parent: 'root', name: 'db', start: 45 * MS, duration: 10 * MS },
    { id: 'c4', parent: 'root', name: 'db', start: 91 * MS, duration: 4 * MS },
  ],
  [
    { serviceName: 'api', attributes: [] },
    { serviceName: 'llm', attributes: [] },
  ],
);

function renderTable() {
  const onFilter = vi.fn();
  render(
    <StatisticsTable tree={tree} criticalPath={computeCriticalPath(tree)} onFilter={onFilter} />,
  );
  return onFilter;
}

const keys = () =>
  screen.getAllByTestId('statistics-row').map((row) => row.getAttribute('data-key'));
const cells = (key: string) =>
  Array.from(
    screen.getAllByTestId('statistics-row').find((row) => row.getAttribute('data-key') === key)
      ?.children ?? [],
    (cell) => cell.textContent,
  );

describe('StatisticsTable', () => {
  it('groups by service by default, most total time first', () => {
    renderTable();
    expect(keys()).toEqual(['api', 'llm']);
    // api: handle 100 ms + db 10 + 4 ms; self of handle = 100 − 30 − 45 − 4 = 21 ms.
    expect(cells('api')).toEqual([
      'api',
      '3',
      '114ms',
      '35ms',
      '38ms',
      '10ms',
      '100ms',
      '100ms',
      '0',
      '30%',
    ]);
    expect(cells('llm')[8]).toBe('1');
  });

  it('switches grouping', () => {
    renderTable();
    fireEvent.click(screen.getByRole('button', { name: 'Operation' }));
    expect(keys()).toEqual(['handle', 'chat', 'db']);
    expect(screen.getByRole('columnheader', { name: /Operation/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Model' }));
    expect(keys()).toEqual(['gpt-a']);
  });

  it('sorts by a column, descending first, then ascending', () => {
    renderTable();
    fireEvent.click(screen.getByRole('button', { name: 'Operation' }));
    const countHeader = screen.getByRole('columnheader', { name: /Count/ });
    fireEvent.click(screen.getByRole('button', { name: /Count/ }));
    expect(countHeader.getAttribute('aria-sort')).toBe('descending');
    expect(keys()).toEqual(['chat', 'db', 'handle']);
    fireEvent.click(screen.getByRole('button', { name: /Count/ }));
    expect(countHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(keys()).toEqual(['handle', 'chat', 'db']);
    const nameHeader = screen.getByRole('columnheader', { name: /Operation/ });
    fireEvent.click(within(nameHeader).getByRole('button'));
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(keys()).toEqual(['chat', 'db', 'handle']);
  });

  it('a row click filters to its group, once', () => {
    const onFilter = renderTable();
    fireEvent.click(screen.getAllByTestId('statistics-row')[1] as HTMLElement);
    expect(onFilter).toHaveBeenLastCalledWith({ by: 'service', key: 'llm' });
    fireEvent.click(screen.getByRole('button', { name: 'Model' }));
    fireEvent.click(screen.getByRole('button', { name: 'gpt-a' }));
    expect(onFilter).toHaveBeenLastCalledWith({ by: 'model', key: 'gpt-a' });
    expect(onFilter).toHaveBeenCalledTimes(2);
  });

  it('masks operation names while the panel masks, and still filters by the real name', () => {
    const named = timingTree(
      [
        { id: 'root', name: 'handle', start: 0, duration: 10 * MS },
        { id: 'c1', parent: 'root', name: 'mail jane.doe@example.com', start: 0, duration: MS },
      ],
      [{ serviceName: 'api', attributes: [] }],
    );
    const onFilter = vi.fn();
    act(() => usePrivacy.setState({ maskInPanel: true }));
    render(
      <StatisticsTable
        tree={named}
        criticalPath={computeCriticalPath(named)}
        onFilter={onFilter}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Operation' }));
    expect(document.body.innerHTML).not.toContain('jane.doe@example.com');
    fireEvent.click(screen.getByRole('button', { name: 'mail [email]' }));
    expect(onFilter).toHaveBeenLastCalledWith({
      by: 'operation',
      key: 'mail jane.doe@example.com',
    });
  });
});
