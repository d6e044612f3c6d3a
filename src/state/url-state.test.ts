import { describe, expect, it } from 'vitest';
import { parseViewState, serializeViewState } from './url-state';

describe('url view state', () => {
  it('round-trips the selected span and collapsed ids', () => {
    const state = { span: 'a1b2c3d4e5f60718', collapsed: ['b', 'a'] };
    const params = serializeViewState(state, new URLSearchParams());
    expect(params.toString()).toBe('span=a1b2c3d4e5f60718&collapsed=a%2Cb');
    expect(parseViewState(params)).toEqual({ span: 'a1b2c3d4e5f60718', collapsed: ['a', 'b'] });
  });

  it('keeps parameters it does not own and drops empty ones', () => {
    const base = new URLSearchParams('q=checkout&span=old&collapsed=x');
    const params = serializeViewState({ span: null, collapsed: [] }, base);
    expect(params.toString()).toBe('q=checkout');
  });

  it('treats blank values as unset', () => {
    expect(parseViewState(new URLSearchParams('span=&collapsed=,,'))).toEqual({
      span: null,
      collapsed: [],
    });
  });
});
