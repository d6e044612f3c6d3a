// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

let shouldThrow = true;

function Fragile({ text }: { text: string }) {
  if (shouldThrow) throw new Error(`bad span <img src=x onerror=alert(1)> ${text}`);
  return <p>rendered {text}</p>;
}

beforeEach(() => {
  shouldThrow = true;
  // React and the boundary both report the error; keep the test output clean.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ErrorBoundary', () => {
  it('shows the error in the panel only, as text, while the rest of the page renders', () => {
    render(
      <main>
        <h1>Trace header</h1>
        <ErrorBoundary label="span details">
          <Fragile text="a" />
        </ErrorBoundary>
      </main>,
    );
    const alert = screen.getByRole('alert', { name: 'span details failed' });
    expect(alert.textContent).toContain(
      'This panel failed to render: bad span <img src=x onerror=alert(1)> a',
    );
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Trace header' })).toBeTruthy();
    expect(console.error).toHaveBeenCalled();
  });

  it('renders the children again on Retry', () => {
    render(
      <ErrorBoundary label="span details">
        <Fragile text="b" />
      </ErrorBoundary>,
    );
    shouldThrow = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(screen.getByText('rendered b')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('stays failed on Retry while the child still throws', () => {
    render(
      <ErrorBoundary label="waterfall">
        <Fragile text="c" />
      </ErrorBoundary>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(screen.getByRole('alert', { name: 'waterfall failed' })).toBeTruthy();
  });

  it('resets when a reset key changes (another span selected)', () => {
    const { rerender } = render(
      <ErrorBoundary label="span details" resetKeys={['span-1']}>
        <Fragile text="d" />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    shouldThrow = false;
    rerender(
      <ErrorBoundary label="span details" resetKeys={['span-2']}>
        <Fragile text="e" />
      </ErrorBoundary>,
    );
    expect(screen.getByText('rendered e')).toBeTruthy();
  });

  it('cuts very long messages', () => {
    function Huge(): never {
      throw new Error('x'.repeat(10_000));
    }
    render(
      <ErrorBoundary label="statistics">
        <Huge />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent?.length).toBeLessThan(400);
  });
});
