import { describe, expect, it } from 'vitest';
import { formatOffset, formatReferenceType, formatScope } from './detail-format';

describe('detail-format', () => {
  it('signs offsets', () => {
    expect(formatOffset(1_500_000)).toBe('+1.5ms');
    expect(formatOffset(-2_000)).toBe('−2µs');
    expect(formatOffset(0)).toBe('+0ns');
  });

  it('formats scopes with and without version', () => {
    expect(formatScope(undefined)).toBeNull();
    expect(formatScope({ name: '' })).toBeNull();
    expect(formatScope({ name: 'io.opentelemetry.http' })).toBe('io.opentelemetry.http');
    expect(formatScope({ name: 'otel', version: '1.2.0' })).toBe('otel 1.2.0');
  });

  it('labels reference types', () => {
    expect(formatReferenceType('child_of')).toBe('CHILD_OF');
    expect(formatReferenceType('follows_from')).toBe('FOLLOWS_FROM');
    expect(formatReferenceType('link')).toBe('link');
  });
});
