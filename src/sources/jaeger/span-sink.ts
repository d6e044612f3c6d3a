/**
 * Where the streaming scanner puts what it reads: growable columns per span, the references,
 * and string tables that store a name seen 100,000 times once, recognised from its bytes without
 * building a string each time.
 */
import { ByteChunks, float64Column, int32Column, uint8Column } from './byte-chunks';
import { HAS_ESCAPE } from './json-bytes';
import { stringOf } from './json-text';
import { TagFacts } from './tag-facts';

/**
 * Interned strings keyed by their JSON token bytes: an open-addressing hash table of FNV-1a
 * hashes, each entry checked against a copy of the token's bytes. Escaped tokens are decoded and
 * interned by their text.
 */
export class Interner {
  readonly strings: string[] = [];
  private readonly byText = new Map<string, number>();
  private slots = new Int32Array(1024);
  private readonly hashes: number[] = [];
  private readonly tokens: (Uint8Array | undefined)[] = [];
  /** The last token asked for: consecutive spans mostly repeat it (the trace id). */
  private last = -1;

  /** Index of the JSON string token `[from, to)` (quotes included). */
  internToken(b: Uint8Array, from: number, to: number, flags: number): number {
    if ((flags & HAS_ESCAPE) !== 0) return this.intern(stringOf(b, from, to, flags));
    if (this.last >= 0 && sameBytes(b, from, to, this.tokens[this.last])) return this.last;
    this.last = this.find(b, from, to, flags);
    return this.last;
  }

  private find(b: Uint8Array, from: number, to: number, flags: number): number {
    let hash = 0x811c9dc5;
    for (let k = from; k < to; k++) hash = Math.imul(hash ^ (b[k] as number), 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = (this.slots[slot] as number) - 1;
      if (entry < 0) return this.add(b, from, to, flags, hash, slot);
      if (this.hashes[entry] === hash && sameBytes(b, from, to, this.tokens[entry])) return entry;
    }
  }

  intern(text: string): number {
    let at = this.byText.get(text);
    if (at === undefined) {
      at = this.strings.push(text) - 1;
      this.byText.set(text, at);
      this.hashes.push(0);
      this.tokens.push(undefined);
    }
    return at;
  }

  private add(b: Uint8Array, from: number, to: number, flags: number, hash: number, slot: number) {
    const at = this.intern(stringOf(b, from, to, flags));
    // The same text may already be known under other bytes; this token now maps to it too.
    this.slots[slot] = at + 1;
    if (this.tokens[at] === undefined) {
      this.tokens[at] = b.slice(from, to);
      this.hashes[at] = hash;
    } else {
      // Keep one byte form per entry: a second form is only remembered by its text.
      this.slots[slot] = 0;
    }
    if (this.strings.length * 2 > this.slots.length) this.grow();
    return at;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    this.tokens.forEach((token, at) => {
      if (token === undefined) return;
      let slot = (this.hashes[at] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = at + 1;
    });
    this.slots = slots;
  }
}

function sameBytes(b: Uint8Array, from: number, to: number, token: Uint8Array | undefined) {
  if (!token || token.length !== to - from) return false;
  for (let k = 0; k < token.length; k++) if (b[from + k] !== token[k]) return false;
  return true;
}

/** Everything read from the spans so far, as growable columns. */
export class SpanSink {
  readonly spanIds: string[] = [];
  readonly startUs = float64Column(1024);
  readonly durationUs = float64Column(1024);
  readonly nameIndex = int32Column(1024);
  /** -1: the span has no trace id of its own (it gets the trace's at the end). */
  readonly traceIdIndex = int32Column(1024);
  readonly processIndex = int32Column(1024);
  readonly kindCode = uint8Column(1024);
  readonly statusCode = uint8Column(1024);
  readonly flags = uint8Column(1024);
  /** Where each span's JSON is in the raw chunks, and its search text in the search chunks. */
  readonly rawChunk = int32Column(1024);
  readonly rawFrom = int32Column(1024);
  readonly rawTo = int32Column(1024);
  readonly hayChunk = int32Column(1024);
  readonly hayFrom = int32Column(1024);
  readonly hayTo = int32Column(1024);
  /** References: CSR over spans; trace id index -1 = the span's own. */
  readonly refStart = int32Column(1024);
  readonly refType = uint8Column(1024);
  readonly refSpanId: string[] = [];
  readonly refTraceIndex = int32Column(1024);
  /** Names and trace ids; process ids apart (they are only looked up at the end). */
  readonly strings = new Interner();
  readonly processIds = new Interner();
  readonly facts = new TagFacts();
  readonly emptyName: number;

  constructor(readonly hay: ByteChunks) {
    this.refStart.push(0);
    this.emptyName = this.strings.intern('');
  }

  get count(): number {
    return this.spanIds.length;
  }

  /** Drops what a span read before it ran out of bytes (it is read again from its start). */
  rollBack(refCount: number): void {
    this.refType.truncate(refCount);
    this.refSpanId.length = refCount;
    this.refTraceIndex.truncate(refCount);
  }
}
