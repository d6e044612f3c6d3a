import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/fixtures';
import { generateJaegerPayload } from '../../test/generate-trace';
import { recordAt } from '../model/span-table';
import { nodeIdOf } from '../model/span-tree';
import { finishStreamedTrace } from '../sources/jaeger/jaeger-fast-trace';
import { JaegerStreamScanner } from '../sources/jaeger/jaeger-stream';
import { parseJaegerTrace } from '../sources/jaeger/parse-jaeger';
import { TraceSession } from './trace-session';
import {
  decodeSpan,
  encodeSpan,
  fillRecords,
  packBase,
  packDerived,
  packRecords,
  reviveBase,
  reviveDerived,
} from './trace-transfer';

/** What the page gets: the payload after a structured clone (as postMessage does). */
function crossThread<T>(value: T): T {
  return structuredClone(value);
}

describe('trace transfer', () => {
  it('revives adapter output: tree, records, ids and derived data', async () => {
    const parsed = parseJaegerTrace(
      loadFixture('jaeger/api-traces-envelope_transform-out_dup-spanids_missing-parent.json'),
    );
    const session = new TraceSession({ kind: 'parsed', parsed });
    const { payload, transfer, later } = packBase(session.base, {
      kind: 'objects',
      spans: parsed.trace.spans,
    });
    expect(transfer).toEqual([]);
    const base = reviveBase(crossThread(payload));
    fillRecords(base, crossThread(packRecords(later ?? [])));
    const { tree } = base;
    expect(tree.trace.spanIds).toEqual(['e127af99e3b3e074', 'e127af99e3b3e074~2']);
    // The renamed copy keeps its id as sent, and the placeholder is found by its missing id.
    expect(recordAt(tree.trace, 1)).toMatchObject({ spanId: 'e127af99e3b3e074~2' });
    expect(tree.nodeById.get('909541b92cf05311')).toBe(2);
    expect(nodeIdOf(tree, 2)).toBe('909541b92cf05311');
    expect(base.problems).toEqual(session.base.problems);
    const derived = reviveDerived(
      crossThread(packDerived(await session.derived())),
      tree.nodeCount,
    );
    expect(derived.criticalPath.reason(2)).toBe((await session.derived()).criticalPath.reason(2));
    expect(derived.llm.calls).toHaveLength(tree.nodeCount);
  });

  it('moves a streamed payload to the page, and the page decodes records from it', () => {
    const payload = generateJaegerPayload(50, 4);
    const scanner = new JaegerStreamScanner();
    scanner.push(new TextEncoder().encode(JSON.stringify(payload)));
    expect(scanner.finish()).toBe(true);
    const trace = finishStreamedTrace(scanner, undefined)!;
    const session = new TraceSession({ kind: 'streamed', trace });
    const packed = packBase(session.base, { kind: 'bytes', bytes: trace.bytes });
    expect(packed.transfer.length).toBeGreaterThan(0);
    const page = reviveBase(structuredClone(packed.payload, { transfer: packed.transfer }));
    const exact = parseJaegerTrace(payload).trace.spans;
    expect(recordAt(page.tree.trace, 17)).toEqual(exact[17]);
    // Moved, not copied: the worker no longer holds the payload.
    expect(trace.bytes.chunks[0]?.byteLength).toBe(0);
  });

  it('sends adapter records after the base data, as JSON text that decodes to the same spans', async () => {
    const parsed = parseJaegerTrace(loadFixture('jaeger/trace-object_genai_57spans_10procs.json'));
    const session = new TraceSession({ kind: 'parsed', parsed });
    const { payload, later } = packBase(session.base, {
      kind: 'objects',
      spans: parsed.trace.spans,
    });
    expect(payload.records.kind).toBe('later');
    const base = reviveBase(crossThread(payload));
    const { records } = base.tree.trace;
    // Until they come, reading one throws and `pending` says they are on their way.
    expect(() => recordAt(base.tree.trace, 0)).toThrow(/still loading/);
    const { pending } = records;
    expect(pending).toBeInstanceOf(Promise);
    const sent = packRecords(later ?? []);
    expect(sent.kind).toBe('json');
    fillRecords(base, crossThread(sent));
    await expect(pending).resolves.toBeUndefined();
    expect(records.pending).toBeUndefined();
    parsed.trace.spans.forEach((span, index) => {
      expect(recordAt(base.tree.trace, index)).toEqual(span);
    });
  });

  it('keeps what plain JSON would bend: non-finite numbers, and strings that look encoded', () => {
    const parsed = parseJaegerTrace(loadFixture('jaeger/trace-object_genai_57spans_10procs.json'));
    const span = parsed.trace.spans[0]!;
    const hostile = {
      ...span,
      attributes: [
        { key: 'nan', value: { type: 'float' as const, value: Number.NaN } },
        { key: 'inf', value: { type: 'float' as const, value: -Infinity } },
        { key: 'looks-encoded', value: { type: 'string' as const, value: '\0n5' } },
        { key: '\0\0', value: { type: 'string' as const, value: '\0' } },
      ],
    };
    const decoded = decodeSpan(structuredClone(encodeSpan(hostile)));
    expect(decoded).toEqual(hostile);
    expect(decoded.attributes[2]?.value).toEqual({ type: 'string', value: '\0n5' });
    const nan = decoded.attributes[0]?.value;
    expect(nan?.type === 'float' && Number.isNaN(nan.value)).toBe(true);
  });
});
