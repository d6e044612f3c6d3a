/**
 * The kept payload of a streamed trace, packed small. The payload is only read again for the
 * spans someone opens, so after the first rows it is cut into blocks and each block deflated,
 * one at a time while the page is idle (state/payload-packing.ts): a 113 MB Jaeger payload
 * keeps about 10 MB. Opening a span inflates the one or two blocks its bytes lie in.
 *
 * A block stays raw until packed, so reads work at every moment; a block that does not shrink
 * is kept as a copy of its own, so the original chunk (one large buffer) can be let go.
 */

export const BLOCK_BYTES = 256 * 1024;

/** Inflates a deflated block into `size` bytes (synchronous: a span is read synchronously). */
export type Inflate = (packed: Uint8Array, size: number) => Uint8Array;
export type Deflate = (raw: Uint8Array) => Promise<Uint8Array>;

export interface PackingCodec {
  readonly inflate: Inflate;
  readonly deflate: Deflate;
}

/** Where the bytes of one span lie: `chunk`, `[from, to)`. */
export interface ChunkedBytes {
  bytesOf(chunk: number, from: number, to: number): Uint8Array;
}

/** The chunks as they are (the worker, tests). */
export function plainChunks(chunks: readonly Uint8Array[]): ChunkedBytes {
  return {
    bytesOf(chunk, from, to) {
      const bytes = chunks[chunk];
      if (!bytes) throw new RangeError(`no chunk ${chunk}`);
      return bytes.subarray(from, to);
    },
  };
}

/** Inflated blocks kept for the next read (a span's neighbours are usually opened next). */
const CACHED_BLOCKS = 4;

export class PackedChunks implements ChunkedBytes {
  /** Block `k` of chunk `c` is `blocks[firstBlock[c] + k]`: raw bytes, or deflated. */
  private readonly blocks: Uint8Array[] = [];
  private readonly isPacked: Uint8Array;
  private readonly rawSize: Int32Array;
  private readonly firstBlock: Int32Array;
  private inflate: Inflate | undefined;
  private readonly cache = new Map<number, Uint8Array>();
  private next = 0;

  constructor(
    chunks: readonly Uint8Array[],
    private readonly blockBytes = BLOCK_BYTES,
  ) {
    this.firstBlock = new Int32Array(chunks.length);
    const sizes: number[] = [];
    chunks.forEach((chunk, c) => {
      this.firstBlock[c] = this.blocks.length;
      for (let at = 0; at < chunk.length; at += blockBytes) {
        const block = chunk.subarray(at, Math.min(at + blockBytes, chunk.length));
        this.blocks.push(block);
        sizes.push(block.length);
      }
    });
    this.isPacked = new Uint8Array(this.blocks.length);
    this.rawSize = Int32Array.from(sizes);
  }

  get blockCount(): number {
    return this.blocks.length;
  }

  /** True once every block is packed (or copied): the original chunks are no longer held. */
  get isDone(): boolean {
    return this.next >= this.blocks.length;
  }

  /** Bytes held now: packed blocks plus raw ones. */
  get heldBytes(): number {
    let total = 0;
    for (const block of this.blocks) total += block.byteLength;
    return total;
  }

  bytesOf(chunk: number, from: number, to: number): Uint8Array {
    const first = this.firstBlock[chunk];
    if (first === undefined) throw new RangeError(`no chunk ${chunk}`);
    if (to <= from) return new Uint8Array(0);
    const size = this.blockBytes;
    const firstBlock = Math.floor(from / size);
    const lastBlock = Math.floor((to - 1) / size);
    if (firstBlock === lastBlock) {
      const offset = firstBlock * size;
      return this.block(first + firstBlock).subarray(from - offset, to - offset);
    }
    const out = new Uint8Array(to - from);
    for (let k = firstBlock; k <= lastBlock; k++) {
      const offset = k * size;
      const block = this.block(first + k);
      const start = Math.max(from, offset) - offset;
      const end = Math.min(to, offset + block.length) - offset;
      out.set(block.subarray(start, end), offset + start - from);
    }
    return out;
  }

  /**
   * Packs the next block; false when there is none left. Reads stay valid throughout: a block
   * is swapped for its packed form only once that is complete.
   */
  async packNext(codec: PackingCodec): Promise<boolean> {
    if (this.isDone) return false;
    this.inflate = codec.inflate;
    const index = this.next++;
    const raw = this.blocks[index] as Uint8Array;
    const packed = await codec.deflate(raw);
    if (packed.length < raw.length * 0.9) {
      this.blocks[index] = packed;
      this.isPacked[index] = 1;
    } else {
      // Not worth inflating; a copy of its own lets the large original buffer go.
      this.blocks[index] = raw.slice();
    }
    return !this.isDone;
  }

  private block(index: number): Uint8Array {
    const block = this.blocks[index];
    if (!block) throw new RangeError(`no block ${index}`);
    if (this.isPacked[index] === 0) return block;
    const cached = this.cache.get(index);
    if (cached) return cached;
    if (!this.inflate) throw new Error('a packed block without its codec');
    const raw = this.inflate(block, this.rawSize[index] as number);
    if (this.cache.size >= CACHED_BLOCKS)
      this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(index, raw);
    return raw;
  }
}
