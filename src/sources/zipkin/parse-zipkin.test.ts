import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, loadFixture } from '../../../test/fixtures';
import { buildSpanTree, spanOfNode } from '../../model/span-tree';
import { summarizeTrace } from '../../model/trace-summary';
import { serviceOf, type ParsedTrace, type Span } from '../../model/trace';
import { NotZipkinError, parseZipkinTrace, parseZipkinTraces } from './parse-zipkin';

type RawSpan = Record<string, unknown> & { id: string; traceId: string };

const FILES = readdirSync(fixturePath('zipkin')).filter((f) => f.endsWith('.json'));

function rawSpans(file: string): RawSpan[] {
  const payload = loadFixture(`zipkin/${file}`);
  return (Array.isArray(payload) ? payload : [payload]) as RawSpan[];
}

function parse(file: string): ParsedTrace {
  return parseZipkinTrace(loadFixture(`zipkin/${file}`));
}

function byId(parsed: ParsedTrace, spanId: string): Span {
  const span = parsed.trace.spans.find((s) => s.spanId === spanId);
  if (!span) throw new Error(`no span ${spanId}`);
  return span;
}

describe('parseZipkinTrace on every recorded fixture', () => {
  it.each(FILES)(
    '%s: keeps every record, µs → ns, and builds a tree with no duplicate ids',
    (file) => {
      const raw = rawSpans(file);
      const parsed = parse(file);
      const { trace } = parsed;
      expect(trace.spans).toHaveLength(raw.length);
      expect(trace.traceId).toBe(raw[0]?.traceId);
      const origin = Math.min(...raw.map((s) => s.timestamp as number));
      expect(trace.startEpochUs).toBe(origin);
      raw.forEach((record, i) => {
        const span = trace.spans[i] as Span;
        expect(span.sourceSpanId).toBe(record.id);
        expect(span.startNs).toBe(((record.timestamp as number) - origin) * 1000);
        const duration = record.duration as number | undefined;
        expect(span.durationNs).toBe(duration === undefined ? null : duration * 1000);
        expect(span.kind).toBe(
          typeof record.kind === 'string' ? record.kind.toLowerCase() : 'unspecified',
        );
        const service = (record.localEndpoint as { serviceName?: string } | undefined)?.serviceName;
        expect(serviceOf(trace, span)).toBe(service ?? 'unknown_service');
        const tags = (record.tags ?? {}) as Record<string, string>;
        expect(span.status.code).toBe('error' in tags ? 'error' : 'unset');
        for (const [key, value] of Object.entries(tags)) {
          expect(span.attributes).toContainEqual({ key, value: { type: 'string', value } });
        }
        const annotations = (record.annotations ?? []) as { timestamp: number; value: string }[];
        expect(span.events.map((e) => [e.name, e.timeNs])).toEqual(
          annotations.map((a) => [a.value, (a.timestamp - origin) * 1000]),
        );
      });
      const tree = buildSpanTree(trace);
      expect(tree.problems.filter((p) => p.kind === 'duplicate-span-id')).toEqual([]);
      // summary-span-count counts records, the shared halves included.
      expect(summarizeTrace(tree).spanCount).toBe(raw.length);
      expect(parsed.problems).toEqual([]);
    },
  );

  it('counts error tags as error spans (messaging-kafka has 3, smartthings 2)', () => {
    const errors = (file: string) =>
      parse(file).trace.spans.filter((s) => s.status.code === 'error');
    expect(errors('zipkin-v2_messaging-kafka.json')).toHaveLength(3);
    expect(errors('zipkin-v2_smartthings-oauth-authorization.json')).toHaveLength(2);
  });
});

describe('shared client/server span ids', () => {
  const skew = parse('zipkin-v2_skew.json');

  it('keys records by (id, shared): the SERVER half hangs under the CLIENT half', () => {
    const client = byId(skew, '74280ae0c10d8062');
    const server = byId(skew, '74280ae0c10d8062~server');
    expect([client.kind, server.kind]).toEqual(['client', 'server']);
    expect(server.sourceSpanId).toBe('74280ae0c10d8062');
    expect(client.references.map((r) => r.spanId)).toEqual(['bf396325699c84bf']);
    expect(server.references).toEqual([
      { type: 'child_of', traceId: '1e223ff1f80f1c69', spanId: '74280ae0c10d8062', attributes: [] },
    ]);
    // The local span "async" runs in serviceb, the server's service: it hangs under the server half.
    expect(byId(skew, '43210ae0c10d1234').references[0]?.spanId).toBe('74280ae0c10d8062~server');
    const tree = buildSpanTree(skew.trace);
    const depthOf = (id: string) => tree.depth[tree.nodeById.get(id) ?? -1];
    expect(
      ['bf396325699c84bf', '74280ae0c10d8062', '74280ae0c10d8062~server', '43210ae0c10d1234'].map(
        depthOf,
      ),
    ).toEqual([0, 1, 2, 3]);
    expect(tree.problems).toEqual([]);
  });

  it('keeps the raw, skewed times: the server half starts ~65 ms before its client half', () => {
    expect(skew.trace.startEpochUs).toBe(1470150004008761);
    const client = byId(skew, '74280ae0c10d8062');
    const server = byId(skew, '74280ae0c10d8062~server');
    expect(server.startNs).toBe(0);
    expect(client.startNs).toBe((1470150004074202 - 1470150004008761) * 1000);
    expect(byId(skew, 'bf396325699c84bf').startNs).toBe(62_307_000);
    expect(server.durationNs).toBe(93_577_000);
  });

  it('a lone shared SERVER span (envoy) keeps its id and has no parent', () => {
    const envoy = parse('zipkin-v2_envoy.json');
    expect(envoy.trace.spans.map((s) => [s.spanId, s.references.length])).toEqual([
      ['978883983d506fa5', 0],
    ]);
  });

  it('merges every shared pair of a large production trace (smartthings)', () => {
    const file = 'zipkin-v2_smartthings-oauth-authorization.json';
    const raw = rawSpans(file);
    const clientIds = new Set(raw.filter((s) => s.shared !== true).map((s) => s.id));
    const pairedServers = raw.filter((s) => s.shared === true && clientIds.has(s.id));
    const parsed = parse(file);
    const renamed = parsed.trace.spans.filter((s) => /~server\d*$/.test(s.spanId));
    expect(renamed).toHaveLength(pairedServers.length);
    // One send with five receivers: ~server, ~server2 … ~server5, all under the send.
    expect(renamed.filter((s) => s.sourceSpanId === '9d2d35b746db84f3')).toHaveLength(5);
    const tree = buildSpanTree(parsed.trace);
    for (const span of renamed) {
      const node = tree.nodeById.get(span.spanId) ?? -1;
      const parent = spanOfNode(tree, tree.parent[node] ?? -1);
      expect([parent?.spanId, parent?.kind]).toEqual([span.sourceSpanId, 'client']);
    }
  });
});

describe('payload shapes', () => {
  it('reads a single span object (not an array), with remoteEndpoint and annotations', () => {
    const parsed = parse('zipkin-v2_single-span-object_client.json');
    const span = parsed.trace.spans[0] as Span;
    expect(parsed.trace.traceId).toBe('4d1e00c0db9010db86154a4ba6e91385');
    expect(span.attributes).toContainEqual({
      key: 'peer.service',
      value: { type: 'string', value: 'backend' },
    });
    expect(span.attributes).toContainEqual({
      key: 'peer.port',
      value: { type: 'int', value: '9000' },
    });
    expect(parsed.trace.resources[0]).toEqual({
      serviceName: 'frontend',
      attributes: [{ key: 'ipv6', value: { type: 'string', value: '2001:db8::c001' } }],
    });
    expect(span.events.map((e) => e.name)).toEqual(['foo', 'bar']);
    expect(span.references.map((r) => r.spanId)).toEqual(['86154a4ba6e91385']);
  });

  it('splits a search result (an array of span arrays) into traces', () => {
    const payload = [
      loadFixture('zipkin/zipkin-v2_skew.json'),
      loadFixture('zipkin/zipkin-v2_yelp.json'),
    ];
    const traces = parseZipkinTraces(payload);
    expect(traces.map((t) => [t.trace.traceId, t.trace.spans.length])).toEqual([
      ['1e223ff1f80f1c69', 4],
      ['a03ee8fff1dcd9b9', 16],
    ]);
    const one = parseZipkinTrace(payload, '1e223ff1f80f1c69');
    expect(one.trace.spans).toHaveLength(4);
    expect(one.problems.map((p) => p.kind)).toEqual(['other']);
  });

  it('reports bad values and drops records without ids, without throwing', () => {
    const parsed = parseZipkinTrace([
      { traceId: 'a', id: '1', kind: 'SIDEWAYS', timestamp: 'soon', duration: 5, tags: { n: 3 } },
      { traceId: 'a', name: 'no id' },
    ]);
    expect(parsed.trace.spans).toHaveLength(1);
    expect(parsed.problems.map((p) => p.kind)).toEqual([
      'invalid-value',
      'invalid-value',
      'invalid-value',
      'dropped-span',
      'invalid-value',
    ]);
  });

  it.each([[{}], [[]], [[{ spanId: 'x', traceId: 'y' }]], ['text']])(
    'rejects %j as not Zipkin',
    (payload) => {
      expect(() => parseZipkinTraces(payload)).toThrow(NotZipkinError);
    },
  );
});
