/**
 * The issue-8 trace shape as a Jaeger `/api/traces/{id}` response, written piece by piece: a
 * 1,000,000-span payload (1.2 GB) is more than one JavaScript string can hold, so the bench
 * never builds it as one. Same PRNG, same draws in the same order as `generateJaegerPayload` in
 * test/generate-trace.ts, so the bytes equal `JSON.stringify(generateJaegerPayload(n, seed))`
 * (test/bench-payload.test.ts checks it).
 *
 * Plain ESM JavaScript so the bench runs it without a TypeScript loader.
 */

/** mulberry32, as createRandom in test/generate-trace.ts. */
function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const spanId = (i) => (i + 1).toString(16).padStart(16, '0');

const SERVICES = [
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
];
const KINDS = ['server', 'client', 'internal', 'producer', 'consumer'];
const LOG_EVENTS = ['retry', 'cache.miss', 'token.stream', 'tool.call', 'checkpoint'];
const MAX_DEPTH = 8;
const SENTENCE =
  'You are a careful assistant. Read the conversation and the retrieved documents, then answer ' +
  'the user in plain language, citing the document ids you used. ';
const PROMPT = SENTENCE.repeat(Math.ceil(2048 / SENTENCE.length)).slice(0, 2048);

const kv = (key, type, value) => ({ key, type, value });

function hex(random, digits) {
  let out = '';
  while (out.length < digits) {
    out += Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  }
  return out.slice(0, digits);
}

function tags(i, service, random) {
  const isError = random() < 0.02;
  const list = [
    kv('span.kind', 'string', KINDS[i % KINDS.length]),
    kv('otel.scope.name', 'string', `${service}-instrumentation`),
    kv('component', 'string', i % 3 === 0 ? 'http' : 'grpc'),
    kv('http.method', 'string', i % 2 === 0 ? 'GET' : 'POST'),
    kv('http.url', 'string', `https://${service}.internal/api/v1/items/${i}`),
    kv('http.status_code', 'int64', isError ? 500 : 200),
    kv('peer.service', 'string', SERVICES[(i * 7) % SERVICES.length]),
    kv('thread.id', 'int64', Math.floor(random() * 512)),
    kv('sampler.param', 'bool', true),
    kv('load.ratio', 'float64', Math.round(random() * 1000) / 1000),
    kv('request.id', 'string', hex(random, 16)),
  ];
  if (random() < 0.05) {
    list.push(kv('gen_ai.request.model', 'string', 'gpt-4o-mini'));
    list.push(kv('gen_ai.prompt', 'string', `Prompt ${i}. ${PROMPT}`));
  }
  if (isError) {
    list.push(kv('error', 'bool', true));
    list.push(kv('otel.status_description', 'string', `upstream returned 500 for item ${i}`));
  }
  return list;
}

function logs(startUs, durationUs, random) {
  if (random() >= 0.2) return [];
  const out = [];
  const count = 1 + Math.floor(random() * 3);
  for (let k = 0; k < count; k++) {
    out.push({
      timestamp: startUs + Math.floor(random() * durationUs),
      fields: [
        kv('event', 'string', LOG_EVENTS[Math.floor(random() * LOG_EVENTS.length)]),
        kv('message', 'string', `step ${k} finished`),
        kv('attempt', 'int64', k + 1),
      ],
    });
  }
  return out;
}

/**
 * Writes the payload through `write(text)` in pieces of about `pieceChars` characters and
 * returns the trace id. Memory stays bounded whatever `spanCount` is.
 */
export function writeJaegerPayload(spanCount, seed, write, pieceChars = 1 << 20) {
  const random = createRandom(seed);
  const traceID = hex(random, 32);
  const processes = {};
  SERVICES.forEach((serviceName, k) => {
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
  let piece = `{"data":[{"traceID":${JSON.stringify(traceID)},"spans":[`;
  for (let i = 0; i < spanCount; i++) {
    let parent = -1;
    if (i > 0) {
      parent = random() < 0.35 ? 0 : Math.floor(random() * i);
      if (depths[parent] >= MAX_DEPTH) parent = parents[parent];
    }
    parents[i] = parent;
    depths[i] = parent < 0 ? 0 : depths[parent] + 1;
    const parentStart = parent < 0 ? 1_770_000_000_000_000 : starts[parent];
    const parentDuration = parent < 0 ? 60_000_000 : durations[parent];
    const start =
      parent < 0 ? parentStart : parentStart + Math.floor(random() * parentDuration * 0.8);
    const duration =
      parent < 0
        ? parentDuration
        : Math.max(1, Math.floor(random() * (parentStart + parentDuration - start)));
    starts[i] = start;
    durations[i] = duration;
    const processIndex = i === 0 ? 0 : 1 + Math.floor(random() * (SERVICES.length - 1));
    const span = {
      traceID,
      spanID: spanId(i),
      flags: 1,
      operationName: `${SERVICES[processIndex]} op-${i % 40}`,
      references: parent < 0 ? [] : [{ refType: 'CHILD_OF', traceID, spanID: spanId(parent) }],
      startTime: start,
      duration,
      tags: tags(i, SERVICES[processIndex], random),
      logs: logs(start, duration, random),
      processID: `p${processIndex + 1}`,
      warnings: null,
    };
    piece += (i > 0 ? ',' : '') + JSON.stringify(span);
    if (piece.length >= pieceChars) {
      write(piece);
      piece = '';
    }
  }
  piece += `],"processes":${JSON.stringify(processes)},"warnings":null}],`;
  piece += '"total":0,"limit":0,"offset":0,"errors":null}';
  write(piece);
  return traceID;
}

/** The whole payload as Buffers (UTF-8), plus its trace id and size. */
export function buildJaegerPayload(spanCount, seed) {
  const chunks = [];
  let bytes = 0;
  const traceId = writeJaegerPayload(spanCount, seed, (text) => {
    const buffer = Buffer.from(text, 'utf8');
    chunks.push(buffer);
    bytes += buffer.length;
  });
  return { traceId, chunks, bytes };
}
