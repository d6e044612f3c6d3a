#!/usr/bin/env node
/**
 * `npm run bench`: large traces through the real app. Generates issue-8-shaped Jaeger payloads
 * (bench/jaeger-payload.mjs, deterministic), serves them from a loopback Jaeger stand-in, starts
 * the built Tracefall server against it (free loopback ports, no demo data, no OTLP port),
 * drives Debian's Chromium with Playwright and prints one line per figure. Writes
 * bench/results.md, then runs the ingest benchmark.
 *
 *   npm run bench                         all sizes: 1k 10k 100k 200k 1M
 *   BENCH_SIZES=1000,100000 npm run bench  some sizes; BENCH_SKIP_INGEST=1 skips bench:ingest
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { initialJavaScript } from '../bench/bundle-size.mjs';
import { createJaegerBackend, gzipChunks } from '../bench/jaeger-backend.mjs';
import { buildJaegerPayload } from '../bench/jaeger-payload.mjs';
import { printFigures, writeResults } from '../bench/report.mjs';
import { benchTracePage } from '../bench/trace-page-bench.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000,200000,1000000')
  .split(',')
  .map(Number);
/**
 * Small traces open in a few hundred ms, where one run varies by ±60 ms on this 2-core machine
 * (Chromium, the server and the Jaeger stand-in share it): they are opened this many times, each
 * in a fresh context, and the run with the median first row is reported, with the spread.
 */
const REPEATS = Number(process.env.BENCH_REPEATS ?? 9);
const REPEAT_UP_TO_SPANS = 10_000;
/** Above this the payload is served gzipped: the server's proxy refuses bodies over 512 MB. */
const GZIP_FROM_SPANS = 300_000;
const SEED = 8;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-precise-memory-info',
];
/** Nothing may hang the bench: the whole run is cut off after this. */
const WATCHDOG_MS = 30 * 60_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function ensureBuilt() {
  for (const [file, script] of [
    ['dist/app/index.html', 'build:app'],
    ['dist/server/main.js', 'build:server'],
  ]) {
    if (existsSync(path.join(ROOT, file))) continue;
    console.log(`bench: ${file} is missing, running npm run ${script}`);
    const result = spawnSync('npm', ['run', script], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npm run ${script} failed`);
  }
}

async function startTracefall(backendPort, dataDir) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/server/main.js')], {
    cwd: dataDir,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      OTLP_HTTP_PORT: '0',
      TRACEFALL_DEMO: '0',
      TRACEFALL_DATA_DIR: dataDir,
      TRACEFALL_CONFIG: '',
      JAEGER_URL: `http://127.0.0.1:${backendPort}`,
      TEMPO_URL: '',
      TRACEFALL_PROXY_TIMEOUT_MS: '60000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.on('data', (chunk) => process.stderr.write(`tracefall: ${chunk}`));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, stop: () => child.kill('SIGTERM') };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the Tracefall server did not start');
}

/**
 * One visit to a small trace in a throwaway context before measuring: the first page of a freshly
 * launched browser also pays for starting its renderer and network processes, and the server's
 * first requests (its proxy included) for its own start. Every measured page still opens in a
 * new context, with an empty cache, as a first visit.
 */
async function warmUp(browser, appUrl, traces) {
  const payload = buildJaegerPayload(50, SEED + 1);
  traces.set(payload.traceId.toLowerCase(), payload);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${appUrl}/trace/jaeger/${payload.traceId}`, { waitUntil: 'load' });
    await page.locator('[data-testid="span-row"]').first().waitFor({ timeout: 30_000 });
  } finally {
    await context.close();
    traces.delete(payload.traceId.toLowerCase());
  }
}

/** The run with the median first row, with every run's first row beside it. */
function medianRun(runs) {
  const byFirstRow = [...runs].sort(
    (a, b) => (a.firstRowMs ?? Infinity) - (b.firstRowMs ?? Infinity),
  );
  const median = byFirstRow[Math.floor((byFirstRow.length - 1) / 2)];
  return { ...median, firstRowRunsMs: byFirstRow.map((r) => r.firstRowMs) };
}

async function main() {
  const watchdog = setTimeout(() => {
    console.error('bench: watchdog: took too long, stopping');
    process.exit(2);
  }, WATCHDOG_MS);
  ensureBuilt();
  const traces = new Map();
  const backend = createJaegerBackend(traces);
  const backendPort = await freePort();
  await new Promise((resolve) => backend.listen(backendPort, '127.0.0.1', resolve));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tracefall-bench-'));
  const app = await startTracefall(backendPort, dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const results = [];
  const bundle = initialJavaScript(path.join(ROOT, 'dist/app'));
  const chromiumVersion = browser.version();
  try {
    console.log(`bench: Chromium ${chromiumVersion}, app ${app.url}`);
    console.log(
      `bench all  initial-js ${`${(bundle.gzipBytes / 1024).toFixed(1)} KB`.padStart(29)}  ` +
        `gzipped, ${bundle.files} files named by index.html; target ≤ 150`,
    );
    await warmUp(browser, app.url, traces);
    for (const spanCount of SIZES) {
      const started = performance.now();
      const payload = buildJaegerPayload(spanCount, SEED);
      const isGzip = spanCount >= GZIP_FROM_SPANS;
      if (isGzip) payload.gzip = await gzipChunks(payload.chunks);
      traces.set(payload.traceId.toLowerCase(), payload);
      const generatedMs = performance.now() - started;
      const runs = [];
      for (let run = 0; run < (spanCount <= REPEAT_UP_TO_SPANS ? REPEATS : 1); run++) {
        runs.push(
          await benchTracePage({
            browser,
            appUrl: app.url,
            traceId: payload.traceId,
            spanCount,
            timeoutMs: spanCount >= 1_000_000 ? 240_000 : 90_000,
            // One string cannot hold a payload this large (V8 caps strings at 512 M characters).
            canParseJson: payload.bytes < 500_000_000,
            // Tracefall streams (and then packs) Jaeger payloads from 4 MB up, or served encoded.
            isStreamed: isGzip || payload.bytes >= 4 * 1024 * 1024,
          }),
        );
      }
      const page = medianRun(runs);
      const result = { spanCount, bytes: payload.bytes, isGzip, generatedMs, ...page };
      traces.delete(payload.traceId.toLowerCase());
      results.push(result);
      printFigures(result);
    }
  } finally {
    await browser.close().catch(() => undefined);
    app.stop();
    backend.close();
    backend.closeAllConnections();
    rmSync(dataDir, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
  const resultsFile = path.join(ROOT, 'bench/results.md');
  writeResults(resultsFile, results, chromiumVersion, bundle);
  // Formatted like the rest of the repository, so `npm run check` stays green.
  spawnSync(path.join(ROOT, 'node_modules/.bin/prettier'), ['--write', resultsFile], { cwd: ROOT });
  console.log('bench: wrote bench/results.md');
  if (process.env.BENCH_SKIP_INGEST) {
    console.log('bench: ingest benchmark skipped; run it with: npm run bench:ingest');
    return;
  }
  const ingest = spawnSync(process.execPath, [path.join(ROOT, 'bench/ingest-bench.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
    timeout: 10 * 60_000,
  });
  if (ingest.status !== 0) console.log('bench: the ingest benchmark failed (npm run bench:ingest)');
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
