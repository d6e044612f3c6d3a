import { describe, expect, it } from 'vitest';
import type { SourceInfo } from '../sources/source';
import { bootTraceTarget } from './boot-start';

const SOURCES: SourceInfo[] = [
  { id: 'jaeger', name: 'Jaeger', kind: 'jaeger' },
  { id: 'tempo', name: 'Tempo', kind: 'tempo' },
  { id: 'file', name: 'Opened files', kind: 'file' },
] as SourceInfo[];
const json = JSON.stringify(SOURCES);

describe('what boot.ts opens before the app runs', () => {
  it('opens the trace of a trace URL with its listed source, ids decoded', () => {
    expect(bootTraceTarget('/trace/jaeger/abc123', json)).toEqual({
      source: SOURCES[0],
      sourceId: 'jaeger',
      traceId: 'abc123',
    });
    expect(bootTraceTarget('/trace/tempo/a%2Fb%2B%3D/', json)).toMatchObject({
      sourceId: 'tempo',
      traceId: 'a/b+=',
    });
  });

  it('leaves everything else to the app', () => {
    for (const [path, list] of [
      ['/trace/jaeger/abc', undefined], // no embedded list (an access token is required)
      ['/trace/jaeger/abc', 'not json'],
      ['/trace/jaeger/abc', '{"id":"jaeger"}'],
      ['/trace/file/abc', json], // opened files live in the page
      ['/trace/nowhere/abc', json],
      ['/trace/jaeger/%E0%A4%A', json], // broken escape
      ['/search', json],
      ['/trace/jaeger/abc/extra', json],
      ['/', json],
    ] as const) {
      expect(bootTraceTarget(path, list), path).toBeUndefined();
    }
  });

  it('takes only well-formed sources from the list', () => {
    const odd = JSON.stringify([{ id: 'jaeger', kind: 'jaeger' }, null, 3]);
    expect(bootTraceTarget('/trace/jaeger/abc', odd)).toBeUndefined();
  });
});

describe('the trace named in the worker name', () => {
  it('reaches the worker as the open request of the boot trace', async () => {
    const { bootWorkerName } = await import('./boot-start');
    const { bootOpenRequest } = await import('./trace-worker-boot');
    const target = bootTraceTarget('/trace/tempo/a%23b%2Fc', json);
    expect(bootOpenRequest(bootWorkerName(target))).toEqual({
      type: 'open',
      id: 0,
      source: SOURCES[1],
      traceId: 'a#b/c',
    });
    expect(bootOpenRequest(bootWorkerName(undefined))).toBeUndefined();
  });

  it('ignores a malformed name', async () => {
    const { bootOpenRequest } = await import('./trace-worker-boot');
    for (const name of [
      'tracefall-traces#',
      'tracefall-traces#%E0%A4%A',
      'tracefall-traces#null',
      `tracefall-traces#${encodeURIComponent('{"source":{"id":"x"},"traceId":"t"}')}`,
      `tracefall-traces#${encodeURIComponent('{"source":{"id":"x","name":"X","kind":"jaeger"}}')}`,
    ]) {
      expect(bootOpenRequest(name), name).toBeUndefined();
    }
  });
});

describe('the boot trace request, sent before the worker body loads', () => {
  const open = (source: SourceInfo, traceId = 'a/b+c') =>
    ({ type: 'open', id: 0, source, traceId }) as const;

  it('asks for the path the Jaeger reader asks for', async () => {
    const { bootTraceUrl } = await import('./trace-worker-boot');
    const { streamedTraceUrl } = await import('../sources/jaeger/jaeger-trace-url');
    for (const [source, trace] of [
      ['jaeger', 'abc123'],
      ['prod jaeger/eu', 'a/b+c=#?'],
    ] as const) {
      expect(bootTraceUrl(source, trace)).toBe(streamedTraceUrl(source, trace));
    }
  });

  it('starts at once and answers the reader with that response, once', async () => {
    const { bootFetch, bootTraceUrl } = await import('./trace-worker-boot');
    const calls: { url: string; init?: RequestInit }[] = [];
    const fetchImpl = (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return Promise.resolve(new Response(`answer ${calls.length}`));
    };
    const boot = bootFetch(open(SOURCES[0]!), fetchImpl);
    const url = bootTraceUrl('jaeger', 'a/b+c');
    // Sent before anyone asked, with the headers the streaming reader sends.
    expect(calls).toEqual([
      { url, init: expect.objectContaining({ headers: { Accept: 'application/json' } }) },
    ]);
    expect(await (await boot!(url)).text()).toBe('answer 1');
    expect(calls).toHaveLength(1);
    // Anything after that is a request of its own.
    expect(await (await boot!(url)).text()).toBe('answer 2');
    expect(await (await boot!('/api/sources')).text()).toBe('answer 3');
    expect(calls.map((call) => call.url)).toEqual([url, url, '/api/sources']);
  });

  it("aborts the request when the reader's signal aborts", async () => {
    const { bootFetch, bootTraceUrl } = await import('./trace-worker-boot');
    let sent: AbortSignal | undefined;
    const boot = bootFetch(open(SOURCES[0]!), (_url, init) => {
      sent = init?.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    });
    const reader = new AbortController();
    void boot!(bootTraceUrl('jaeger', 'a/b+c'), { signal: reader.signal });
    expect(sent?.aborted).toBe(false);
    reader.abort();
    expect(sent?.aborted).toBe(true);
  });

  it('leaves other kinds of source to the worker body', async () => {
    const { bootFetch } = await import('./trace-worker-boot');
    const fetchImpl = () => Promise.reject(new Error('must not fetch'));
    expect(bootFetch(open(SOURCES[1]!), fetchImpl)).toBeUndefined();
    expect(bootFetch({ type: 'close', id: 0 }, fetchImpl)).toBeUndefined();
  });
});
