import { describe, expect, it } from 'vitest';
import type { Attribute } from '../trace';
import { normalizeUsage } from './call-common';
import { MAX_JSON_CHARS, MAX_MESSAGES } from './llm-call';
import { normalizeMessages } from './message-json';
import { SpanAttrs } from './span-attrs';

const s = (key: string, value: string): Attribute => ({ key, value: { type: 'string', value } });

describe('SpanAttrs', () => {
  it('parses a JSON attribute once however often it is read', () => {
    const attrs = new SpanAttrs([s('big', '[{"role":"user","content":"x"}]')]);
    const original = JSON.parse;
    let parses = 0;
    JSON.parse = ((text: string) => {
      parses++;
      return original(text) as unknown;
    }) as typeof JSON.parse;
    try {
      const first = attrs.json('big');
      const second = attrs.json('big');
      expect(second).toBe(first);
      expect(parses).toBe(1);
    } finally {
      JSON.parse = original;
    }
  });

  it('never parses an oversized string and says so', () => {
    const huge = `[${'"x",'.repeat(MAX_JSON_CHARS / 4)}"x"]`;
    const attrs = new SpanAttrs([s('gen_ai.input.messages', huge)]);
    expect(attrs.json('gen_ai.input.messages')).toBeUndefined();
    expect(attrs.isOversized).toBe(true);
  });

  it('keeps the first of duplicate keys and reads numbers from ints, floats and strings', () => {
    const attrs = new SpanAttrs([
      { key: 'n', value: { type: 'int', value: '42' } },
      { key: 'n', value: { type: 'int', value: '7' } },
      { key: 'f', value: { type: 'float', value: 1.5 } },
      s('t', '12'),
      s('bad', 'twelve'),
    ]);
    expect([attrs.number('n'), attrs.number('f'), attrs.number('t'), attrs.number('bad')]).toEqual([
      42,
      1.5,
      12,
      undefined,
    ]);
    expect(attrs.count('f')).toBe(2);
  });

  it('groups flattened lists by index and caps them', () => {
    const attrs = new SpanAttrs([
      s('p.10.role', 'user'),
      s('p.2.role', 'system'),
      s('p.2.content', 'sys'),
      s('p.x.role', 'ignored'),
    ]);
    const groups = attrs.indexed('p', 10);
    expect(
      groups.map((g) =>
        [...g.entries()].map(([k, v]) => `${k}=${v.type === 'string' ? v.value : ''}`),
      ),
    ).toEqual([['role=system', 'content=sys'], ['role=user']]);
    expect(attrs.indexed('p', 1)).toHaveLength(1);
  });
});

describe('normalizeMessages', () => {
  it('caps a long conversation and says so', () => {
    const raw = Array.from({ length: MAX_MESSAGES + 5 }, (_, n) => ({
      role: 'user',
      content: `m${n}`,
    }));
    const { messages, isTruncated } = normalizeMessages(raw, 'user');
    expect(messages).toHaveLength(MAX_MESSAGES);
    expect(isTruncated).toBe(true);
  });

  it('keeps images as inert media parts with their URL', () => {
    const { messages } = normalizeMessages(
      [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] }],
      'user',
    );
    expect(messages[0]?.parts).toEqual([
      { type: 'media', label: 'image_url', text: 'https://x/y.png' },
    ]);
  });
});

describe('normalizeUsage', () => {
  it.each([
    // [raw, expected input, expected total]
    [{ input: 298, output: 124, cacheRead: 128, total: 422 }, 298, 422], // includes (total says)
    [{ input: 122, output: 61, cacheRead: 64, total: 247 }, 186, 247], // excludes (total says)
    [{ input: 20, output: 10, cacheRead: 100 }, 120, 130], // input smaller than its cache part
    [{ input: 500, output: 10, cacheRead: 100 }, 500, 510], // plausible: includes
    [{ input: 20, output: 10, cacheRead: 5, cacheWrite: 5, inputIncludesCache: false }, 30, 40],
    [{ input: 20, output: 10, cacheRead: 100, total: 30, inputIncludesCache: false }, 120, 130],
  ])('%j', (raw, input, total) => {
    expect(normalizeUsage(raw)).toMatchObject({ input, total });
  });

  it('is undefined when nothing was recorded', () => {
    expect(normalizeUsage({ reasoning: 3 })).toBeUndefined();
    expect(normalizeUsage({ total: 9 })).toEqual({ total: 9 });
  });
});
