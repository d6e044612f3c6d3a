/**
 * Growable byte storage in chunks, for the streaming scanner: the raw payload (so spans can be
 * decoded later) and the search text of every span. A "segment" (one span) always lies inside one
 * chunk: when a chunk fills up in the middle of a segment, the segment's bytes so far move to the
 * next chunk. Chunks grow geometrically up to `maxChunkBytes`, so a small trace stays small and a
 * 1 GB one is never copied as a whole.
 */
export class ByteChunks {
  /** Finished chunks, each trimmed to the bytes it keeps. */
  readonly done: Uint8Array[] = [];
  buf: Uint8Array;
  len = 0;
  /** Start of the current segment in `buf`. */
  segmentStart = 0;

  constructor(
    initialBytes: number,
    private readonly maxChunkBytes: number,
  ) {
    this.buf = new Uint8Array(Math.max(initialBytes, 1024));
  }

  /** Index of the current chunk (segments record it with their offsets). */
  get chunkIndex(): number {
    return this.done.length;
  }

  beginSegment(): void {
    this.segmentStart = this.len;
  }

  /** Makes room for `extra` more bytes, moving the current segment to a new chunk if needed. */
  reserve(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    const carried = this.len - this.segmentStart;
    const size = Math.max(Math.min(this.buf.length * 2, this.maxChunkBytes), carried + extra);
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(this.segmentStart, this.len));
    this.done.push(this.buf.subarray(0, this.segmentStart));
    this.buf = next;
    this.len = carried;
    this.segmentStart = 0;
  }

  pushByte(value: number): void {
    if (this.len >= this.buf.length) this.reserve(1);
    this.buf[this.len++] = value;
  }

  /** Appends `src[from, to)`. */
  pushBytes(src: Uint8Array, from: number, to: number): void {
    this.reserve(to - from);
    this.buf.set(src.subarray(from, to), this.len);
    this.len += to - from;
  }

  /** Appends `src[from, to)` with ASCII A–Z lowercased. */
  pushLowerAscii(src: Uint8Array, from: number, to: number): void {
    this.reserve(to - from);
    const buf = this.buf;
    let len = this.len;
    for (let k = from; k < to; k++) {
      const c = src[k] as number;
      buf[len++] = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
    }
    this.len = len;
  }

  /** Every chunk, the current one trimmed; the storage is handed over as it is. */
  finish(): Uint8Array[] {
    const last = this.buf.subarray(0, this.len);
    // A mostly empty last chunk is copied so its spare capacity is not kept alive.
    const kept = last.length < this.buf.length / 2 ? last.slice() : last;
    return [...this.done, kept];
  }
}

/** A growable typed array column (`T` is Int32Array, Float64Array, …). */
export class Column<T extends Int32Array | Float64Array | Uint8Array> {
  length = 0;

  constructor(
    public data: T,
    private readonly make: (size: number) => T,
  ) {}

  push(value: number): void {
    if (this.length >= this.data.length) {
      const next = this.make(Math.max(this.data.length * 2, 16));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  truncate(length: number): void {
    this.length = length;
  }

  /** The filled part, copied to an exactly sized array (so it can be sent without slack). */
  finish(): T {
    return this.data.slice(0, this.length) as T;
  }
}

export const int32Column = (capacity: number) =>
  new Column(new Int32Array(capacity), (size) => new Int32Array(size));
export const float64Column = (capacity: number) =>
  new Column(new Float64Array(capacity), (size) => new Float64Array(size));
export const uint8Column = (capacity: number) =>
  new Column(new Uint8Array(capacity), (size) => new Uint8Array(size));
