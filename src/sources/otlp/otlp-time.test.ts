import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asEpochMicros } from '../../model/trace';
import {
  diffNanos,
  formatEpochNanos,
  offsetFromEpochUs,
  originOf,
  readEpochNanos,
  toEpochMicros,
} from './otlp-time';

describe('readEpochNanos', () => {
  it.each([
    ['1795275324748000001', { sec: 1795275324, nsec: 748000001 }],
    ['999', { sec: 0, nsec: 999 }],
    [1_000_000_123, { sec: 1, nsec: 123 }],
    ['18446744073709551615', { sec: 18446744073, nsec: 709551615 }],
  ])('%j → %j', (raw, time) => {
    expect(readEpochNanos(raw)).toEqual(time);
  });

  it.each([undefined, null, '0', 0])('%j is missing', (raw) => {
    expect(readEpochNanos(raw)).toBe('missing');
  });

  it.each(['-1', '1.5', ' 1', '1e9', '123456789012345678901', 1.5, -3, true, {}])(
    '%j is invalid',
    (raw) => {
      expect(readEpochNanos(raw)).toBe('invalid');
    },
  );
});

describe('offsets', () => {
  it('are exact against BigInt arithmetic within 2^53 ns of the origin', () => {
    const ns = fc.bigInt({ min: 1n, max: 4_000_000_000_000_000_000n });
    const offset = fc.bigInt({ min: 0n, max: 2n ** 53n - 1001n });
    fc.assert(
      fc.property(ns, offset, (start, delta) => {
        const a = readEpochNanos(String(start));
        const b = readEpochNanos(String(start + delta));
        if (typeof a === 'string' || typeof b === 'string') throw new Error('unreadable');
        expect(BigInt(diffNanos(a, b))).toBe(delta);
        const origin = originOf(a);
        expect(BigInt(toEpochMicros(origin))).toBe(start / 1000n);
        expect(BigInt(diffNanos(origin, b))).toBe(start + delta - (start / 1000n) * 1000n);
        expect(formatEpochNanos(b)).toBe(String(start + delta));
      }),
    );
  });

  it('offsetFromEpochUs places an absolute time against a trace origin', () => {
    const origin = asEpochMicros(1795275340589000);
    expect(offsetFromEpochUs('1795275340715000000', origin)).toBe(126_000_000);
    expect(offsetFromEpochUs('1795275340588999999', origin)).toBe(-1);
    expect(offsetFromEpochUs('soon', origin)).toBeNull();
  });
});
