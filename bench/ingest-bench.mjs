#!/usr/bin/env node
/**
 * Ingestion and query benchmark of the embedded store, against the built server
 * (dist/server/main.js; built first when missing). Starts it on loopback ports with a temp
 * data dir, sends bounded OTLP traffic, prints one line per figure, stops it.
 *
 *   npm run bench:ingest            BATCHES=200 SPANS=500 CONCURRENCY=8 to change the load
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import generated from '@opentelemetry/otlp-transformer/build/src/generated/root.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The built server; TRACEFALL_SERVER_JS points elsewhere (e.g. a bundle built for a test). */
const SERVER = path.resolve(
  process.env.TRACEFALL_SERVER_JS ?? path.join(ROOT, 'dist/server/main.js'),
);
const BATCHES = Number(process.env.BATCHES ?? 200);
const SPANS = Number(process.env.SPANS ?? 500);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const BIG_TRACE_SPANS = 10_000;
const QUERY_RUNS = 15;
const TraceRequest = generated.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

/** A free loopback port (bound, then released). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** @param {number} port @param {string} target @param {{method?: string, headers?: Record<string,string>, body?: Buffer|string}} [options] */
function send(port, target, options = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: target,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let idCounter = 0;
const hex = (value, digits) => value.toString(16).padStart(digits, '0');

/** One export request: `count` spans of `traceId` (LLM-ish attributes), parents chained per 10. */
function exportRequest(traceId, count, firstIndex = 0) {
  const base = 1_795_000_000_000_000_000n + BigInt(firstIndex) * 1_000_000n;
  const spans = [];
  for (let i = 0; i < count; i++) {
    const index = firstIndex + i;
    const isLlm = index % 5 === 0;
    spans.push({
      traceId,
      spanId: hex(++idCounter, 16),
      ...(index === 0 ? {} : { parentSpanId: hex(idCounter - 1 - (index % 10), 16) }),
      name: isLlm ? 'chat gpt-4o-mini' : `step-${index % 20}`,
      kind: isLlm ? 3 : 1,
      startTimeUnixNano: String(base + BigInt(i) * 1000n),
      endTimeUnixNano: String(base + BigInt(i) * 1000n + 5_000_000n),
      attributes: [
        { key: 'gen_ai.operation.name', value: { stringValue: isLlm ? 'chat' : 'task' } },
        { key: 'gen_ai.request.model', value: { stringValue: isLlm ? 'gpt-4o-mini' : '' } },
        { key: 'gen_ai.usage.input_tokens', value: { intValue: String(100 + (index % 50)) } },
        { key: 'http.response.status_code', value: { intValue: '200' } },
        { key: 'app.step', value: { intValue: String(index) } },
        { key: 'app.note', value: { stringValue: `payload ${'x'.repeat(120)}` } },
      ],
      status: { code: index % 97 === 0 ? 2 : 0 },
    });
  }
  return {
    resourceSpans: [
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: 'bench-service' } },
            { key: 'service.version', value: { stringValue: '1.0.0' } },
          ],
        },
        scopeSpans: [{ scope: { name: 'bench', version: '1' }, spans }],
      },
    ],
  };
}

/** protobuf bytes via the same generated code the receiver decodes with (ids: hex → bytes). */
function toProtobuf(doc) {
  const copy = structuredClone(doc);
  for (const span of copy.resourceSpans[0].scopeSpans[0].spans) {
    for (const key of ['traceId', 'spanId', 'parentSpanId']) {
      if (span[key]) span[key] = Buffer.from(span[key], 'hex').toString('base64');
    }
  }
  return Buffer.from(TraceRequest.encode(TraceRequest.fromObject(copy)).finish());
}

/** Sends `bodies` with at most CONCURRENCY in flight; resolves with the elapsed ms. */
async function sendAll(port, bodies, headers) {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const res = await send(port, '/v1/traces', { method: 'POST', headers, body });
      if (res.status !== 200) throw new Error(`export answered ${res.status}: ${res.body}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return performance.now() - started;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function startServer(dataDir, port, otlpPort) {
  const child = spawn(process.execPath, [SERVER], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(port),
      OTLP_HTTP_PORT: String(otlpPort),
      TRACEFALL_DATA_DIR: path.join(dataDir, 'store'),
      TRACEFALL_DEMO: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('OTLP/HTTP receiver')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  return child;
}

const traceOf = (n) => hex(0xbe00 + n, 32);
const rate = (ms) => Math.round((BATCHES * SPANS) / (ms / 1000));
const load = `${BATCHES}×${SPANS} spans, ${CONCURRENCY} in flight`;

/** Ingestion throughput, JSON then protobuf+gzip (bodies are encoded before the clock starts). */
async function benchIngest(otlpPort) {
  const jsonBodies = Array.from({ length: BATCHES }, (_, b) =>
    JSON.stringify(exportRequest(traceOf(b % 50), SPANS, b * SPANS)),
  );
  const jsonMs = await sendAll(otlpPort, jsonBodies, { 'Content-Type': 'application/json' });
  console.log(`ingest OTLP/JSON: ${rate(jsonMs)} spans/s (${load})`);
  const protoBodies = Array.from({ length: BATCHES }, (_, b) =>
    gzipSync(toProtobuf(exportRequest(traceOf(100 + (b % 50)), SPANS, b * SPANS))),
  );
  const protoMs = await sendAll(otlpPort, protoBodies, {
    'Content-Type': 'application/x-protobuf',
    'Content-Encoding': 'gzip',
  });
  console.log(`ingest OTLP/protobuf+gzip: ${rate(protoMs)} spans/s (${load})`);
}

/** Median latency of GET `target` over QUERY_RUNS runs, and the body size. */
async function timeQuery(port, target) {
  const runs = [];
  let bytes = 0;
  for (let i = 0; i < QUERY_RUNS; i++) {
    const started = performance.now();
    const res = await send(port, target);
    if (res.status !== 200) throw new Error(`${target} answered ${res.status}`);
    runs.push(performance.now() - started);
    bytes = res.body.length;
  }
  return { ms: median(runs).toFixed(1), bytes };
}

/** Query latency: a 10,000-span trace (sent in 20 batches), recent traces, a search. */
async function benchQueries(port, otlpPort) {
  const bigTrace = hex(0xb16, 32);
  const bigBodies = Array.from({ length: BIG_TRACE_SPANS / 500 }, (_, b) =>
    JSON.stringify(exportRequest(bigTrace, 500, b * 500)),
  );
  await sendAll(otlpPort, bigBodies, { 'Content-Type': 'application/json' });
  const api = '/api/sources/local/api/v3';
  const trace = await timeQuery(port, `${api}/traces/${bigTrace}`);
  const mb = (trace.bytes / 1e6).toFixed(1);
  console.log(`query 10,000-span trace: ${trace.ms} ms median of ${QUERY_RUNS} (${mb} MB JSON)`);
  const recent = await timeQuery(port, `${api}/trace-summaries?query.search_depth=20`);
  console.log(`query 20 recent trace summaries: ${recent.ms} ms median of ${QUERY_RUNS}`);
  const search = await timeQuery(
    port,
    `${api}/trace-summaries?query.service_name=bench-service&query.operation_name=chat%20gpt-4o-mini&query.duration_min=1ms&query.search_depth=20`,
  );
  console.log(
    `query search (service + operation + duration): ${search.ms} ms median of ${QUERY_RUNS}`,
  );
}

async function main() {
  if (!existsSync(SERVER)) {
    console.log('building the server (dist/server/main.js is missing)…');
    const build = spawnSync('npm', ['run', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tracefall-bench-'));
  const port = await freePort();
  const otlpPort = await freePort();
  let child;
  try {
    child = await startServer(dataDir, port, otlpPort);
    await benchIngest(otlpPort);
    await benchQueries(port, otlpPort);
    const total = 2 * BATCHES * SPANS + BIG_TRACE_SPANS;
    const dbBytes = statSync(path.join(dataDir, 'store/tracefall.db')).size;
    const perSpan = Math.round(dbBytes / total);
    console.log(
      `store size: ${(dbBytes / 1e6).toFixed(1)} MB for ${total} spans (${perSpan} B/span)`,
    );
  } finally {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
