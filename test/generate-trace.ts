/**
 * Deterministic generators of large synthetic traces, for tests and benchmarks. Same arguments,
 * same trace, on every machine: randomness comes from a seeded PRNG, never `Math.random`.
 *
 * `generateWideTrace`, `generateChainTrace` and `generateRandomTrace` build our model directly;
 * `generateJaegerPayload` builds a Jaeger `/api/traces/{id}` response to exercise the adapter
 * (and the benchmark) end to end.
 */
import {
  asEpochMicros,
  asNanos,
  type Attribute,
  type Resource,
  type Span,
  type SpanReference,
  type Trace,
} from '../src/model/trace';

/** mulberry32: a small, fast, seedable PRNG; returns floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 16-hex-digit span id of the i-th generated span (unique, never all zero). */
export function generatedSpanId(i: number): string {
  return (i + 1).toString(16).padStart(16, '0');
}

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const RESOURCES: readonly Resource[] = [
  { serviceName: 'frontend', attributes: [] },
  { serviceName: 'agent', attributes: [] },
  { serviceName: 'llm-gateway', attributes: [] },
];
// Shared across generated spans: a million copies of empty arrays would only slow the tests.
const NO_ATTRIBUTES: readonly Attribute[] = [];
const NO_EVENTS: Span['events'] = [];
const NO_STRINGS: readonly string[] = [];
const NO_REFERENCES: readonly SpanReference[] = [];
const UNSET: Span['status'] = { code: 'unset' };

function makeSpan(i: number, parent: number, startNs: number, durationNs: number): Span {
  const spanId = generatedSpanId(i);
  const references: readonly SpanReference[] =
    parent < 0
      ? NO_REFERENCES
      : [
          {
            type: 'child_of',
            traceId: TRACE_ID,
            spanId: generatedSpanId(parent),
            attributes: NO_ATTRIBUTES,
          },
        ];
  return {
    spanId,
    sourceSpanId: spanId,
    traceId: TRACE_ID,
    name: `op-${i % 50}`,
    kind: 'internal',
    status: UNSET,
    startNs: asNanos(startNs),
    durationNs: asNanos(durationNs),
    resourceIndex: i % RESOURCES.length,
    attributes: NO_ATTRIBUTES,
    events: NO_EVENTS,
    references,
    warnings: NO_STRINGS,
  };
}

function makeTrace(spans: Span[]): Trace {
  return {
    traceId: TRACE_ID,
    startEpochUs: asEpochMicros(1_770_000_000_000_000),
    spans,
    resources: RESOURCES,
    warnings: [],
  };
}

/**
 * One root (span 0, 1 s long) and `n − 1` direct children at random times inside it, listed in
 * generation order (so not sorted by start).
 */
export function generateWideTrace(n: number, seed: number): Trace {
  const random = createRandom(seed);
  const rootNs = 1_000_000_000;
  const spans: Span[] = [makeSpan(0, -1, 0, rootNs)];
  for (let i = 1; i < n; i++) {
    const start = Math.floor(random() * rootNs * 0.9);
    spans.push(makeSpan(i, 0, start, 1 + Math.floor(random() * (rootNs - start))));
  }
  return makeTrace(spans);
}

/** A chain: span i is the only child of span i − 1. Depth of span i is i. */
export function generateChainTrace(depth: number): Trace {
  const spans: Span[] = [];
  for (let i = 0; i < depth; i++) spans.push(makeSpan(i, i - 1, i * 1000, (depth - i) * 1000));
  return makeTrace(spans);
}

/**
 * A random recursive tree: span k's parent is a uniformly chosen earlier span (expected depth
 * ~ ln n), starting inside its parent. The spans are listed in a random order, so parents often
 * come after their children and the builder must sort. Objects are allocated in list order, as
 * `JSON.parse` would allocate them, so memory locality is that of a real parsed payload.
 */
export function generateRandomTrace(n: number, seed: number): Trace {
  const random = createRandom(seed);
  const parents = new Int32Array(n);
  const starts = new Float64Array(n);
  const durations = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const parent = k === 0 ? -1 : Math.floor(random() * k);
    parents[k] = parent;
    starts[k] = parent < 0 ? 0 : (starts[parent] as number) + Math.floor(random() * 1_000_000);
    durations[k] = 1 + Math.floor(random() * 5_000_000);
  }
  const listOrder = new Int32Array(n);
  for (let k = 0; k < n; k++) listOrder[k] = k;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = listOrder[i] as number;
    listOrder[i] = listOrder[j] as number;
    listOrder[j] = swap;
  }
  const spans: Span[] = [];
  for (const k of listOrder) {
    spans.push(makeSpan(k, parents[k] as number, starts[k] as number, durations[k] as number));
  }
  return makeTrace(spans);
}

const JAEGER_SERVICES = [
  'api-gateway',
  'chat-frontend',
  'agent-orchestrator',
  'planner-agent',
  'tool-router',
  'vector-store',
  'retriever',
  'llm-gateway',
  'openai-proxy',
  'auth-service',
  'billing',
  'postgres',
] as const;
const JAEGER_KINDS = ['server', 'client', 'internal', 'producer', 'consumer'] as const;
const LOG_EVENTS = ['retry', 'cache.miss', 'token.stream', 'tool.call', 'checkpoint'] as const;
const MAX_JAEGER_DEPTH = 8;
const PROMPT_SENTENCE =
  'You are a careful assistant. Read the conversation and the retrieved documents, then answer ' +
  'the user in plain language, citing the document ids you used. ';
/** About 2 KB of prompt-like text. */
const PROMPT_TEXT = PROMPT_SENTENCE.repeat(Math.ceil(2048 / PROMPT_SENTENCE.length)).slice(0, 2048);

interface JaegerKv {
  key: string;
  type: 'string' | 'bool' | 'int64' | 'float64';
  value: string | number | boolean;
}

const kv = (key: string, type: JaegerKv['type'], value: JaegerKv['value']): JaegerKv => ({
  key,
  type,
  value,
});

function hex(random: () => number, digits: number): string {
  let out = '';
  while (out.length < digits)
    out += Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return out.slice(0, digits);
}

/** About 11 tags of mixed types; 5% get a 2 KB prompt, 2% are errors. */
function jaegerTags(i: number, service: string, random: () => number): JaegerKv[] {
  const isError = random() < 0.02;
  const tags = [
    kv('span.kind', 'string', JAEGER_KINDS[i % JAEGER_KINDS.length] as string),
    kv('otel.scope.name', 'string', `${service}-instrumentation`),
    kv('component', 'string', i % 3 === 0 ? 'http' : 'grpc'),
    kv('http.method', 'string', i % 2 === 0 ? 'GET' : 'POST'),
    kv('http.url', 'string', `https://${service}.internal/api/v1/items/${i}`),
    kv('http.status_code', 'int64', isError ? 500 : 200),
    kv('peer.service', 'string', JAEGER_SERVICES[(i * 7) % JAEGER_SERVICES.length] as string),
    kv('thread.id', 'int64', Math.floor(random() * 512)),
    kv('sampler.param', 'bool', true),
    kv('load.ratio', 'float64', Math.round(random() * 1000) / 1000),
    kv('request.id', 'string', hex(random, 16)),
  ];
  if (random() < 0.05) {
    tags.push(kv('gen_ai.request.model', 'string', 'gpt-4o-mini'));
    tags.push(kv('gen_ai.prompt', 'string', `Prompt ${i}. ${PROMPT_TEXT}`));
  }
  if (isError) {
    tags.push(kv('error', 'bool', true));
    tags.push(kv('otel.status_description', 'string', `upstream returned 500 for item ${i}`));
  }
  return tags;
}

/** 20% of spans get 1-3 logs inside their window. */
function jaegerLogs(startUs: number, durationUs: number, random: () => number): unknown[] {
  if (random() >= 0.2) return [];
  const logs: unknown[] = [];
  const count = 1 + Math.floor(random() * 3);
  for (let k = 0; k < count; k++) {
    logs.push({
      timestamp: startUs + Math.floor(random() * durationUs),
      fields: [
        kv('event', 'string', LOG_EVENTS[Math.floor(random() * LOG_EVENTS.length)] as string),
        kv('message', 'string', `step ${k} finished`),
        kv('attempt', 'int64', k + 1),
      ],
    });
  }
  return logs;
}

/**
 * A Jaeger `/api/traces/{id}` envelope with one trace of `spanCount` spans: one root with a wide
 * fan-out (about a third of all spans hang directly under it), depth up to 8, 12 services, about
 * 11 tags per span, a 2 KB prompt-like tag on 5% of spans, errors on 2%, logs on 20%. Spans are
 * listed in generation order (parents before children).
 */
export function generateJaegerPayload(spanCount: number, seed: number): unknown {
  const random = createRandom(seed);
  const traceID = hex(random, 32);
  const processes: Record<string, unknown> = {};
  JAEGER_SERVICES.forEach((serviceName, k) => {
    processes[`p${k + 1}`] = {
      serviceName,
      tags: [
        kv('hostname', 'string', `${serviceName}-${k}.pod.local`),
        kv('ip', 'string', `10.0.${k}.${k + 10}`),
        kv('jaeger.version', 'string', 'Go-2.30.0'),
      ],
    };
  });
  const parents = new Int32Array(spanCount);
  const depths = new Int32Array(spanCount);
  const starts = new Float64Array(spanCount);
  const durations = new Float64Array(spanCount);
  const spans: unknown[] = [];
  for (let i = 0; i < spanCount; i++) {
    let parent = -1;
    if (i > 0) {
      parent = random() < 0.35 ? 0 : Math.floor(random() * i);
      if ((depths[parent] as number) >= MAX_JAEGER_DEPTH) parent = parents[parent] as number;
    }
    parents[i] = parent;
    depths[i] = parent < 0 ? 0 : (depths[parent] as number) + 1;
    const parentStart = parent < 0 ? 1_770_000_000_000_000 : (starts[parent] as number);
    const parentDuration = parent < 0 ? 60_000_000 : (durations[parent] as number);
    const start =
      parent < 0 ? parentStart : parentStart + Math.floor(random() * parentDuration * 0.8);
    const duration =
      parent < 0
        ? parentDuration
        : Math.max(1, Math.floor(random() * (parentStart + parentDuration - start)));
    starts[i] = start;
    durations[i] = duration;
    const processIndex = i === 0 ? 0 : 1 + Math.floor(random() * (JAEGER_SERVICES.length - 1));
    spans.push({
      traceID,
      spanID: generatedSpanId(i),
      flags: 1,
      operationName: `${JAEGER_SERVICES[processIndex]} op-${i % 40}`,
      references:
        parent < 0 ? [] : [{ refType: 'CHILD_OF', traceID, spanID: generatedSpanId(parent) }],
      startTime: start,
      duration,
      tags: jaegerTags(i, JAEGER_SERVICES[processIndex] as string, random),
      logs: jaegerLogs(start, duration, random),
      processID: `p${processIndex + 1}`,
      warnings: null,
    });
  }
  const trace = { traceID, spans, processes, warnings: null };
  return { data: [trace], total: 0, limit: 0, offset: 0, errors: null };
}
