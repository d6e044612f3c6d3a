#!/usr/bin/env node
/**
 * `npm run dev`: Vite's dev server for the app (http://127.0.0.1:5173, hot reload) plus the Node
 * server on PORT+1, rebuilt and restarted on every change. Vite proxies /api to PORT+1 (see
 * vite.config.ts), so the app talks to the server same-origin as in production.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vite = path.join(root, 'node_modules/vite/bin/vite.js');
const port = Number(process.env.PORT ?? 8080);
const serverPort = String(port + 1);

// Build the server once so `node --watch` has something to start.
const first = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.server.config.ts'], {
  cwd: root,
  stdio: 'inherit',
});
if (first.status !== 0) process.exit(first.status ?? 1);

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
let stopping = false;

/** @param {string[]} args @param {NodeJS.ProcessEnv} env */
function run(args, env = process.env) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`dev: "${args.join(' ')}" exited (${code}); stopping everything`);
      stop(code ?? 1);
    }
  });
  children.push(child);
}

/** @param {number} code */
function stop(code) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}

run([vite, 'build', '--config', 'vite.server.config.ts', '--watch']);
run(['--watch', 'dist/server/main.js'], { ...process.env, PORT: serverPort });
run([vite], { ...process.env, PORT: String(port) });
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
