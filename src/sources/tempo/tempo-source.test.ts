import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/fixtures';
import { OTLP_HEX_FIXTURES } from '../../../test/hex-fixtures';
import {
  GO_404,
  jsonResponse,
  loadError,
  stubFetch,
  textResponse,
  type StubHandler,
} from '../../../test/http-stub';
import { tempoV1Body, tempoV2Body } from '../../../test/tempo-encoding';
import { parseOtlpTrace } from '../otlp/parse-otlp';
import { createTempoSource, tempoPathId } from './tempo-source';

function source(handler: StubHandler, v1Only = new Set<string>()) {
  const stub = stubFetch(handler);
  return { ...stub, source: createTempoSource('tempo', { fetchImpl: stub.fetchImpl, v1Only }) };
}

const EXAMPLE = 'jaeger-v3/otlp-hex_example-trace_5-roots_3-services.json';

describe('Tempo trace by id', () => {
  it.each(OTLP_HEX_FIXTURES)('%s via /api/v2/traces (base64 ids, enum names)', async (file) => {
    const doc = loadFixture(file);
    const expected = parseOtlpTrace(doc);
    const { source: tempo, calls } = source(() => jsonResponse(tempoV2Body(doc)));
    const parsed = await tempo.fetchTrace(expected.trace.traceId);
    expect(calls.map((c) => c.path)).toEqual([`/api/v2/traces/${expected.trace.traceId}`]);
    expect(parsed).toEqual(expected);
  });

  it.each(OTLP_HEX_FIXTURES)(
    '%s via /api/traces on a Tempo before 2.6 (and before 2.0 names)',
    async (file) => {
      const doc = loadFixture(file);
      const expected = parseOtlpTrace(doc);
      const handler: StubHandler = ({ path }) =>
        path.startsWith('/api/v2/') ? GO_404() : jsonResponse(tempoV1Body(doc, true));
      const { source: tempo, calls } = source(handler);
      expect(await tempo.fetchTrace(expected.trace.traceId)).toEqual(expected);
      // The missing v2 route is remembered for this source.
      await tempo.fetchTrace(expected.trace.traceId);
      expect(calls.map((c) => c.path.split('/').slice(0, 3).join('/'))).toEqual([
        '/api/v2',
        '/api/traces',
        '/api/traces',
      ]);
    },
  );

  it('reads the hand-written v1 fixture (upper-case hex ids inside batches)', async () => {
    const body = loadFixture('tempo/tempo-v1-batches_handwritten.json');
    const { source: tempo } = source(({ path }) =>
      path.startsWith('/api/v2/') ? GO_404() : jsonResponse(body),
    );
    const parsed = await tempo.fetchTrace('5b8efff798038103d269b633813fc60c');
    expect(parsed.trace.traceId).toBe('5b8efff798038103d269b633813fc60c');
    expect(parsed.trace.spans.map((s) => [s.spanId, s.kind])).toEqual([
      ['eee19b7ec3c1b174', 'server'],
    ]);
    expect(parsed.trace.resources[0]?.serviceName).toBe('my.service');
  });

  it('shows a PARTIAL v2 result as a problem and a warning', async () => {
    const message = 'trace exceeds max size (max bytes: 5000000), partial trace returned';
    const doc = loadFixture(EXAMPLE);
    const { source: tempo } = source(() => jsonResponse(tempoV2Body(doc, message)));
    const parsed = await tempo.fetchTrace('0000000000000001000000000000000a');
    expect(parsed.problems).toContainEqual({ kind: 'partial-trace', message });
    expect(parsed.trace.warnings).toEqual([message]);
  });

  it('maps the empty-body 404 to not-found (v2 and v1)', async () => {
    const empty = () => new Response('', { status: 404 });
    expect((await loadError(source(empty).source.fetchTrace('abc'))).reason).toBe('not-found');
    const old = source(({ path }) => (path.startsWith('/api/v2/') ? GO_404() : empty()));
    expect((await loadError(old.source.fetchTrace('abc'))).reason).toBe('not-found');
  });

  it('refuses a protobuf answer and plain-text errors clearly', async () => {
    const proto = () =>
      new Response('\u0008\u0001', { headers: { 'Content-Type': 'application/protobuf' } });
    expect((await loadError(source(proto).source.fetchTrace('abc'))).reason).toBe('bad-response');
    const tooBig = await loadError(
      source(() => textResponse('trace exceeds max size', 422)).source.fetchTrace('abc'),
    );
    expect([tooBig.reason, tooBig.message]).toEqual([
      'upstream-error',
      'The backend answered HTTP 422: trace exceeds max size',
    ]);
  });

  it('asks with a hex id even when given base64 (as Tempo JSON prints ids)', () => {
    expect(tempoPathId('AAAAAAAAAABguiq7RPE+rg==')).toBe('000000000000000060ba2abb44f13eae');
    expect(tempoPathId('1ACE7C984E27846314DC3E436334AED')).toBe('1ace7c984e27846314dc3e436334aed');
  });
});
