import { describe, expect, it } from 'vitest';
import type { Attribute } from '../../model/trace';
import {
  looksLikeJson,
  matchesAttributeFilter,
  prettyJson,
  toAttributeTexts,
  truncateText,
} from './attribute-text';

describe('looksLikeJson', () => {
  it('accepts objects and arrays with surrounding blanks', () => {
    expect(looksLikeJson('{"a":1}')).toBe(true);
    expect(looksLikeJson('  [1, 2]\n')).toBe(true);
  });

  it('rejects scalars, mismatched brackets and empty text', () => {
    expect(looksLikeJson('42')).toBe(false);
    expect(looksLikeJson('"text"')).toBe(false);
    expect(looksLikeJson('{]')).toBe(false);
    expect(looksLikeJson('')).toBe(false);
    expect(looksLikeJson('{')).toBe(false);
  });
});

describe('prettyJson', () => {
  it('indents nested JSON with two spaces', () => {
    expect(prettyJson('{"a":[1,{"b":null}],"c":{}}')).toBe(
      '{\n  "a": [\n    1,\n    {\n      "b": null\n    }\n  ],\n  "c": {}\n}',
    );
  });

  it('matches JSON.stringify for ordinary values', () => {
    const value = { model: 'gpt-4o', messages: [{ role: 'user', content: 'a, b: {c}' }], n: [] };
    expect(prettyJson(JSON.stringify(value))).toBe(JSON.stringify(value, null, 2));
  });

  it('keeps every digit of large integers and escaped quotes in strings', () => {
    expect(prettyJson('{"id":12345678901234567890,"s":"say \\"hi\\", {x}"}')).toBe(
      '{\n  "id": 12345678901234567890,\n  "s": "say \\"hi\\", {x}"\n}',
    );
  });

  it('returns null for text that is not JSON', () => {
    expect(prettyJson('{not json}')).toBeNull();
  });
});

describe('toAttributeTexts', () => {
  it('marks maps, arrays and JSON-looking strings as structured', () => {
    const attributes: Attribute[] = [
      { key: 'plain', value: { type: 'string', value: 'hello' } },
      { key: 'json', value: { type: 'string', value: '{"a":1}' } },
      { key: 'list', value: { type: 'array', value: [{ type: 'int', value: '1' }] } },
      { key: 'flag', value: { type: 'bool', value: true } },
    ];
    expect(toAttributeTexts(attributes).map((a) => [a.key, a.text, a.isStructured])).toEqual([
      ['plain', 'hello', false],
      ['json', '{"a":1}', true],
      ['list', '["1"]', true],
      ['flag', 'true', false],
    ]);
  });
});

describe('matchesAttributeFilter', () => {
  const [attribute] = toAttributeTexts([
    { key: 'http.method', value: { type: 'string', value: 'POST /api?q=(a+b)' } },
  ]);

  it('matches key or value, ignoring case and surrounding blanks', () => {
    expect(matchesAttributeFilter(attribute!, '')).toBe(true);
    expect(matchesAttributeFilter(attribute!, ' HTTP.')).toBe(true);
    expect(matchesAttributeFilter(attribute!, 'post')).toBe(true);
    expect(matchesAttributeFilter(attribute!, 'get')).toBe(false);
  });

  it('treats regex characters literally', () => {
    expect(matchesAttributeFilter(attribute!, '(a+b)')).toBe(true);
    expect(matchesAttributeFilter(attribute!, '.*')).toBe(false);
  });

  it('searches a 5 MB value case-insensitively', () => {
    const [huge] = toAttributeTexts([
      { key: 'blob', value: { type: 'string', value: 'x'.repeat(5_000_000) + 'NEEDLE' } },
    ]);
    expect(matchesAttributeFilter(huge!, 'needle')).toBe(true);
  });
});

describe('truncateText', () => {
  it('returns short text unchanged and cuts long text at the limit', () => {
    expect(truncateText('abc', 5)).toBe('abc');
    expect(truncateText('abcdef', 4)).toBe('abcd');
  });

  it('does not split a surrogate pair', () => {
    expect(truncateText('ab😀cd', 3)).toBe('ab');
  });
});
