/**
 * Packs a streamed trace's kept payload (sources/jaeger/packed-chunks.ts) in the page's idle
 * time, a block at a time: deflating with the browser's own `CompressionStream` costs about a
 * millisecond per 256 KB block, so the page never has a long task for it, and a 100,000-span
 * payload goes from 113 MB to about 10 MB within a second or two of the first rows. Opening a
 * span inflates its block with fflate (synchronous, small, loaded with the first packing).
 */
import type { PackedChunks, PackingCodec } from '../sources/jaeger/packed-chunks';
import { markPayloadPacked } from './perf-marks';

let codec: Promise<PackingCodec> | undefined;

/** The codec: native deflate where the browser has it, fflate's otherwise (and to inflate). */
export function loadPackingCodec(): Promise<PackingCodec> {
  codec ??= import('../sources/jaeger/payload-codec').then((module) => module.createPackingCodec());
  return codec;
}

interface IdleDeadlineLike {
  timeRemaining(): number;
}

/** Waits for an idle period (or at most `timeoutMs`); a plain timer where there is no idle callback. */
function idle(timeoutMs: number): Promise<IdleDeadlineLike> {
  if (typeof requestIdleCallback === 'function') {
    return new Promise((resolve) => requestIdleCallback(resolve, { timeout: timeoutMs }));
  }
  return new Promise((resolve) =>
    setTimeout(() => {
      // Where there is no idle callback (Safari): a slice of 8 ms per timer turn.
      const end = performance.now() + 8;
      resolve({ timeRemaining: () => end - performance.now() });
    }, 0),
  );
}

/** Time left in an idle period below which no further block is started. */
const MIN_IDLE_MS = 4;

/**
 * Packs every block, in idle periods, until done or `signal` aborts (the trace was closed).
 * Marks `tracefall:payload-packed` when the whole payload is packed.
 */
export async function packWhenIdle(payload: PackedChunks, signal?: AbortSignal): Promise<void> {
  const packingCodec = await loadPackingCodec();
  while (!payload.isDone) {
    const deadline = await idle(1000);
    do {
      if (signal?.aborted) return;
      await payload.packNext(packingCodec);
    } while (!payload.isDone && deadline.timeRemaining() > MIN_IDLE_MS);
  }
  markPayloadPacked();
}
