import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, describeRaw, isNestedDeeper, stringifySafely } from './safe-json';

function nested(depth: number): unknown {
  return JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`);
}

describe('safe-json', () => {
  it('measures nesting without recursion, even 100,000 levels down', () => {
    expect(isNestedDeeper(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(isNestedDeeper(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(isNestedDeeper(nested(100_000))).toBe(true);
    expect(isNestedDeeper('[[[[')).toBe(false);
  });

  it('stringifies what JSON.stringify can, and never throws', () => {
    expect(stringifySafely({ a: [1, 'x'] })).toBe('{"a":[1,"x"]}');
    expect(stringifySafely(undefined)).toBe('undefined');
    expect(stringifySafely(10n)).toMatch(/cannot be shown/);
    expect(stringifySafely(nested(10_000))).toMatch(/nested more than 64 levels/);
  });

  it('describes raw values briefly', () => {
    expect(describeRaw('x'.repeat(500))).toHaveLength(60);
    expect(describeRaw({ a: 1 })).toBe('{"a":1}');
  });
});
