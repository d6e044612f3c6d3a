import { describe, expect, it } from 'vitest';
import { generateJaegerPayload } from '../../../test/generate-trace';
import { createPackingCodec } from './payload-codec';
import { jaegerByteRecords } from './jaeger-bytes';
import { finishStreamedTrace } from './jaeger-fast-trace';
import { JaegerStreamScanner } from './jaeger-stream';
import { parseJaegerTrace } from './parse-jaeger';
import { PackedChunks, type PackingCodec } from './packed-chunks';

const bytesOf = (text: string) => new TextEncoder().encode(text);

async function packAll(packed: PackedChunks, codec: PackingCodec) {
  while (await packed.packNext(codec));
}

/** A streamed payload split into several chunks, as the scanner keeps it. */
function streamed(spanCount: number, seed: number) {
  const payload = generateJaegerPayload(spanCount, seed);
  const bytes = bytesOf(JSON.stringify(payload));
  const scanner = new JaegerStreamScanner();
  for (let at = 0; at < bytes.length; at += 7_001) scanner.push(bytes.subarray(at, at + 7_001));
  expect(scanner.finish()).toBe(true);
  return { payload, trace: finishStreamedTrace(scanner, undefined)! };
}

describe('packed payload chunks', () => {
  for (const preferNative of [true, false]) {
    const codecName = preferNative ? 'native CompressionStream' : 'fflate';
    it(`reads every span the same before, during and after packing (${codecName})`, async () => {
      const { payload, trace } = streamed(300, 11);
      const exact = parseJaegerTrace(payload).trace.spans;
      // Blocks far smaller than a span's JSON, so spans straddle two or more blocks.
      const packed = new PackedChunks(trace.bytes.chunks, 512);
      const records = jaegerByteRecords(trace.bytes, packed);
      const codec = createPackingCodec({ preferNative });
      expect(records.get(5)).toEqual(exact[5]);
      // Half packed: some spans in packed blocks, some in raw ones, some across both.
      for (let k = 0; k < packed.blockCount / 2; k++) await packed.packNext(codec);
      const fresh = jaegerByteRecords(trace.bytes, packed);
      exact.forEach((span, index) => expect(fresh.get(index)).toEqual(span));
      await packAll(packed, codec);
      expect(packed.isDone).toBe(true);
      const after = jaegerByteRecords(trace.bytes, packed);
      exact.forEach((span, index) => expect(after.get(index)).toEqual(span));
    });
  }

  it('holds a fraction of the payload once packed, and no view of the original chunks', async () => {
    const { trace } = streamed(2_000, 3);
    const original = trace.bytes.chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
    const packed = new PackedChunks(trace.bytes.chunks);
    expect(packed.heldBytes).toBe(original);
    await packAll(packed, createPackingCodec());
    expect(packed.heldBytes).toBeLessThan(original / 4);
    const buffers = new Set(trace.bytes.chunks.map((chunk) => chunk.buffer));
    // Every block now has a buffer of its own: the payload's buffers can be collected.
    const held = (packed as unknown as { blocks: Uint8Array[] }).blocks;
    expect(held.some((block) => buffers.has(block.buffer))).toBe(false);
  });

  it('keeps a block that does not shrink as a copy, and reads it back', async () => {
    const noise = new Uint8Array(3_000);
    let state = 7;
    for (let i = 0; i < noise.length; i++) {
      state = (state * 1_103_515_245 + 12_345) >>> 0;
      noise[i] = state >>> 24;
    }
    const packed = new PackedChunks([noise], 1_000);
    await packAll(packed, createPackingCodec());
    expect(packed.heldBytes).toBe(noise.length);
    expect([...packed.bytesOf(0, 900, 2_100)]).toEqual([...noise.subarray(900, 2_100)]);
    const held = (packed as unknown as { blocks: Uint8Array[] }).blocks;
    expect(held.every((block) => block.buffer !== noise.buffer)).toBe(true);
  });

  it('reads empty ranges and rejects chunks it does not have', () => {
    const packed = new PackedChunks([bytesOf('{"a":1}')]);
    expect(packed.bytesOf(0, 3, 3)).toHaveLength(0);
    expect(() => packed.bytesOf(4, 0, 1)).toThrow(RangeError);
  });
});
