import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../model/search';
import type { Nanos } from '../model/trace';
import { parseViewState, serializeViewState } from './url-state';
import { DEFAULT_VIEW, type SharedView } from './view-store';

const FULL: SharedView = {
  selectedSpanId: 'a1b2c3d4e5f60718',
  collapsed: new Set(['b', 'a']),
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
