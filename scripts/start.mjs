#!/usr/bin/env node
/**
 * `npm start`: builds when the build is missing or older than its sources, then runs the built
 * server in the foreground, passing signals on so Ctrl-C and `docker stop` shut it down cleanly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUTS = ['dist/app/index.html', 'dist/server/main.js'];
/** What the build reads; a change to any of these makes the build stale. */
const INPUT_DIRS = ['src', 'server', 'public'];
const INPUT_FILES = [
  'index.html',
  'package.json',
  'package-lock.json',
  'vite.config.ts',
  'vite.server.config.ts',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.app.json',
  'tsconfig.node.json',
];
const TEST_FILE = /\.test\.tsx?$/;

/** @param {string} file */
function mtimeOf(file) {
  try {
    return statSync(path.join(root, file)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Newest modification time below `dir` (tests excluded: they are not part of the build). */
function newestIn(/** @type {string} */ dir) {
  let newest = 0;
  /** @type {import('node:fs').Dirent[]} */
  let entries;
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestIn(rel));
    else if (!TEST_FILE.test(entry.name)) newest = Math.max(newest, mtimeOf(rel) ?? 0);
  }
  return newest;
}

/** @returns {string | undefined} why a build is needed, or undefined when it is up to date */
function staleReason() {
  const outputTimes = OUTPUTS.map(mtimeOf);
  const missing = OUTPUTS.filter((_, i) => outputTimes[i] === undefined);
  if (missing.length > 0) return `missing ${missing.join(', ')}`;
  const built = Math.min(...outputTimes.map((t) => t ?? 0));
  const newestInput = Math.max(
    ...INPUT_DIRS.map(newestIn),
    ...INPUT_FILES.map((file) => mtimeOf(file) ?? 0),
  );
  return newestInput > built ? 'sources changed since the last build' : undefined;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const reason = staleReason();
if (reason) {
  console.log(`Tracefall: building (${reason})…`);
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('Tracefall: the build failed; not starting the server.');
    process.exit(build.status ?? 1);
  }
}

const server = spawn(process.execPath, [path.join(root, 'dist/server/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  process.exit(code ?? 1);
});
