import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadJaegerParsed } from '../../test/parsed-fixtures';
import type { BootGlobal, BootHandoff } from './boot-handoff';
import type { LoadedTrace } from './loaded-trace';
import { TraceSession } from './trace-session';
import { packBase } from './trace-transfer';
import type { WorkerResponse } from './trace-worker-protocol';

const boot = globalThis as BootGlobal;
const FIXTURE = 'jaeger/trace-object_genai_57spans_10procs.json';

/** The base message the worker sends for the boot trace (id 0), as it crosses threads. */
function baseMessage(): WorkerResponse {
  const parsed = loadJaegerParsed(FIXTURE);
  const session = new TraceSession({ kind: 'parsed', parsed });
  const { payload } = packBase(session.base, { kind: 'objects', spans: parsed.trace.spans });
  return structuredClone({ type: 'base', id: 0, payload, timing: undefined });
}

/** boot.ts has started the worker and asked it for jaeger/abc; the app's modules load fresh. */
async function startApp() {
  const posted: unknown[] = [];
  const handoff: BootHandoff = {
    worker: { addEventListener() {}, postMessage: (m: unknown) => posted.push(m) } as never,
    early: [],
    trace: { sourceId: 'jaeger', traceId: 'abc' },
    streamsMove: true,
  };
  boot.tracefallBoot = handoff;
  const bootLoad = await import('./boot-load');
  const queries = await import('./trace-queries');
  const client = new QueryClient();
  bootLoad.startBootLoad('/trace/jaeger/abc');
  queries.primeBootTrace(client);
  const key = queries.traceKeys.detail('jaeger', 'abc');
  const workerSays = async (message: WorkerResponse) => {
    handoff.onMessage?.(message);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { bootLoad, client, key, workerSays };
}

beforeEach(() => {
  // A page with module workers (the stub is never started: boot.ts's worker is taken over).
  vi.stubGlobal('window', {});
  vi.stubGlobal('Worker', function Worker() {});
  vi.stubGlobal('fetch', () => Promise.reject(new Error('offline')));
});

afterEach(() => {
  delete boot.tracefallBoot;
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('the trace boot.ts opened', () => {
  it('is in the query cache as soon as its rows are in, before any query asks for it', async () => {
    const { client, key, workerSays } = await startApp();
    expect(client.getQueryData(key)).toBeUndefined();
    await workerSays(baseMessage());
    const trace = client.getQueryData<LoadedTrace>(key);
    expect(trace?.base.summary.spanCount).toBe(57);
  });

  it('is left to the query that took it before its rows came', async () => {
    const { bootLoad, client, key, workerSays } = await startApp();
    const taken = bootLoad.takeBootTrace('jaeger', 'abc');
    expect(taken).toBeInstanceOf(Promise);
    await workerSays(baseMessage());
    expect((await taken)?.base.summary.spanCount).toBe(57);
    expect(client.getQueryData(key)).toBeUndefined();
  });
});
