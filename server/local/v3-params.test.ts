import { describe, expect, it } from 'vitest';
import {
  BadParameterError,
  DEFAULT_SEARCH_DEPTH,
  parseGoDurationNanos,
  parseRfc3339Nanos,
  parseSearchParams,
  parseSpanKind,
} from './v3-params';

describe('v3 search parameters', () => {
  it('reads RFC 3339 times to the nanosecond, any offset', () => {
    expect(parseRfc3339Nanos('2026-08-20T10:00:00.123456789Z', 't')).toBe(
      1_787_220_000_123_456_789n,
    );
    expect(parseRfc3339Nanos('2026-08-20T12:00:00.5+02:00', 't')).toBe(1_787_220_000_500_000_000n);
    expect(() => parseRfc3339Nanos('1787220000', 't')).toThrow(BadParameterError);
  });

  it('reads Go durations', () => {
    expect(parseGoDurationNanos('250ms', 'd')).toBe(250_000_000n);
    expect(parseGoDurationNanos('1.5s', 'd')).toBe(1_500_000_000n);
    expect(parseGoDurationNanos('1h30m', 'd')).toBe(5_400_000_000_000n);
    expect(parseGoDurationNanos('0.010s', 'd')).toBe(10_000_000n);
    expect(parseGoDurationNanos('100us', 'd')).toBe(100_000n);
    expect(parseGoDurationNanos('7µs', 'd')).toBe(7_000n);
    expect(parseGoDurationNanos('0', 'd')).toBe(0n);
    for (const bad of ['10', 'ms', '-5ms', '5 ms', '1d']) {
      expect(() => parseGoDurationNanos(bad, 'd'), bad).toThrow(BadParameterError);
    }
  });

  it('reads span kinds by name, proto name or number', () => {
    expect(parseSpanKind('server')).toBe(2);
    expect(parseSpanKind('SPAN_KIND_CLIENT')).toBe(3);
    expect(parseSpanKind('4')).toBe(4);
    expect(parseSpanKind(undefined)).toBeUndefined();
    expect(() => parseSpanKind('sideways')).toThrow(BadParameterError);
  });

  it('takes canonical names and snake_case aliases; everything is optional', () => {
    expect(parseSearchParams(new URLSearchParams())).toMatchObject({
      limit: DEFAULT_SEARCH_DEPTH,
      errorsOnly: false,
    });
    const query = parseSearchParams(
      new URLSearchParams({
        'query.serviceName': 'api',
        'query.operation_name': 'chat',
        'query.durationMin': '10ms',
        'query.num_traces': '5',
        'query.attributes': '{"http.response.status_code":"500","retry":true}',
      }),
    );
    expect(query).toMatchObject({
      serviceName: 'api',
      operationName: 'chat',
      durationMinNs: 10_000_000n,
      limit: 5,
      attributes: [
        ['http.response.status_code', '500'],
        ['retry', 'true'],
      ],
    });
  });
});
