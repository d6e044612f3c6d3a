import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import {
  APP_PORT,
  DOWN_SOURCE_CONFIG,
  GENERATED_TRACE,
  MULTI_REPLAY_PORT,
  PROXY_TIMEOUT_MS,
  REPLAY_PORT,
} from './e2e/support/e2e-env';

/**
 * End-to-end tests drive Debian's Chromium against the real built server (`npm run build` runs
 * before `npm run e2e` in `npm test`; nothing is built here) and a Jaeger replay that serves the
 * recorded fixtures in test/fixtures/jaeger/.
 */
const baseURL = `http://127.0.0.1:${APP_PORT}`;
const reuseExistingServer = !process.env.CI;

// Made once by the runner; workers load this file too and inherit the variable instead of
// creating their own directory.
process.env.TRACEFALL_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'tracefall-e2e-'));

export default defineConfig({
  testDir: './e2e',
  // Not test-results/ itself: Playwright empties its outputDir, and Vitest's report lives there.
  outputDir: 'test-results/e2e-artifacts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command:
        `node e2e/replay/jaeger-replay.mjs --host 127.0.0.1 --port ${REPLAY_PORT}` +
        ` --generated ${GENERATED_TRACE.spans}:${GENERATED_TRACE.seed}`,
      url: `http://127.0.0.1:${REPLAY_PORT}/api/services`,
      reuseExistingServer,
      timeout: 30_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 },
    },
    {
      // Jaeger v3, Tempo and Zipkin stand-ins (sources in e2e/support/tracefall.e2e.config.json).
      command: `node e2e/replay/multi-replay.mjs --host 127.0.0.1 --port ${MULTI_REPLAY_PORT}`,
      url: `http://127.0.0.1:${MULTI_REPLAY_PORT}/health`,
      reuseExistingServer,
      timeout: 30_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 },
    },
    {
      command: 'node dist/server/main.js',
      url: `${baseURL}/api/health`,
      reuseExistingServer,
      timeout: 60_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      env: {
        HOST: '127.0.0.1',
        PORT: String(APP_PORT),
        // The embedded receiver on a fixed free port, for e2e/local-store.spec.ts.
        OTLP_HTTP_PORT: '4399',
        JAEGER_URL: `http://127.0.0.1:${REPLAY_PORT}`,
        TEMPO_URL: '',
        // Adds the source `down` (a closed port) and the multi-replay sources next to `jaeger`.
        TRACEFALL_CONFIG: DOWN_SOURCE_CONFIG,
        TRACEFALL_DATA_DIR: process.env.TRACEFALL_E2E_DATA_DIR,
        TRACEFALL_DEMO: '0',
        // Short, so the timeout test (SLOW_TRACE_ID never answers) stays quick.
        TRACEFALL_PROXY_TIMEOUT_MS: String(PROXY_TIMEOUT_MS),
      },
    },
  ],
});
