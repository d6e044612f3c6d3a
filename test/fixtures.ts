/**
 * Reads the recorded fixtures in `test/fixtures/` (byte-for-byte copies of `../shared/fixtures`,
 * provenance in each folder's SOURCES.md). Tests read fixtures only through this module so the
 * location can change in one place.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// node:path, not `new URL(…)`: under jsdom the global URL is jsdom's, which fileURLToPath rejects.
const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Absolute path of a fixture, e.g. `fixturePath('jaeger/trace-object_child-outlives-parent.json')`. */
export function fixturePath(relPath: string): string {
  if (relPath.startsWith('/') || relPath.split(/[\\/]/).includes('..')) {
    throw new Error(`fixture path must stay inside test/fixtures: ${relPath}`);
  }
  return join(FIXTURES_DIR, relPath);
}

/** The fixture's text, exactly as stored (UTF-8). */
export function readFixtureText(relPath: string): string {
  return readFileSync(fixturePath(relPath), 'utf8');
}

/** The fixture parsed as JSON. Typed `unknown` on purpose: adapters must cope with any shape. */
export function loadFixture(relPath: string): unknown {
  return JSON.parse(readFixtureText(relPath)) as unknown;
}
