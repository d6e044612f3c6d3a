#!/usr/bin/env node
/**
 * Makes sure the Chromium that Playwright drives exists (`npm test` runs this first). Playwright's
 * own browser download is not used: the e2e tests run Debian's chromium package.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';
const explicit = process.env.CHROMIUM_PATH;
const target = explicit || DEFAULT_PATH;

/** @param {string} file */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} message */
function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

if (isExecutable(target)) process.exit(0);
if (explicit) fail(`CHROMIUM_PATH=${explicit} is not an executable file.`);
if (process.platform !== 'linux' || !isExecutable('/usr/bin/apt-get')) {
  fail(
    `${DEFAULT_PATH} is missing and apt-get is not available. Install Chromium, ` +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
}

const isRoot = process.getuid?.() === 0;
if (!isRoot && !isExecutable('/usr/bin/sudo')) {
  fail(
    `${DEFAULT_PATH} is missing. Run as root, or install it yourself: ` +
      'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium',
  );
}

/** @param {string[]} args */
function apt(args) {
  const [command, ...rest] = isRoot ? ['apt-get', ...args] : ['sudo', '-n', 'apt-get', ...args];
  console.log(`ensure-chromium: ${[command, ...rest].join(' ')}`);
  const result = spawnSync(command ?? 'apt-get', rest, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0)
    fail(`"${[command, ...rest].join(' ')}" failed (exit ${result.status}).`);
}

console.log(`ensure-chromium: ${DEFAULT_PATH} is missing; installing Debian's chromium package.`);
apt(['update']);
apt(['install', '-y', 'chromium']);
if (!isExecutable(DEFAULT_PATH)) fail(`apt-get finished but ${DEFAULT_PATH} is still missing.`);
console.log(`ensure-chromium: installed ${DEFAULT_PATH}.`);
