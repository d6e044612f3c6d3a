import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHttpUrl } from './markdown-parse';

describe('parseMarkdown', () => {
  it('reads paragraphs, headings, fenced code, lists, quotes and rules', () => {
    const blocks = parseMarkdown(
      '# Title\n\nline one\nline two\n\n```ts\nconst a = 1 < 2;\n```\n- a\n- b\n\n3. c\n4. d\n\n> quoted\n\n---',
    );
    expect(blocks.map((b) => b.t)).toEqual(['h', 'p', 'code', 'list', 'list', 'quote', 'hr']);
    expect(blocks[1]).toEqual({
      t: 'p',
      c: [{ t: 'text', v: 'line one' }, { t: 'br' }, { t: 'text', v: 'line two' }],
    });
    expect(blocks[2]).toEqual({ t: 'code', lang: 'ts', v: 'const a = 1 < 2;' });
    expect(blocks[4]).toMatchObject({ t: 'list', ordered: true, start: 3 });
  });

  it('reads strong, emphasis and code spans, leaving snake_case alone', () => {
    expect(parseInline('**bold** and *em* and `x*y` in snake_case_name', 0)).toEqual([
      { t: 'strong', c: [{ t: 'text', v: 'bold' }] },
      { t: 'text', v: ' and ' },
      { t: 'em', c: [{ t: 'text', v: 'em' }] },
      { t: 'text', v: ' and ' },
      { t: 'code', v: 'x*y' },
      { t: 'text', v: ' in snake_case_name' },
    ]);
  });

  it('keeps only http(s) links and images; other URLs stay literal text', () => {
    expect(parseInline('[ok](https://example.com/a)', 0)).toEqual([
      { t: 'link', href: 'https://example.com/a', c: [{ t: 'text', v: 'ok' }] },
    ]);
    expect(parseInline('[x](javascript:alert(1))', 0)).toEqual([
      { t: 'text', v: '[x](javascript:alert(1))' },
    ]);
    expect(parseInline('![i](data:image/png;base64,AAAA)', 0)).toEqual([
      { t: 'text', v: '![i](data:image/png;base64,AAAA)' },
    ]);
    expect(safeHttpUrl('HTTPS://Example.com')).toBe('https://example.com/');
    expect(safeHttpUrl('//evil.com')).toBeUndefined();
  });

  it('stays fast on pathological input', () => {
    const nasty = `${'*a_ `'.repeat(15_000)}[${'['.repeat(5_000)}`;
    const started = performance.now();
    parseMarkdown(nasty);
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});
