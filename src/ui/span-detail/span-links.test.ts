import { describe, expect, it } from 'vitest';
import type { SpanReference } from '../../model/trace';
import { findNodeBySpanId, resolveReference } from './span-links';
import { TRACE_ID, makeSpan, makeTree } from './test-tree';

const tree = makeTree(
  [makeSpan({ spanId: '04b52eb0cabcb50a' }), makeSpan({ spanId: 'b' }), makeSpan({ spanId: 'c' })],
  { b: '04b52eb0cabcb50a', c: 'ffff' },
);

function ref(spanId: string, traceId = TRACE_ID): SpanReference {
  return { type: 'child_of', traceId, spanId, attributes: [] };
}

describe('findNodeBySpanId', () => {
  it('finds ids as sent, upper case, and without leading zeros', () => {
    expect(findNodeBySpanId(tree, '04b52eb0cabcb50a')).toBe(0);
    expect(findNodeBySpanId(tree, '04B52EB0CABCB50A')).toBe(0);
    expect(findNodeBySpanId(tree, '4b52eb0cabcb50a')).toBe(0);
    expect(findNodeBySpanId(tree, 'nope')).toBeUndefined();
  });
});

describe('resolveReference', () => {
  it('targets spans of this trace, including with a differently padded trace id', () => {
    expect(resolveReference(tree, ref('B'))).toEqual({ isOtherTrace: false, targetSpanId: 'b' });
    expect(resolveReference(tree, ref('b', TRACE_ID.toUpperCase())).targetSpanId).toBe('b');
    expect(resolveReference(tree, ref('b', '')).targetSpanId).toBe('b');
  });

  it('gives no target for another trace or an unknown span', () => {
    expect(resolveReference(tree, ref('b', '1234'))).toEqual({
      isOtherTrace: true,
      targetSpanId: null,
    });
    expect(resolveReference(tree, ref('zzz'))).toEqual({ isOtherTrace: false, targetSpanId: null });
  });
});
