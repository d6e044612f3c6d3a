/**
 * The real server as a child process, for crash tests: bundled with the project's Vite SSR
 * config into `node_modules/.cache/<name>` (so the bundle resolves its packages from the
 * project), started on loopback ports with a given data dir, and killed with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STARTUP_TIMEOUT_MS = 20_000;

export interface ChildServer {
  readonly child: ChildProcess;
  readonly port: number;
}

/** Bundles server/main.ts; resolves with the bundle's path. */
export async function buildServerBundle(name: string): Promise<string> {
  const outDir = path.join(ROOT, 'node_modules/.cache', name);
  mkdirSync(outDir, { recursive: true });
  await build({
    configFile: path.join(ROOT, 'vite.server.config.ts'),
    root: ROOT,
    logLevel: 'silent',
    build: { outDir, sourcemap: false, emptyOutDir: true },
  });
  return path.join(outDir, 'main.js');
}

/** Starts the bundle and waits for its "listening" and "OTLP/HTTP receiver" lines. */
export function startChildServer(
  mainJs: string,
  dataDir: string,
  otlpPort: number,
  env: Record<string, string> = {},
): Promise<ChildServer> {
  const child = spawn(process.execPath, [mainJs], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: '0',
      OTLP_HTTP_PORT: String(otlpPort),
      TRACEFALL_DATA_DIR: path.join(dataDir, 'store'),
      TRACEFALL_DEMO: '0',
      ...env,
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
        child.off('exit', onExit);
        resolve({ child, port: Number(port) });
      }
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

export function isRunning(server: ChildServer): boolean {
  return server.child.exitCode === null && server.child.signalCode === null;
}

/** SIGKILL: no shutdown handler runs, nothing is flushed. */
export function killHard(server: ChildServer): Promise<void> {
  if (!isRunning(server)) return Promise.resolve();
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}
