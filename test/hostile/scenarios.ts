/**
 * Hostile traces described once (neutral spans) and written out in every format by encode.ts.
 * Each name says what the trace shows; the expectation says how a parser must end up.
 */
import type { NeutralScenario, NeutralSpan } from './types';

const A = '00000000000000a1';
const B = '00000000000000b2';
const C = '00000000000000c3';

/** Span ids 1…n as 16 hex digits. */
function id(i: number): string {
  return (i + 1).toString(16).padStart(16, '0');
}

const ZERO_WIDTH_RTL =
  'pay\u200Bment\u200D \u202Egnp.exe\u202C \u2066isolate\u2069 \u200F\u05E9\u05DC\u05D5\u05DD';
const LONE_SURROGATES = 'lead \uD800 trail \uDC00 reversed \uDC00\uD800 end';
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'];
const XSS = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const LLM_XSS: readonly (readonly [string, string | number])[] = [
  ['gen_ai.operation.name', 'chat'],
  ['gen_ai.request.model', `gpt-4o${XSS}`],
  [
    'gen_ai.input.messages',
    JSON.stringify([
      { role: 'user', parts: [{ type: 'text', content: `${XSS} [x](javascript:alert(1))` }] },
    ]),
  ],
  [
    'gen_ai.output.messages',
    JSON.stringify([
      {
        role: 'assistant',
        parts: [{ type: 'tool_call', id: XSS, name: XSS, arguments: { q: XSS, ['__proto__']: 1 } }],
      },
    ]),
  ],
  ['gen_ai.usage.input_tokens', 12],
];

export const SCENARIOS: readonly NeutralScenario[] = [
  {
    name: 'negative start timestamp',
    expect: 'problems',
    spans: () => [{ id: A, startUs: -5_000_000 }],
  },
  {
    name: 'NaN timestamps and durations',
    expect: 'problems',
    spans: () => [{ id: A, startUs: Number.NaN, durationUs: Number.NaN }],
  },
  {
    name: 'Infinity timestamp',
    expect: 'problems',
    spans: () => [{ id: A, startUs: Number.POSITIVE_INFINITY }],
  },
  {
    name: 'far-future timestamp beyond int64 nanoseconds',
    expect: 'problems',
    spans: () => [
      { id: A, startUs: 1e20 },
      { id: B, parent: A },
    ],
  },
  {
    name: 'far-future timestamp in the year 9999 next to one in 2023',
    expect: 'accepted',
    spans: () => [{ id: A }, { id: B, parent: A, startUs: 253_402_300_000_000_000 }],
  },
  {
    name: 'duration of 1e308 µs (Infinity once in ns)',
    expect: 'problems',
    spans: () => [{ id: A, durationUs: 1e308 }],
  },
  {
    name: 'span ends before it starts',
    expect: 'problems',
    spans: () => [{ id: A, durationUs: -500 }],
  },
  {
    name: 'parent cycle a → b → c → a',
    expect: 'problems',
    spans: () => [
      { id: A, parent: C },
      { id: B, parent: A },
      { id: C, parent: B },
    ],
  },
  {
    name: 'span that is its own parent',
    expect: 'problems',
    spans: () => [{ id: A, parent: A }],
  },
  {
    name: 'duplicate span ids',
    expect: 'problems',
    spans: () => [
      { id: A, name: 'first' },
      { id: A, name: 'second', startUs: 1.7e15 + 5 },
      { id: B, parent: A },
    ],
  },
  {
    name: 'span without an id beside a good one',
    expect: 'problems',
    spans: () => [{ id: A }, { parent: A, name: 'no id' }],
  },
  {
    name: 'span without a trace id beside a good one',
    // A Jaeger span inside a trace object belongs to that trace whatever it says.
    expect: {
      otlp: 'problems-or-rejected',
      tempo: 'problems-or-rejected',
      jsonl: 'problems-or-rejected',
      zipkin: 'problems-or-rejected',
      jaeger: 'accepted',
    },
    spans: () => [{ id: A }, { id: B, parent: A, traceId: '' }],
  },
  {
    name: 'all-zero span id',
    // Invalid in OTLP (W3C); Jaeger and Zipkin ids are opaque strings.
    expect: { otlp: 'problems', tempo: 'problems', jsonl: 'problems' },
    spans: () => [{ id: A }, { id: '0000000000000000', parent: A }],
  },
  {
    name: 'orphans whose parents never arrived',
    expect: 'problems',
    spans: () => [
      { id: A, parent: 'ffffffffffffff01' },
      { id: B, parent: 'ffffffffffffff02' },
    ],
  },
  {
    name: 'non-hex ids with spaces, slashes and quotes',
    // Jaeger's own fixtures use ids like `span-2_1`; OTLP ids are hex (or base64).
    expect: {
      otlp: 'problems-or-rejected',
      tempo: 'problems-or-rejected',
      jsonl: 'problems-or-rejected',
    },
    spans: () => [{ id: 'span "1" / ../..' }, { id: '<script>', parent: 'span "1" / ../..' }],
  },
  {
    name: 'zero-width and right-to-left characters in names',
    expect: 'accepted',
    keeps: { spanName: ZERO_WIDTH_RTL },
    spans: () => [{ id: A, name: ZERO_WIDTH_RTL, service: `svc\u202E${ZERO_WIDTH_RTL}` }],
  },
  {
    name: 'lone surrogates in names and values',
    expect: 'accepted',
    keeps: { attributeKey: `k${LONE_SURROGATES}` },
    spans: () => [
      {
        id: A,
        name: LONE_SURROGATES,
        eventName: LONE_SURROGATES,
        attributes: [[`k${LONE_SURROGATES}`, LONE_SURROGATES]],
      },
    ],
  },
  {
    name: '__proto__ and constructor as attribute keys and service name',
    expect: 'accepted',
    keeps: { attributeKey: '__proto__' },
    spans: () => [
      {
        id: A,
        name: '__proto__',
        service: '__proto__',
        eventName: 'constructor',
        attributes: PROTO_KEYS.map((key) => [key, `value of ${key}`] as const),
      },
    ],
  },
  {
    name: 'span named __proto__ with id constructor',
    expect: {
      otlp: 'problems-or-rejected',
      tempo: 'problems-or-rejected',
      jsonl: 'problems-or-rejected',
      jaeger: 'problems',
      zipkin: 'problems',
    },
    spans: () => [{ id: 'constructor', name: '__proto__', parent: '__proto__' }],
  },
  {
    name: 'unknown enum values for kind and status',
    expect: { otlp: 'problems', tempo: 'problems', jsonl: 'problems', zipkin: 'problems' },
    spans: () => [
      {
        id: A,
        attributes: [
          ['span.kind', 'sideways'],
          ['otel.status_code', 'MAYBE'],
        ],
        extra: {
          otlp: { kind: 99, status: { code: 7 } },
          jsonl: { kind: -1, status: { code: 'STATUS_CODE_WHATEVER' } },
          tempo: { kind: 'SPAN_KIND_SIDEWAYS', status: { code: 'STATUS_CODE_MAYBE' } },
          zipkin: { kind: 'SIDEWAYS' },
        },
      },
    ],
  },
  {
    name: 'empty name and a 100,000-character name',
    expect: 'accepted',
    spans: () => [
      { id: A, name: '' },
      { id: B, parent: A, name: 'n'.repeat(100_000) },
    ],
  },
  {
    name: 'value nested 40 levels (past the adapters’ depth bound)',
    expect: { otlp: 'problems', tempo: 'problems', jsonl: 'problems' },
    spans: () => [{ id: A, attributes: [['nested', { deep: 40 }]] }],
  },
  {
    name: 'value nested 10,000 levels',
    expect: { otlp: 'problems', tempo: 'problems', jsonl: 'problems' },
    spans: () => [{ id: A, attributes: [['nested', { deep: 10_000 }]] }],
  },
  {
    name: 'LLM messages with markup, javascript: links and tool arguments',
    expect: 'accepted',
    keeps: { attributeKey: 'gen_ai.input.messages' },
    spans: () => [{ id: A, name: 'chat <script>alert(1)</script>', attributes: LLM_XSS }],
  },
  {
    name: 'LLM messages JSON nested 10,000 levels, and absurd token counts',
    expect: 'accepted',
    spans: () => [
      {
        id: A,
        attributes: [
          ['gen_ai.operation.name', 'chat'],
          ['gen_ai.request.model', 'gpt-4o'],
          ['gen_ai.input.messages', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
          ['gen_ai.output.messages', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`],
          ['gen_ai.usage.input_tokens', -5],
          ['gen_ai.usage.output_tokens', 'NaN'],
          ['llm.token_count.total', 1e308],
        ],
      },
    ],
  },
  {
    name: '10,000 attributes on one span',
    expect: 'accepted',
    keeps: { attributeKey: 'attr.9999' },
    spans: () => [
      {
        id: A,
        attributes: Array.from({ length: 10_000 }, (_, i) => [`attr.${i}`, i % 2 ? i : `v${i}`]),
      },
    ],
  },
  {
    name: 'a 5 MB attribute value',
    expect: 'accepted',
    isLarge: true,
    keeps: { attributeKey: 'huge' },
    spans: () => [{ id: A, attributes: [['huge', 'x'.repeat(5 * 1024 * 1024)]] }],
  },
  {
    name: 'chain 10,000 spans deep',
    expect: 'accepted',
    isLarge: true,
    spans: () =>
      Array.from({ length: 10_000 }, (_, i): NeutralSpan => ({
        id: id(i),
        ...(i > 0 && { parent: id(i - 1) }),
        startUs: 1.7e15 + i,
        durationUs: 20_000 - 2 * i,
      })),
  },
  {
    name: '100,000 siblings under one root',
    expect: 'accepted',
    isLarge: true,
    spans: () =>
      Array.from({ length: 100_001 }, (_, i): NeutralSpan => ({
        id: id(i),
        ...(i > 0 && { parent: id(0) }),
        startUs: 1.7e15 + (i % 1000),
        durationUs: i === 0 ? 5_000 : 1 + (i % 7),
      })),
  },
];
