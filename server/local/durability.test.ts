/**
 * The real server as a child process: an acknowledged batch survives `kill -9`, the example
 * traces load once across restarts, and the dedicated OTLP port answers. The server is
 * bundled here with the project's Vite SSR config (unit tests run before `npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/fixtures';
import { encodeTraceRequest } from '../otlp/otlp-proto';
import { closedPort } from '../test-support';
import { LOCAL_V3, getJson, makeTempDir, postOtlp } from './test-local-server';

const ROOT = path.resolve(import.meta.dirname, '../..');
// Inside node_modules so the bundle resolves its external packages from the project.
const OUT_DIR = path.join(ROOT, 'node_modules/.cache/tracefall-durability-test');
const STARTUP_TIMEOUT_MS = 20_000;

interface Running {
  readonly child: ChildProcess;
  readonly port: number;
  output: string;
}

/** Starts dist-like main.js and waits for its "listening" and "OTLP/HTTP receiver" lines. */
function startServer(dataDir: string, otlpPort: number, demo: '0' | '1'): Promise<Running> {
  const child = spawn(process.execPath, [path.join(OUT_DIR, 'main.js')], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: '0',
      OTLP_HTTP_PORT: String(otlpPort),
      TRACEFALL_DATA_DIR: path.join(dataDir, 'store'),
      TRACEFALL_DEMO: demo,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${output}`));
    }, STARTUP_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (port && output.includes('OTLP/HTTP receiver')) {
        clearTimeout(timer);
        resolve({ child, port: Number(port), output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

function killHard(running: Running): Promise<void> {
  return new Promise((resolve) => {
    running.child.removeAllListeners('exit');
    running.child.once('exit', () => resolve());
    running.child.kill('SIGKILL');
  });
}

async function summaryIds(port: number): Promise<string[]> {
  const { json } = await getJson(port, `${LOCAL_V3}/trace-summaries`);
  return (json as { summaries: { traceId: string }[] }).summaries.map((s) => s.traceId);
}

describe('durability (server as a child process)', () => {
  let dir: string;
  const children: Running[] = [];

  beforeAll(async () => {
    dir = makeTempDir('tracefall-durability-');
    mkdirSync(OUT_DIR, { recursive: true });
    await build({
      configFile: path.join(ROOT, 'vite.server.config.ts'),
      root: ROOT,
      logLevel: 'silent',
      build: { outDir: OUT_DIR, sourcemap: false, emptyOutDir: true },
    });
  }, 60_000);

  afterAll(async () => {
    for (const running of children) {
      if (running.child.exitCode === null && running.child.signalCode === null) {
        await killHard(running);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps an acknowledged batch through kill -9, and loads the examples only once', async () => {
    const otlpPort = await closedPort();
    const first = await startServer(dir, otlpPort, '1');
    children.push(first);
    const demoIds = await summaryIds(first.port);
    expect(demoIds).toHaveLength(4);

    const fixture = loadFixture('llm/otel-genai-openai/agent.json') as {
      resourceSpans: { scopeSpans: { spans: { traceId: string }[] }[] }[];
    };
    const traceId = fixture.resourceSpans[0]?.scopeSpans[0]?.spans[0]?.traceId ?? '';
    const res = await postOtlp(otlpPort, '/v1/traces', gzipSync(encodeTraceRequest(fixture)), {
      'Content-Type': 'application/x-protobuf',
      'Content-Encoding': 'gzip',
    });
    expect(res.status).toBe(200);
    await killHard(first); // right after the 2xx: no graceful shutdown, no checkpoint

    const second = await startServer(dir, otlpPort, '1');
    children.push(second);
    const { status, json } = await getJson(second.port, `${LOCAL_V3}/traces/${traceId}`);
    expect(status).toBe(200);
    const spans = (
      json as { result: { resourceSpans: { scopeSpans: { spans: unknown[] }[] }[] } }
    ).result.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans));
    expect(spans).toHaveLength(6);
    expect((await summaryIds(second.port)).sort()).toEqual([...demoIds, traceId].sort());
    await killHard(second);
  }, 60_000);
});
