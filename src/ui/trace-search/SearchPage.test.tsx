// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SearchPage } from './SearchPage';

const SKEW = readFileSync(path.resolve('test/fixtures/zipkin/zipkin-v2_skew.json'), 'utf8');
const KAFKA = readFileSync(
  path.resolve('test/fixtures/zipkin/zipkin-v2_messaging-kafka.json'),
  'utf8',
);

const requests: string[] = [];

function answer(url: string): Response {
  requests.push(url);
  const json = (body: unknown) =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body));
  if (url === '/api/sources') return json([{ id: 'zipkin', name: 'Zipkin', kind: 'zipkin' }]);
  if (url.startsWith('/api/sources/zipkin/api/v2/services')) return json(['servicea', 'serviceb']);
  if (url.startsWith('/api/sources/zipkin/api/v2/spans')) return json(['get', 'post']);
  if (url.startsWith('/api/sources/zipkin/api/v2/traces')) return json(`[${SKEW},${KAFKA}]`);
  return new Response('not found', { status: 404 });
}

function Location() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

function renderAt(url: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/search/:sourceId" element={<SearchPage />} />
        </Routes>
        <Location />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  requests.length = 0;
  vi.stubGlobal('fetch', (url: string) => Promise.resolve(answer(url)));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('SearchPage', () => {
  it('runs the search in the URL and lists results with the contract test ids', async () => {
    renderAt('/search/zipkin?service=servicea&lookback=15m');
    const rows = await screen.findAllByTestId('recent-trace');
    expect(rows.map((r) => [r.dataset.traceId, r.dataset.sourceId])).toEqual([
      ['0562809467078eab', 'zipkin'],
      ['1e223ff1f80f1c69', 'zipkin'],
    ]);
    const link = within(rows[1] as HTMLElement).getByRole('link');
    expect(link.getAttribute('href')).toBe('/trace/zipkin/1e223ff1f80f1c69');
    const search = requests.find((r) => r.includes('/api/v2/traces')) ?? '';
    const params = new URL(search, 'http://x').searchParams;
    expect([params.get('serviceName'), params.get('lookback')]).toEqual(['servicea', '900000']);
  });

  it('sorts by a column when its header is clicked', async () => {
    renderAt('/search/zipkin?lookback=1h');
    await screen.findAllByTestId('recent-trace');
    fireEvent.click(screen.getByRole('button', { name: 'Spans' }));
    const ids = screen.getAllByTestId('recent-trace').map((r) => r.dataset.traceId);
    expect(ids).toEqual(['0562809467078eab', '1e223ff1f80f1c69']);
    fireEvent.click(screen.getByRole('button', { name: /Spans/ }));
    expect(screen.getAllByTestId('recent-trace').map((r) => r.dataset.traceId)).toEqual([
      '1e223ff1f80f1c69',
      '0562809467078eab',
    ]);
  });

  it('writes the submitted form into the URL, and refuses bad input with a message', async () => {
    renderAt('/search/zipkin');
    expect(screen.queryByTestId('recent-trace')).toBeNull();
    fireEvent.change(screen.getByLabelText('Service (optional)'), {
      target: { value: 'serviceb' },
    });
    fireEvent.change(screen.getByLabelText('Tags'), { target: { value: 'http.path=/api broken' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect((await screen.findByRole('alert')).textContent).toContain('"broken" is not');
    fireEvent.change(screen.getByLabelText('Tags'), { target: { value: 'http.path=/api' } });
    fireEvent.change(screen.getByLabelText('Min duration'), { target: { value: '250ms' } });
    fireEvent.change(screen.getByLabelText('Time range'), { target: { value: '6h' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(
        '/search/zipkin?service=serviceb&tag=http.path%3D%2Fapi&lookback=6h&minDuration=250ms',
      ),
    );
    expect(await screen.findAllByTestId('recent-trace')).toHaveLength(2);
  });

  it('says so when the source does not exist', async () => {
    renderAt('/search/nope?lookback=1h');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'no searchable source called “nope”',
    );
  });
});
