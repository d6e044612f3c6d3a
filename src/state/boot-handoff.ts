/**
 * What src/boot.ts started before the app's bundle ran, handed to the app through one global.
 * boot.ts is an entry with no imports at all: any module it shared with the app would become a
 * chunk of its own that the browser must fetch before boot.ts can run, which cost the boot
 * script 50–100 ms in the queue behind the app's own chunks. So boot.ts keeps its state here,
 * and the app's modules (trace-worker-instance.ts, boot-load.ts) take it over.
 *
 * Types only, plus the reader: boot.ts imports nothing from here but types.
 */

/** The trace boot.ts asked the worker to open, as trace `BOOT_TRACE_ID`. */
export interface BootTrace {
  readonly sourceId: string;
  readonly traceId: string;
}

export interface BootHandoff {
  /** The trace worker boot.ts started. */
  readonly worker: Worker;
  /** Worker messages that came before the app listened (in order). */
  readonly early: unknown[];
  /** Set by the app when it listens: from then on boot.ts's listener passes messages here. */
  onMessage?: (data: unknown) => void;
  /** Why the worker failed, when it did before the app took it over. */
  failure?: string;
  readonly trace?: BootTrace;
  /** Whether this engine can transfer a ReadableStream to a worker (not every browser can). */
  readonly streamsMove: boolean;
}

export interface BootGlobal {
  tracefallBoot?: BootHandoff;
}

/** The id of the trace boot.ts opened in the worker (the app numbers its own from 1). */
export const BOOT_TRACE_ID = 0;

/** What boot.ts started, when it ran in this page. */
export function bootHandoff(): BootHandoff | undefined {
  return (globalThis as BootGlobal).tracefallBoot;
}
