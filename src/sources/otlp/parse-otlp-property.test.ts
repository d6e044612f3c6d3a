import * as fc from 'fast-check';
import { expect, describe, it } from 'vitest';
import { NotOtlpError, parseOtlpTraces } from './parse-otlp';

const TRACE = '0102030405060708090a0b0c0d0e0f10';

function expectTracesOrNotOtlp(payload: unknown): void {
  try {
    const traces = parseOtlpTraces(payload);
    expect(Array.isArray(traces)).toBe(true);
  } catch (error) {
    expect(error).toBeInstanceOf(NotOtlpError);
  }
}

describe('property: any JSON gives ParsedTrace[] or NotOtlpError', () => {
  const json = fc.jsonValue();
  const wrapperLike = fc.oneof(
    fc.record({ resourceSpans: json }),
    fc.record({ batches: json }),
    fc.record({ result: json }),
    fc.record({ trace: json, status: json, message: json }, { requiredKeys: ['trace'] }),
    fc.array(fc.record({ result: fc.record({ resourceSpans: json }) })),
  );

  it('holds for arbitrary JSON, arbitrary JS values and arbitrary wrapper contents', () => {
    fc.assert(fc.property(fc.oneof(json, fc.anything(), wrapperLike), expectTracesOrNotOtlp), {
      numRuns: 1000,
    });
  });

  const anyJson = fc.jsonValue({ maxDepth: 2 });
  const few = { maxLength: 4 };
  const idLike = fc.oneof(fc.stringMatching(/^[0-9a-fA-F]{16}$/), fc.base64String(), anyJson);
  const spanLike = fc.record(
    {
      traceId: fc.oneof(fc.constant(TRACE), idLike),
      spanId: idLike,
      parentSpanId: idLike,
      kind: anyJson,
      status: fc.oneof(fc.record({ code: anyJson, message: anyJson }), anyJson),
      startTimeUnixNano: fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 64n }).map(String), anyJson),
      endTimeUnixNano: fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 64n }).map(String), anyJson),
      attributes: fc.oneof(fc.array(fc.record({ key: anyJson, value: anyJson }), few), anyJson),
      events: anyJson,
      links: fc.oneof(fc.array(fc.record({ traceId: idLike, spanId: idLike }), few), anyJson),
    },
    { requiredKeys: [] },
  );
  const spanList = fc.array(spanLike, few);
  const otlpLike = fc.oneof(
    fc.record({
      resourceSpans: fc.array(
        fc.record({
          resource: anyJson,
          scopeSpans: fc.array(fc.record({ scope: anyJson, spans: spanList }), few),
        }),
        few,
      ),
    }),
    fc.record({
      batches: fc.array(
        fc.record({
          instrumentationLibrarySpans: fc.array(
            fc.record({ spans: fc.oneof(spanList, anyJson) }),
            few,
          ),
        }),
        few,
      ),
    }),
  );

  it('never throws for OTLP-shaped payloads with arbitrary field values', () => {
    fc.assert(
      fc.property(otlpLike, (payload) => {
        const traces = parseOtlpTraces(payload);
        for (const { trace } of traces) {
          for (const s of trace.spans) expect(Number.isFinite(s.startNs)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
