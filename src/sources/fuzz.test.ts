/**
 * Property-based fuzzing of every adapter (fast-check): for payloads shaped like each format
 * with junk in any field, and for arbitrary values and text, an adapter returns traces with
 * their problems or throws its own not-a-trace error — nothing else — and the model then builds
 * the tree, critical path and LLM view without throwing. Runs are bounded (200 each, small
 * payloads) so the file stays within a few seconds.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCriticalPath } from '../model/critical-path';
import { extractLlmCall, extractTraceLlm } from '../model/llm/extract';
import { buildSpanTree } from '../model/span-tree';
import type { ParsedTrace } from '../model/trace';
import { jaegerPayload, otlpPayload, zipkinPayload } from '../../test/hostile/arbitraries';
import { parseTraceFile, TraceFileError } from './file/parse-trace-file';
import { NotATraceError, parseJaegerTrace } from './jaeger/parse-jaeger';
import { parseOtlpLogs } from './otlp/parse-otlp-logs';
import { NotOtlpError, parseOtlpTrace, parseOtlpTraces } from './otlp/parse-otlp';
import { NotZipkinError, parseZipkinTrace, parseZipkinTraces } from './zipkin/parse-zipkin';

const RUNS = { numRuns: 200 } as const;
const OWN_ERRORS = [NotOtlpError, NotATraceError, NotZipkinError, TraceFileError];

/** A model trace a renderer can trust: finite times, durations null or ≥ 0, string ids. */
function checkTrace(parsed: ParsedTrace): void {
  expect(Array.isArray(parsed.problems)).toBe(true);
  for (const span of parsed.trace.spans) {
    expect(typeof span.spanId).toBe('string');
    expect(Number.isFinite(span.startNs), `start of ${span.spanId}`).toBe(true);
    if (span.durationNs !== null) {
      expect(Number.isFinite(span.durationNs) && span.durationNs >= 0, 'duration').toBe(true);
    }
    expect(span.resourceIndex >= 0 && span.resourceIndex < parsed.trace.resources.length).toBe(
      true,
    );
  }
  const tree = buildSpanTree(parsed.trace);
  computeCriticalPath(tree);
  extractTraceLlm(tree, parsed.logs ?? []);
  for (const span of parsed.trace.spans) extractLlmCall(span);
}

/** Runs `parse`; its own error is fine, any other throw fails the property. */
function expectTracesOrOwnError(parse: () => ParsedTrace | readonly ParsedTrace[]): void {
  let result: ParsedTrace | readonly ParsedTrace[];
  try {
    result = parse();
  } catch (error) {
    if (OWN_ERRORS.some((type) => error instanceof type)) return;
    throw error;
  }
  for (const parsed of Array.isArray(result) ? result : [result as ParsedTrace]) checkTrace(parsed);
}

const anyValue = fc.oneof(fc.anything(), fc.jsonValue());

describe('fuzz: OTLP (also Tempo and Jaeger v3 encodings)', () => {
  it('parseOtlpTraces and parseOtlpTrace on OTLP-shaped junk', () => {
    fc.assert(
      fc.property(otlpPayload, (payload) => {
        expectTracesOrOwnError(() => parseOtlpTraces(payload));
        expectTracesOrOwnError(() => parseOtlpTrace(payload, '00000000000000a1'));
      }),
      RUNS,
    );
  });

  it('parseOtlpTraces and parseOtlpLogs on any value', () => {
    fc.assert(
      fc.property(anyValue, (payload) => {
        expectTracesOrOwnError(() => parseOtlpTraces(payload));
        try {
          parseOtlpLogs(payload);
        } catch (error) {
          expect(error).toBeInstanceOf(NotOtlpError);
        }
      }),
      RUNS,
    );
  });
});

describe('fuzz: Jaeger', () => {
  it('parseJaegerTrace on Jaeger-shaped junk and on any value', () => {
    fc.assert(
      fc.property(fc.oneof(jaegerPayload, anyValue), (payload) => {
        expectTracesOrOwnError(() => parseJaegerTrace(payload));
        expectTracesOrOwnError(() => parseJaegerTrace(payload, '0af7651916cd43dd'));
      }),
      RUNS,
    );
  });
});

describe('fuzz: Zipkin', () => {
  it('parseZipkinTraces and parseZipkinTrace on Zipkin-shaped junk and on any value', () => {
    fc.assert(
      fc.property(fc.oneof(zipkinPayload, anyValue), (payload) => {
        expectTracesOrOwnError(() => parseZipkinTraces(payload));
        expectTracesOrOwnError(() => parseZipkinTrace(payload, '8448eb211c80319c'));
      }),
      RUNS,
    );
  });
});

describe('fuzz: trace files', () => {
  const document = fc.oneof(otlpPayload, jaegerPayload, zipkinPayload, anyValue);

  it('parseTraceFile on any document, whole, cut short or as JSON Lines', () => {
    fc.assert(
      fc.property(document, fc.nat(), fc.boolean(), (value, cut, asLines) => {
        const text = JSON.stringify(value) ?? '';
        expectTracesOrOwnError(() => parseTraceFile(text).traces);
        expectTracesOrOwnError(() => parseTraceFile(text.slice(0, cut % (text.length + 1))).traces);
        if (asLines) expectTracesOrOwnError(() => parseTraceFile(`${text}\n${text}`).traces);
      }),
      RUNS,
    );
  });

  it('parseTraceFile on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expectTracesOrOwnError(() => parseTraceFile(text).traces);
      }),
      RUNS,
    );
  });
});
