import { afterEach, describe, expect, it } from 'vitest';
import { PackedChunks } from '../sources/jaeger/packed-chunks';
import { packWhenIdle } from './payload-packing';
import { PERF_MARKS } from './perf-marks';

const text = JSON.stringify({ spans: Array.from({ length: 400 }, (_, i) => ({ id: i, a: 'x' })) });
const bytes = new TextEncoder().encode(text);

afterEach(() => performance.clearMarks());

describe('packing the kept payload in idle time', () => {
  it('packs every block, keeps the bytes readable, and marks when done', async () => {
    const packed = new PackedChunks([bytes], 1_024);
    await packWhenIdle(packed);
    expect(packed.isDone).toBe(true);
    expect(packed.heldBytes).toBeLessThan(bytes.length / 3);
    expect(new TextDecoder().decode(packed.bytesOf(0, 0, bytes.length))).toBe(text);
    expect(performance.getEntriesByName(PERF_MARKS.payloadPacked)).toHaveLength(1);
  });

  it('stops when the trace is closed, without marking', async () => {
    const packed = new PackedChunks([bytes], 1_024);
    const closed = new AbortController();
    closed.abort();
    await packWhenIdle(packed, closed.signal);
    expect(packed.isDone).toBe(false);
    expect(packed.heldBytes).toBe(bytes.length);
    expect(performance.getEntriesByName(PERF_MARKS.payloadPacked)).toHaveLength(0);
  });
});
