import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateJaegerPayload } from '../../../test/generate-trace';
import { recordAt } from '../../model/span-table';
import { buildSpanTree, buildSpanTreeFromTable } from '../../model/span-tree';
import { finishStreamedTrace } from './jaeger-fast-trace';
import { JaegerStreamScanner } from './jaeger-stream';
import { parseJaegerTrace } from './parse-jaeger';

const BASE = JSON.stringify(generateJaegerPayload(4, 6));
/** Characters that change JSON's structure or a value's type when dropped in anywhere. */
const NOISE = [
  '"',
  '\\',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '0',
  '9',
  '-',
  '.',
  'e',
  'n',
  ' ',
  'é',
  '\u0001',
];

function scan(text: string, chunkBytes: number) {
  const scanner = new JaegerStreamScanner();
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += chunkBytes)
    scanner.push(bytes.subarray(at, at + chunkBytes));
  return scanner.finish() ? finishStreamedTrace(scanner, undefined) : undefined;
}

describe('JaegerStreamScanner on damaged payloads', () => {
  it('either falls back, or reads exactly what the exact path reads', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(BASE.length - 1), fc.constantFrom(...NOISE), fc.boolean()), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.integer({ min: 1, max: 500 }),
        (edits, chunkBytes) => {
          let text = BASE;
          for (const [at, ch, isInsert] of edits) {
            text = text.slice(0, at) + ch + text.slice(isInsert ? at : at + 1);
          }
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            expect(scan(text, chunkBytes)).toBeUndefined();
            return;
          }
          const streamed = scan(text, chunkBytes);
          if (!streamed) return;
          const exact = parseJaegerTrace(json);
          const a = buildSpanTree(exact.trace);
          const b = buildSpanTreeFromTable(streamed.table, streamed.refs);
          expect([...streamed.problems, ...b.problems]).toEqual([...exact.problems, ...a.problems]);
          expect(Array.from(b.parent)).toEqual(Array.from(a.parent));
          expect(Array.from(b.trace.statusCode)).toEqual(Array.from(a.trace.statusCode));
          for (let i = 0; i < a.trace.count; i++) {
            expect(recordAt(b.trace, i)).toEqual(recordAt(a.trace, i));
          }
        },
      ),
      { numRuns: 400 },
    );
  }, 30_000);
});
