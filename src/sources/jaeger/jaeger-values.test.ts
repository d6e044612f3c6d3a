import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/fixtures';
import type { Attribute, Problem } from '../../model/trace';
import { convertTags, kindFromTags, readMicros, statusFromTags } from './jaeger-values';

function convert(tags: unknown) {
  const problems: Problem[] = [];
  const attributes = convertTags(tags, problems, 'abc', 'tag');
  return { attributes, problems };
}

const one = (type: unknown, value: unknown) => convert([{ key: 'k', type, value }]);
const tags = (entries: [string, string | boolean][]): Attribute[] =>
  entries.map(([key, value]) => ({
    key,
    value: typeof value === 'boolean' ? { type: 'bool', value } : { type: 'string', value },
  }));

describe('convertTags', () => {
  it('keeps every declared type', () => {
    const { attributes, problems } = convert([
      { key: 's', type: 'string', value: 'x' },
      { key: 'b', type: 'bool', value: false },
      { key: 'i', type: 'int64', value: -42 },
      { key: 'f', type: 'float64', value: 0.5 },
      { key: 'bin', type: 'binary', value: 'AQID' },
    ]);
    expect(problems).toEqual([]);
    expect(attributes.map((a) => a.value)).toEqual([
      { type: 'string', value: 'x' },
      { type: 'bool', value: false },
      { type: 'int', value: '-42' },
      { type: 'float', value: 0.5 },
      { type: 'binary', value: 'AQID' },
    ]);
  });

  it('keeps int64 beyond 2^53 exact when it arrives as a string', () => {
    expect(one('int64', '9223372036854775807').attributes[0]?.value).toEqual({
      type: 'int',
      value: '9223372036854775807',
    });
    expect(one('int64', '-9007199254740993').attributes[0]?.value).toEqual({
      type: 'int',
      value: '-9007199254740993',
    });
    // A number already rounded by JSON.parse is printed exactly as stored, never as 1e+21.
    expect(one('int64', 1e21).attributes[0]?.value).toEqual({
      type: 'int',
      value: '1000000000000000000000',
    });
  });

  it('reads bool and numbers sent as strings (anonymizer style) without a problem', () => {
    expect(one('bool', 'true')).toEqual({
      attributes: [{ key: 'k', value: { type: 'bool', value: true } }],
      problems: [],
    });
    expect(one('bool', 'FALSE').attributes[0]?.value).toEqual({ type: 'bool', value: false });
    expect(one('float64', '2.5').attributes[0]?.value).toEqual({ type: 'float', value: 2.5 });
    expect(one('string', 12).attributes[0]?.value).toEqual({ type: 'string', value: '12' });
    expect(one('INT64', '+007').attributes[0]?.value).toEqual({ type: 'int', value: '7' });
  });

  it('keeps a value that contradicts its type with its JSON type, and reports it', () => {
    const bool = one('bool', 'yes');
    expect(bool.attributes[0]?.value).toEqual({ type: 'string', value: 'yes' });
    expect(bool.problems).toMatchObject([{ kind: 'invalid-value', spanId: 'abc' }]);
    expect(bool.problems[0]?.message).toContain('"k"');
    expect(one('int64', 1.5).attributes[0]?.value).toEqual({ type: 'float', value: 1.5 });
    expect(one('int64', 'abc').problems).toHaveLength(1);
    expect(one('binary', 5).attributes[0]?.value).toEqual({ type: 'int', value: '5' });
    expect(one('string', { a: 1 }).attributes[0]?.value).toEqual({
      type: 'string',
      value: '{"a":1}',
    });
  });

  it('infers the type when it is missing or unknown', () => {
    expect(one(undefined, true).attributes[0]?.value).toEqual({ type: 'bool', value: true });
    expect(one('int32', 3).attributes[0]?.value).toEqual({ type: 'int', value: '3' });
    expect(one(undefined, null).attributes[0]?.value).toEqual({ type: 'empty' });
    expect(one(undefined, 3).problems).toEqual([]);
  });

  it('drops entries without a key, and survives a non-list', () => {
    const { attributes, problems } = convert([
      { type: 'string', value: 'x' },
      'junk',
      { key: 'ok', value: 'y' },
    ]);
    expect(attributes.map((a) => a.key)).toEqual(['ok']);
    expect(problems).toHaveLength(2);
    expect(convert({ key: 'x' }).problems).toHaveLength(1);
    expect(convert(null)).toEqual({ attributes: [], problems: [] });
  });

  it('converts the genai fixture tags without complaint', () => {
    const trace = loadFixture('jaeger/trace-object_genai_57spans_10procs.json') as {
      spans: { tags: unknown }[];
    };
    const problems: Problem[] = [];
    const all = trace.spans.flatMap((span) => convertTags(span.tags, problems, undefined, 'tag'));
    expect(problems).toEqual([]);
    const types = new Set(all.map((a) => a.value.type));
    expect(types).toEqual(new Set(['string', 'int', 'bool']));
    expect(all.find((a) => a.key === 'gen_ai.usage.input_tokens')?.value).toEqual({
      type: 'int',
      value: '1840',
    });
  });
});

describe('kindFromTags / statusFromTags', () => {
  it('maps span.kind case-insensitively, anything else is unspecified', () => {
    expect(kindFromTags(tags([['span.kind', 'CLIENT']]))).toBe('client');
    expect(kindFromTags(tags([['span.kind', 'weird']]))).toBe('unspecified');
    expect(kindFromTags([])).toBe('unspecified');
  });

  it('error tag (bool or "true") and otel.status_code ERROR are errors', () => {
    expect(statusFromTags(tags([['error', true]]))).toEqual({ code: 'error' });
    expect(statusFromTags(tags([['error', 'true']]))).toEqual({ code: 'error' });
    expect(statusFromTags(tags([['error', false]]))).toEqual({ code: 'unset' });
    expect(
      statusFromTags(
        tags([
          ['otel.status_code', 'ERROR'],
          ['otel.status_description', 'boom'],
        ]),
      ),
    ).toEqual({ code: 'error', message: 'boom' });
    expect(statusFromTags(tags([['otel.status_code', 'OK']]))).toEqual({ code: 'ok' });
  });
});

describe('readMicros', () => {
  it('accepts numbers and numeric strings only', () => {
    expect(readMicros(1_700_000_000_000_000)).toBe(1_700_000_000_000_000);
    expect(readMicros('1700000000000000')).toBe(1_700_000_000_000_000);
    expect(readMicros('soon')).toBeUndefined();
    expect(readMicros(Number.NaN)).toBeUndefined();
    expect(readMicros(null)).toBeUndefined();
  });
});
