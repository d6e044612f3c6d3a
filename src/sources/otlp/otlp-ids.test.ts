import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToHex, decodeOtlpId, isNullId } from './otlp-ids';

describe('base64ToHex', () => {
  it.each([
    ['AAAwOQ==', '00003039'],
    ['AAAwOQ', '00003039'],
    ['+/8=', 'fbff'],
    ['-_8', 'fbff'],
    ['', ''],
  ])('%s → %s', (text, hex) => {
    expect(base64ToHex(text)).toBe(hex);
  });

  it.each(['A', 'AAAAA', 'AA=A', 'AA==A', 'A===', 'AAA*', 'AAA==', '='])('rejects %s', (text) => {
    expect(base64ToHex(text)).toBeNull();
  });

  it('agrees with Buffer for any bytes, standard and URL-safe', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const buffer = Buffer.from(bytes);
        expect(base64ToHex(buffer.toString('base64'))).toBe(buffer.toString('hex'));
        expect(base64ToHex(buffer.toString('base64url'))).toBe(buffer.toString('hex'));
      }),
    );
  });
});

describe('decodeOtlpId', () => {
  it.each([
    ['5B8EFFF798038103D269B633813FC60C', '5b8efff798038103d269b633813fc60c'],
    ['EEE19B7EC3C1B174', 'eee19b7ec3c1b174'],
    ['AAAAAAAAAABguiq7RPE+rg==', '000000000000000060ba2abb44f13eae'],
    ['QpC1h3qZMN55u0KDZTmOzA==', '4290b5877a9930de79bb428365398ecc'],
    ['QpC1h3qZMN55u0KDZTmOzA', '4290b5877a9930de79bb428365398ecc'],
    ['AAAAAAAAAAI=', '0000000000000002'],
    // Leading zero stripped by an old client: not base64 of 8/16 bytes, kept as lowercase hex.
    ['4B52EB0CABCB50A', '4b52eb0cabcb50a'],
    ['', ''],
  ])('%s → %s', (text, id) => {
    expect(decodeOtlpId(text)).toBe(id);
  });

  it.each(['trace-123', 'AAAAAAAAAAAAAAAAAAA=', 'zz', '=='])('cannot decode %s', (text) => {
    expect(decodeOtlpId(text)).toBeNull();
  });

  it('decodes any 8- or 16-byte id from hex and from base64 to the same value', () => {
    const id = fc.oneof(
      fc.uint8Array({ minLength: 8, maxLength: 8 }),
      fc.uint8Array({ minLength: 16, maxLength: 16 }),
    );
    fc.assert(
      fc.property(id, (bytes) => {
        const buffer = Buffer.from(bytes);
        const hex = buffer.toString('hex');
        expect(decodeOtlpId(hex.toUpperCase())).toBe(hex);
        expect(decodeOtlpId(buffer.toString('base64'))).toBe(hex);
        expect(decodeOtlpId(buffer.toString('base64url'))).toBe(hex);
      }),
    );
  });
});

describe('isNullId', () => {
  it('is true for empty and all-zero ids only', () => {
    expect(['', '0000000000000000'].map(isNullId)).toEqual([true, true]);
    expect(['0000000000000001', 'span-0'].map(isNullId)).toEqual([false, false]);
  });
});
