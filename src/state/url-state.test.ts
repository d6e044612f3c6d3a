// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { generateRandomTrace } from '../../test/generate-trace';
import {
  decodeCollapsed,
  encodeCollapsed,
  indexCollapsibleNodes,
} from '../model/collapsed-encoding';
import { EMPTY_FILTER } from '../model/search';
import { buildSpanTree, type SpanTree } from '../model/span-tree';
import type { Nanos } from '../model/trace';
import {
  createCollapsedEncoder,
  parseViewState,
  serializeViewState,
  useUrlViewSync,
} from './url-state';
import { DEFAULT_VIEW, useViewStore, type SharedView } from './view-store';

const FULL: SharedView = {
  selectedSpanId: 'a1b2c3d4e5f60718',
  collapsed: new Set(['b', 'a']),
  collapsedToken: null,
  filter: {
    text: 'checkout "GET /api" http.status_code=500',
    models: ['gpt-4o-mini', 'claude-sonnet-4-0'],
    errorsOnly: true,
    kinds: ['llm', 'tool'],
    services: ['frontend'],
    minDurationNs: 250_000_000 as Nanos,
  },
  filterView: 'hide',
  zoom: { fromMs: 12.5, toMs: 880.25 },
  showCriticalPath: false,
};

describe('url view state', () => {
  it('round-trips every shared field through the contract parameter names', () => {
    const params = serializeViewState(FULL, new URLSearchParams());
    expect(params.get('span')).toBe('a1b2c3d4e5f60718');
    expect(params.get('q')).toBe('checkout "GET /api" http.status_code=500');
    expect(params.getAll('model')).toEqual(['gpt-4o-mini', 'claude-sonnet-4-0']);
    expect(params.get('errors')).toBe('1');
    expect(params.getAll('kind')).toEqual(['llm', 'tool']);
    expect(params.getAll('service')).toEqual(['frontend']);
    expect(params.get('minDuration')).toBe('250ms');
    expect(params.get('view')).toBe('hide');
    expect(params.get('from')).toBe('12.5');
    expect(params.get('to')).toBe('880.25');
    expect(params.get('collapsed')).toBe('a,b');
    expect(params.get('cp')).toBe('0');
    expect(parseViewState(new URLSearchParams(params.toString()))).toEqual(FULL);
  });

  it('writes nothing for the default view and keeps parameters it does not own', () => {
    const base = new URLSearchParams('tab=stats&span=old&collapsed=x&errors=1');
    expect(serializeViewState(DEFAULT_VIEW, base).toString()).toBe('tab=stats');
  });

  it('falls back to defaults for blank or malformed values', () => {
    const view = parseViewState(
      new URLSearchParams('span=&collapsed=,,&kind=bogus&minDuration=soon&from=9&to=3&view=x'),
    );
    expect(view).toEqual({ ...DEFAULT_VIEW, filter: EMPTY_FILTER });
  });

  it('accepts comma-separated repeatable values as in a hand-written link', () => {
    const view = parseViewState(new URLSearchParams('kind=llm,tool&collapsed=s1,s2'));
    expect(view.filter.kinds).toEqual(['llm', 'tool']);
    expect([...view.collapsed]).toEqual(['s1', 's2']);
  });
});

const TREE = buildSpanTree(generateRandomTrace(5_000, 3));
const INDEX = indexCollapsibleNodes(TREE);
const ALL = new Set(INDEX.ids);
const TOKEN = encodeCollapsed(INDEX, ALL) as string;
const withCollapsed = (ids: Iterable<string>): SharedView => ({
  ...DEFAULT_VIEW,
  collapsed: new Set(ids),
});

describe('compact collapsed rows in the url', () => {
  it('keeps a token from the url aside, to be resolved against the tree', () => {
    const view = parseViewState(new URLSearchParams(`collapsed=${TOKEN}`));
    expect(view.collapsedToken).toBe(TOKEN);
    expect(view.collapsed.size).toBe(0);
    const decoded = decodeCollapsed(INDEX, view.collapsedToken as string);
    expect(decoded.ok && new Set(decoded.ids)).toEqual(ALL);
  });

  it('writes a pending token back unchanged, so nothing is lost while the tree loads', () => {
    const view = { ...DEFAULT_VIEW, collapsedToken: TOKEN };
    expect(serializeViewState(view, new URLSearchParams()).get('collapsed')).toBe(TOKEN);
  });

  it('writes "collapse all" as a token of a few characters once the tree is known', () => {
    const encode = createCollapsedEncoder(TREE);
    const params = serializeViewState(withCollapsed(ALL), new URLSearchParams('x=1'), encode);
    expect(params.get('collapsed')).toBe(TOKEN);
    expect(params.toString().length).toBeLessThan(40);
    expect(parseViewState(params).collapsedToken).toBe(TOKEN);
    // Without the tree, the same set is the contract's (long) list.
    const list = serializeViewState(withCollapsed(ALL), new URLSearchParams()).get('collapsed');
    expect(list?.split(',')).toEqual([...ALL].sort());
  });

  it('keeps short lists in the contract form, even with a tree', () => {
    const encode = createCollapsedEncoder(TREE);
    const eight = INDEX.ids.slice(0, 8);
    const params = serializeViewState(withCollapsed(eight), new URLSearchParams(), encode);
    expect(params.get('collapsed')).toBe([...eight].sort().join(','));
    const nine = INDEX.ids.slice(0, 9);
    const long = serializeViewState(withCollapsed(nine), new URLSearchParams(), encode);
    expect(long.get('collapsed')?.startsWith('~')).toBe(true);
  });

  it('keeps the list when the tree cannot say it (unknown or leaf ids) or it is shorter', () => {
    const ids = [...INDEX.ids.slice(0, 20), 'not-in-this-trace'];
    const encode = createCollapsedEncoder(TREE);
    const params = serializeViewState(withCollapsed(ids), new URLSearchParams(), encode);
    expect(params.get('collapsed')).toBe([...ids].sort().join(','));
    const short = Array.from({ length: 9 }, (_, i) => String(i));
    const huge = () => '~r' + 'A'.repeat(100);
    expect(
      serializeViewState(withCollapsed(short), new URLSearchParams(), huge).get('collapsed'),
    ).toBe(short.join(','));
  });
});

describe('useUrlViewSync with a compact token', () => {
  afterEach(() => {
    cleanup();
    useViewStore.getState().reset(DEFAULT_VIEW);
  });

  function setup(initialUrl: string, tree: SpanTree | undefined) {
    const wrapper = ({ children }: { children: ReactNode }) =>
      createElement(MemoryRouter, { initialEntries: [initialUrl] }, children);
    return renderHook(
      ({ tree: current }: { tree: SpanTree | undefined }) => {
        useUrlViewSync('local/t1', current);
        return { location: useLocation(), navigate: useNavigate() };
      },
      { wrapper, initialProps: { tree } },
    );
  }
  const collapsedOf = (search: string) => new URLSearchParams(search).get('collapsed');

  it('keeps the token in the url while the tree loads, then collapses its spans', () => {
    const hook = setup(`/trace/local/t1?collapsed=${TOKEN}&span=x`, undefined);
    expect(useViewStore.getState().collapsedToken).toBe(TOKEN);
    expect(collapsedOf(hook.result.current.location.search)).toBe(TOKEN);
    hook.rerender({ tree: TREE });
    expect(useViewStore.getState().collapsed).toEqual(ALL);
    expect(useViewStore.getState().collapsedToken).toBeNull();
    expect(collapsedOf(hook.result.current.location.search)).toBe(TOKEN);
    act(() => useViewStore.getState().expandAll());
    expect(collapsedOf(hook.result.current.location.search)).toBeNull();
  });

  it('resolves at once when the tree is already there, and again on Back', () => {
    const hook = setup(`/trace/local/t1?collapsed=${TOKEN}`, TREE);
    expect(useViewStore.getState().collapsed).toEqual(ALL);
    act(() => hook.result.current.navigate('/trace/local/t1?errors=1'));
    expect(useViewStore.getState().collapsed.size).toBe(0);
    act(() => hook.result.current.navigate(-1));
    expect(useViewStore.getState().collapsed).toEqual(ALL);
    expect(collapsedOf(hook.result.current.location.search)).toBe(TOKEN);
  });

  it('turns a long list into a token once the tree is known', () => {
    const ids = INDEX.ids.slice(0, 30).sort();
    const hook = setup(`/trace/local/t1?collapsed=${ids.join(',')}`, undefined);
    expect(collapsedOf(hook.result.current.location.search)).toBe(ids.join(','));
    hook.rerender({ tree: TREE });
    const written = collapsedOf(hook.result.current.location.search) as string;
    expect(written.startsWith('~')).toBe(true);
    expect(useViewStore.getState().collapsed).toEqual(new Set(ids));
  });

  it('ignores a token made against another shape of the trace, and says so', () => {
    const other = buildSpanTree(generateRandomTrace(5_200, 3));
    const hook = setup(`/trace/local/t1?collapsed=${TOKEN}`, other);
    expect(useViewStore.getState().collapsed.size).toBe(0);
    expect(useViewStore.getState().collapsedTokenProblem).toBe('changed');
    expect(collapsedOf(hook.result.current.location.search)).toBeNull();
  });
});
