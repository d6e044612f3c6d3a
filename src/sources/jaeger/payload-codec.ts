/**
 * Raw deflate for packing kept payloads (state/payload-packing.ts), loaded on first use: the
 * browser's native `CompressionStream('deflate-raw')` to pack (zlib, several times faster than
 * any JavaScript deflate), fflate to unpack, because a span is read synchronously and the
 * native `DecompressionStream` is asynchronous only. fflate packs where the native stream is
 * missing.
 */
import { deflateSync, inflateSync } from 'fflate';
import type { Deflate, PackingCodec } from './packed-chunks';

const nativeDeflate: Deflate = async (raw) => {
  const stream = new Blob([raw as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};

const scriptDeflate: Deflate = (raw) => Promise.resolve(deflateSync(raw, { level: 6 }));

export function createPackingCodec({
  preferNative = true,
}: { readonly preferNative?: boolean } = {}): PackingCodec {
  const canUseNative = preferNative && typeof CompressionStream === 'function';
  return {
    deflate: canUseNative ? nativeDeflate : scriptDeflate,
    inflate: (packed, size) => inflateSync(packed, { out: new Uint8Array(size) }),
  };
}
