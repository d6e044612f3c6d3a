#!/usr/bin/env node
/**
 * Prints the one line CI reads, `N passed, N failed`, from Vitest's JSON report
 * (test-results/unit.json) and Playwright's (test-results/e2e.json). Exits non-zero when anything
 * failed, including a failure of `npm test` outside any counted test (format, lint, typecheck,
 * build, a server that would not start): pass its exit code as `--npm-exit-code N`.
 */
import { readFileSync } from 'node:fs';

/** @param {string} file @returns {any} */
function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const argIndex = process.argv.indexOf('--npm-exit-code');
const npmExitCode = argIndex === -1 ? 0 : Number(process.argv[argIndex + 1] ?? 1);

let passed = 0;
let failed = 0;

const unit = readReport('test-results/unit.json');
if (unit) {
  const unitFailed = Number(unit.numFailedTests ?? 0);
  // A test file that cannot even load fails no test but fails its suite.
  const brokenFiles =
    unit.success === false && unitFailed === 0
      ? Math.max(1, Number(unit.numFailedTestSuites ?? 0))
      : 0;
  passed += Number(unit.numPassedTests ?? 0);
  failed += unitFailed + brokenFiles;
  console.log(
    `unit (vitest): ${unit.numPassedTests ?? 0} passed, ${unitFailed + brokenFiles} failed`,
  );
} else {
  console.log('unit (vitest): no report (test-results/unit.json)');
}

const e2e = readReport('test-results/e2e.json');
if (e2e?.stats) {
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = e2e.stats;
  // Errors outside tests (a web server that did not start, a spec that did not compile).
  const globalErrors = unexpected === 0 && Array.isArray(e2e.errors) ? e2e.errors.length : 0;
  passed += expected + flaky;
  failed += unexpected + globalErrors;
  console.log(
    `e2e (playwright): ${expected + flaky} passed, ${unexpected + globalErrors} failed, ${skipped} skipped`,
  );
} else {
  console.log('e2e (playwright): no report (test-results/e2e.json)');
}

if (npmExitCode !== 0 && failed === 0) {
  console.log(
    `npm test exited with ${npmExitCode} outside the counted tests; counting it as 1 failure`,
  );
  failed = 1;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
