import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, loadFixture, readFixtureText } from '../../../test/fixtures';
import { OTLP_HEX_FIXTURES } from '../../../test/hex-fixtures';
import { buildSpanTree } from '../../model/span-tree';
import type { ParsedTrace, Span, Trace } from '../../model/trace';
import { parseOtlpTrace, parseOtlpTraces } from '../otlp/parse-otlp';
import { parseJaegerTrace } from '../jaeger/parse-jaeger';
import { parseZipkinTrace } from '../zipkin/parse-zipkin';
import { traceToOtlpJson } from './export-otlp';
import { parseTraceFile } from './parse-trace-file';

/** Export, serialize, parse the text again: what a download followed by an open does. */
function roundTrip(trace: Trace): ParsedTrace {
  const text = JSON.stringify(traceToOtlpJson(trace));
  const file = parseTraceFile(text);
  expect(file.format).toBe('otlp');
  expect(file.traces).toHaveLength(1);
  return file.traces[0] as ParsedTrace;
}

/** Span fields that must survive (resources compared by service and attributes). */
function comparable(trace: Trace, span: Span) {
  const resource = trace.resources[span.resourceIndex];
  return {
    ...span,
    resourceIndex: undefined,
    service: resource?.serviceName,
    resourceAttributes: resource?.attributes.filter((a) => a.key !== 'service.name'),
  };
}

describe('traceToOtlpJson round trip (export → parse → equal spans)', () => {
  it.each(OTLP_HEX_FIXTURES)('%s', (file) => {
    for (const original of parseOtlpTraces(loadFixture(file))) {
      const again = roundTrip(original.trace);
      expect(again.trace.traceId).toBe(original.trace.traceId);
      expect(again.trace.startEpochUs).toBe(original.trace.startEpochUs);
      expect(again.trace.spans.map((s) => comparable(again.trace, s))).toEqual(
        original.trace.spans.map((s) => comparable(original.trace, s)),
      );
    }
  });

  const jaegerFiles = readdirSync(fixturePath('jaeger'))
    .filter((f) => f.startsWith('trace-object') || f.startsWith('api-traces-envelope'))
    .map((f) => `jaeger/${f}`);

  it.each(jaegerFiles)('%s keeps ids, times, names, statuses and the tree shape', (file) => {
    const original = parseJaegerTrace(loadFixture(file)).trace;
    const again = roundTrip(original).trace;
    // Spans are grouped by resource in the export, so compare them in a fixed order.
    const pick = (t: Trace) => {
      const tree = buildSpanTree(t);
      return t.spans
        .map((s) => [
          s.sourceSpanId,
          s.name,
          s.kind,
          s.status.code,
          s.startNs,
          s.durationNs,
          t.resources[s.resourceIndex]?.serviceName,
          tree.depth[tree.nodeById.get(s.spanId) ?? -1],
        ])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[4]) - Number(b[4]));
    };
    expect(pick(again)).toEqual(pick(original));
  });

  it('writes spec OTLP/JSON: integer enums, ns strings, service.name first', () => {
    const { trace } = parseZipkinTrace(
      loadFixture('zipkin/zipkin-v2_single-span-object_client.json'),
    );
    const doc = traceToOtlpJson(trace);
    expect(doc.resourceSpans[0]).toEqual({
      resource: {
        attributes: [
          { key: 'service.name', value: { stringValue: 'frontend' } },
          { key: 'ipv6', value: { stringValue: '2001:db8::c001' } },
        ],
      },
      scopeSpans: [
        {
          scope: {},
          spans: [
            expect.objectContaining({
              traceId: '4d1e00c0db9010db86154a4ba6e91385',
              spanId: '4d1e00c0db9010db',
              parentSpanId: '86154a4ba6e91385',
              kind: 3,
              startTimeUnixNano: '1472470996199000000',
              endTimeUnixNano: '1472470996406000000',
              events: [
                { timeUnixNano: '1472470996238000000', name: 'foo', attributes: [] },
                { timeUnixNano: '1472470996403000000', name: 'bar', attributes: [] },
              ],
              status: { code: 0 },
            }),
          ],
        },
      ],
    });
  });

  it('exports FOLLOWS_FROM-only children with that parent, other references as links', () => {
    const { trace } = parseJaegerTrace(
      loadFixture('jaeger/api-traces-envelope_follows-from_issue115.json'),
    );
    const again = parseOtlpTrace(traceToOtlpJson(trace)).trace;
    const child = again.spans.find((s) => s.references.length > 0);
    expect(child?.references.map((r) => r.type)).toEqual(['child_of']);
  });

  it('keeps the exact ns of the LLM fixtures (no float rounding)', () => {
    const text = readFixtureText('llm/otel-genai-openai/agent.json');
    const { trace } = parseOtlpTrace(JSON.parse(text));
    const exported = JSON.stringify(traceToOtlpJson(trace));
    for (const ns of text.match(/"\d{19}"/g) ?? []) expect(exported).toContain(ns);
  });
});
