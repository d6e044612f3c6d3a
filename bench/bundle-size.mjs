/**
 * The JavaScript a first page load fetches before anything is lazy-loaded: the module scripts
 * and module preloads that dist/app/index.html names, gzipped (issue #8: ≤ 150 KB).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** @returns {{ files: number, gzipBytes: number }} */
export function initialJavaScript(appDir) {
  const html = readFileSync(path.join(appDir, 'index.html'), 'utf8');
  const names = new Set(
    [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map(
      (match) => match[1],
    ),
  );
  let gzipBytes = 0;
  for (const name of names) {
    gzipBytes += gzipSync(readFileSync(path.join(appDir, name)), { level: 9 }).length;
  }
  return { files: names.size, gzipBytes };
}
