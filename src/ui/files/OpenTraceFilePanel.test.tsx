// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useOpenedFiles } from '../../state/opened-files';
import { FileDropOverlay } from './FileDropOverlay';
import { OpenedFilePage } from './OpenedFilePage';
import { OpenTraceFilePanel } from './OpenTraceFilePanel';

const fixture = (rel: string) => readFileSync(path.resolve('test/fixtures', rel), 'utf8');
const SKEW = fixture('zipkin/zipkin-v2_skew.json');

function Location() {
  const { pathname } = useLocation();
  return <output data-testid="location">{pathname}</output>;
}

function renderHome() {
  render(
    <MemoryRouter initialEntries={['/']}>
      <Routes>
        <Route path="/" element={<OpenTraceFilePanel />} />
        <Route path="/file" element={<OpenedFilePage />} />
        <Route path="*" element={null} />
      </Routes>
      <FileDropOverlay />
      <Location />
    </MemoryRouter>,
  );
}

const location = () => screen.getByTestId('location').textContent;

beforeEach(() => {
  sessionStorage.clear();
  useOpenedFiles.setState({ file: null, error: null });
});
afterEach(cleanup);

describe('opening trace files', () => {
  it('opens a picked file at /trace/file/:traceId', async () => {
    renderHome();
    const input = screen.getByTestId('open-file-input');
    fireEvent.change(input, { target: { files: [new File([SKEW], 'skew.json')] } });
    await waitFor(() => expect(location()).toBe('/trace/file/1e223ff1f80f1c69'));
  });

  it('lists the traces of a file holding several', async () => {
    renderHome();
    const lines = [
      fixture('otlp/otlp-proto-examples_trace.json'),
      fixture('llm/vercel-ai/rag.json'),
    ]
      .map((text) => JSON.stringify(JSON.parse(text)))
      .join('\n');
    fireEvent.change(screen.getByTestId('open-file-input'), {
      target: { files: [new File([lines], 'export.jsonl')] },
    });
    await waitFor(() => expect(location()).toBe('/file'));
    const rows = screen.getAllByTestId('recent-trace');
    expect(rows.map((r) => r.dataset.sourceId)).toEqual(['file', 'file']);
    expect(screen.getByText(/OTLP\/JSON Lines/)).toBeTruthy();
  });

  it('shows a malformed file as an error with its position, and stays put', async () => {
    renderHome();
    fireEvent.change(screen.getByTestId('open-file-input'), {
      target: { files: [new File(['{\n  "batches": [,]\n}'], 'broken.json')] },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not open broken.json');
    expect(alert.textContent).toContain('line 2, column 15');
    expect(location()).toBe('/');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('opens pasted JSON (Ctrl+V on the page and the paste box)', async () => {
    renderHome();
    const paste = new Event('paste', { bubbles: true, cancelable: true });
    Object.assign(paste, { clipboardData: { getData: () => SKEW } });
    document.body.dispatchEvent(paste);
    await waitFor(() => expect(location()).toBe('/trace/file/1e223ff1f80f1c69'));
  });

  it('opens a file dropped anywhere on the window', async () => {
    renderHome();
    const file = new File([fixture('jaeger/trace-object_child-outlives-parent.json')], 't.json');
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.assign(drop, { dataTransfer: { types: ['Files'], files: [file] } });
    document.body.dispatchEvent(drop);
    await waitFor(() => expect(location()).toBe('/trace/file/006c3cf93508f205'));
    expect(drop.defaultPrevented).toBe(true);
  });
});
