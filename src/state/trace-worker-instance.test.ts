import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BootGlobal, BootHandoff } from './boot-handoff';

const boot = globalThis as BootGlobal;

afterEach(() => {
  delete boot.tracefallBoot;
  vi.resetModules();
});

function handoff(early: unknown[]): BootHandoff {
  return { worker: {} as Worker, early, streamsMove: true };
}

describe('the trace worker boot.ts started', () => {
  it('is taken over with the messages it sent before the app listened, in order', async () => {
    const started = handoff(['first']);
    boot.tracefallBoot = started;
    const instance = await import('./trace-worker-instance');
    const received: unknown[] = [];
    // The client listens as its module loads, before anything asks for the worker.
    instance.listenToTraceWorker((data) => received.push(data));
    expect(instance.traceWorker()).toBe(started.worker);
    started.onMessage?.('second');
    expect(received).toEqual(['first', 'second']);
  });

  it('keeps messages for a client that listens later', async () => {
    const started = handoff(['first']);
    boot.tracefallBoot = started;
    const instance = await import('./trace-worker-instance');
    instance.traceWorker();
    started.onMessage?.('second');
    const received: unknown[] = [];
    instance.listenToTraceWorker((data) => received.push(data));
    expect(received).toEqual(['first', 'second']);
  });

  it('is not taken over when it failed before the app ran', async () => {
    const started = { ...handoff([]), failure: 'could not load' };
    boot.tracefallBoot = started;
    const created: unknown[] = [];
    vi.stubGlobal(
      'Worker',
      class {
        constructor(url: URL) {
          created.push(url);
        }
        addEventListener() {}
      },
    );
    const instance = await import('./trace-worker-instance');
    expect(instance.traceWorker()).not.toBe(started.worker);
    expect(created).toHaveLength(1);
    vi.unstubAllGlobals();
  });
});
