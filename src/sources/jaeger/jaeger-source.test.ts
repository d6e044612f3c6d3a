import { describe, expect, it } from 'vitest';
import { readFixtureText } from '../../../test/fixtures';
import { TraceLoadError } from '../source';
import { createJaegerSource, jaegerTraceUrl, type FetchLike } from './jaeger-source';

const TEXT_PLAIN = { 'Content-Type': 'text/plain; charset=utf-8' };
const JSON_TYPE = { 'Content-Type': 'application/json' };
/** Jaeger's exact 404 body (http_handler_test.go), served as text/plain. */
const JAEGER_404 =
  '{"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":404,"msg":"trace not found"}]}\n';

interface Call {
  url: string;
  init: RequestInit | undefined;
}

/** A fetch stub answering every request with one canned response, recording the calls. */
function stubFetch(body: string, status = 200, headers: HeadersInit = JSON_TYPE) {
  const calls: Call[] = [];
  const fetchImpl: FetchLike = (url, init) => {
    calls.push({ url, init });
    return Promise.resolve(new Response(body, { status, headers }));
  };
  return { calls, source: createJaegerSource('prod jaeger', fetchImpl) };
}

async function loadError(promise: Promise<unknown>): Promise<TraceLoadError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TraceLoadError))
    throw new Error(`expected a TraceLoadError, got ${String(error)}`);
  return error;
}

describe('createJaegerSource', () => {
  it('fetches through the same-origin proxy with both ids escaped, and parses the trace', async () => {
    const body = readFixtureText('jaeger/api-traces-envelope_follows-from_issue115.json');
    const { calls, source } = stubFetch(body);
    const signal = new AbortController().signal;
    const parsed = await source.fetchTrace('2992f2a5b5d037a8aabffd08ef384237', signal);
    expect(calls.map((c) => c.url)).toEqual([
      '/api/sources/prod%20jaeger/api/traces/2992f2a5b5d037a8aabffd08ef384237',
    ]);
    expect(calls[0]?.init?.signal).toBe(signal);
    expect(parsed.trace.spans.map((s) => s.name)).toEqual(['thread', 'demo']);
    expect([source.id, source.kind]).toEqual(['prod jaeger', 'jaeger']);
    expect(jaegerTraceUrl('a/b', 'q+/w==')).toBe('/api/sources/a%2Fb/api/traces/q%2B%2Fw%3D%3D');
  });

  it('reads a JSON body sent as text/plain', async () => {
    const body = readFixtureText('jaeger/trace-object_child-outlives-parent.json');
    const parsed = await stubFetch(body, 200, TEXT_PLAIN).source.fetchTrace('006c3cf93508f205');
    expect(parsed.trace.spans).toHaveLength(2);
  });

  it("maps Jaeger's text/plain 404 envelope to not-found", async () => {
    const error = await loadError(stubFetch(JAEGER_404, 404, TEXT_PLAIN).source.fetchTrace('abc'));
    expect([error.reason, error.status, error.detail]).toEqual([
      'not-found',
      404,
      'trace not found',
    ]);
  });

  it('maps a 200 multi-get envelope whose only content is "trace not found" to not-found', async () => {
    const body = '{"data":[],"errors":[{"msg":"trace not found","traceID":"abc"}]}';
    expect((await loadError(stubFetch(body).source.fetchTrace('abc'))).reason).toBe('not-found');
  });

  it.each([
    ['upstream-unreachable', 502, 'unreachable'],
    ['upstream-timeout', 504, 'timeout'],
    ['unknown-source', 404, 'unknown-source'],
    ['upstream-error', 502, 'upstream-error'],
    ['path-not-allowed', 403, 'upstream-error'],
  ] as const)('maps the proxy error %s (%i) to %s', async (code, status, reason) => {
    const body = JSON.stringify({ error: { code, message: `proxy says ${code}` } });
    const error = await loadError(stubFetch(body, status).source.fetchTrace('abc'));
    expect([error.reason, error.status]).toEqual([reason, status]);
    expect(error.message).toContain(`proxy says ${code}`);
  });

  it("passes on Jaeger's own error message for other statuses", async () => {
    const body = '{"data":null,"errors":[{"code":500,"msg":"cassandra: no hosts available"}]}\n';
    const error = await loadError(stubFetch(body, 500, TEXT_PLAIN).source.fetchTrace('abc'));
    expect(error.reason).toBe('upstream-error');
    expect(error.message).toContain('cassandra: no hosts available');
  });

  it('keeps a plain-text error body as the message, and treats a bare 504 as a timeout', async () => {
    const error = await loadError(
      stubFetch('Bad Gateway', 502, TEXT_PLAIN).source.fetchTrace('abc'),
    );
    expect([error.reason, error.message]).toEqual([
      'upstream-error',
      'The backend answered HTTP 502: Bad Gateway',
    ]);
    expect((await loadError(stubFetch('', 504).source.fetchTrace('abc'))).reason).toBe('timeout');
  });

  it('maps a network failure to unreachable', async () => {
    const source = createJaegerSource('s', () => Promise.reject(new TypeError('fetch failed')));
    const error = await loadError(source.fetchTrace('abc'));
    expect([error.reason, error.detail]).toEqual(['unreachable', 'fetch failed']);
  });

  it('lets an abort through untouched', async () => {
    const controller = new AbortController();
    const abortError = new DOMException('The operation was aborted.', 'AbortError');
    const source = createJaegerSource('s', () => {
      controller.abort();
      return Promise.reject(abortError);
    });
    await expect(source.fetchTrace('abc', controller.signal)).rejects.toBe(abortError);
  });

  it.each([
    ['HTML instead of JSON', '<html>login</html>'],
    ['an empty body', ''],
    ['JSON that is not a trace', '{"hello":"world"}'],
    ['the OTLP input fixture', readFixtureText('jaeger/api-transform-request_otlp-in.json')],
  ])('maps %s with status 200 to bad-response', async (_, body) => {
    expect((await loadError(stubFetch(body).source.fetchTrace('abc'))).reason).toBe('bad-response');
  });

  it('parses data that arrives with errors, and reports the errors', async () => {
    const trace = JSON.parse(
      readFixtureText('jaeger/trace-object_child-outlives-parent.json'),
    ) as unknown;
    const body = JSON.stringify({
      data: [trace],
      errors: [{ code: 500, msg: 'one shard timed out' }],
    });
    const parsed = await stubFetch(body).source.fetchTrace('006c3cf93508f205');
    expect(parsed.trace.spans).toHaveLength(2);
    expect(parsed.trace.warnings).toEqual(['one shard timed out (500)']);
    expect(parsed.problems.map((p) => p.kind)).toEqual(['partial-trace']);
  });
});
