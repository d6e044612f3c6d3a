import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/fixtures';
import { loadJaegerTree } from '../../test/parsed-fixtures';
import { adjustClockSkew, adjustedNodeTimes } from './clock-skew';
import { computeCriticalPath } from './critical-path';
import { nodeOf, pathOf, timingTree, type SpanSpec } from './test-timing-tree';
import type { Resource } from './trace';
import { spanOfNode } from './span-tree';

const host = (serviceName: string, hostName: string): Resource => ({
  serviceName,
  attributes: [{ key: 'host.name', value: { type: 'string', value: hostName } }],
});
const A = 0;
const B = 1;
const C = 2;
const B_OTHER_SERVICE = 3;
const RESOURCES = [
  host('a', 'host-a'),
  host('b', 'host-b'),
  host('c', 'host-c'),
  host('b2', 'host-b'),
];

function skewOf(specs: readonly SpanSpec[], resources: readonly Resource[] = RESOURCES) {
  const tree = timingTree(specs, resources);
  const skew = adjustClockSkew(tree);
  const delta = (id: string) => skew.deltaNs[nodeOf(tree, id)];
  const start = (id: string) => skew.adjustedStartNs[nodeOf(tree, id)];
  return { tree, skew, delta, start };
}

const client = (start: number, duration: number | null): SpanSpec => ({
  id: 'client',
  start,
  duration,
  kind: 'client',
  resource: A,
});
const server = (start: number, duration: number | null, resource = B): SpanSpec => ({
  id: 'server',
  parent: 'client',
  start,
  duration,
  kind: 'server',
  resource,
});

describe('adjustClockSkew: when a server span is moved', () => {
  it('a shorter server span outside its client is centred in it, with its host subtree', () => {
    const { delta, start, skew, tree } = skewOf([
      client(100, 100),
      server(50, 80),
      { id: 'db', parent: 'server', start: 60, duration: 10, resource: B },
      { id: 'same-host', parent: 'server', start: 62, duration: 5, resource: B_OTHER_SERVICE },
      { id: 'other-host', parent: 'server', start: 55, duration: 10, resource: C },
    ]);
    expect(delta('server')).toBe(60);
    expect(start('server')).toBe(110);
    expect([delta('db'), delta('same-host'), delta('other-host'), delta('client')]).toEqual([
      60, 60, 0, 0,
    ]);
    expect(skew.skewSource[nodeOf(tree, 'db')]).toBe(nodeOf(tree, 'server'));
    expect(Array.from(skew.adjustedNodes, (n) => spanOfNode(tree, n)?.spanId)).toEqual([
      'server',
      'db',
      'same-host',
    ]);
  });

  it('a shorter server span ending after its client is centred too', () => {
    expect(skewOf([client(100, 100), server(150, 80)]).delta('server')).toBe(-40);
  });

  it('a longer server span is aligned to the client start only when it starts before it', () => {
    expect(skewOf([client(100, 100), server(90, 160)]).delta('server')).toBe(10);
    expect(skewOf([client(100, 100), server(150, 160)]).delta('server')).toBe(0);
  });

  it('leaves alone: fitting spans, same host, other kinds, never-ended spans', () => {
    expect(skewOf([client(100, 100), server(120, 50)]).delta('server')).toBe(0);
    expect(skewOf([client(100, 100), server(50, 80, A)]).delta('server')).toBe(0);
    const internal = { ...server(50, 80), kind: 'internal' as const };
    expect(skewOf([client(100, 100), internal]).delta('server')).toBe(0);
    expect(skewOf([client(100, 100), server(50, null)]).delta('server')).toBe(0);
    expect(skewOf([client(100, null), server(50, 80)]).delta('server')).toBe(0);
    const { skew } = skewOf([{ ...server(50, 80), parent: 'gone' }]);
    expect(skew.adjustedNodes).toHaveLength(0);
  });

  it('a never-ended span moves with its host but is never a reference', () => {
    const { delta } = skewOf([
      client(100, 100),
      server(50, 80),
      { id: 'open', parent: 'server', start: 60, duration: null, resource: B },
    ]);
    expect(delta('open')).toBe(60);
  });

  it('nested hops are measured against the already adjusted parent', () => {
    const { delta, start } = skewOf([
      client(100, 100),
      server(50, 80),
      { id: 'hop', parent: 'server', start: 60, duration: 40, kind: 'client', resource: B },
      { id: 'far', parent: 'hop', start: 500, duration: 20, kind: 'server', resource: C },
    ]);
    // hop moves by 60 to 120..160; far (20 long) is centred in it: 130..150.
    expect([delta('hop'), start('hop')]).toEqual([60, 120]);
    expect([delta('far'), start('far')]).toEqual([-370, 130]);
  });

  it('does not change the tree; adjusted times feed the critical path', () => {
    const { tree, skew } = skewOf([client(100, 100), server(50, 80)]);
    const raw = computeCriticalPath(tree);
    const adjusted = computeCriticalPath(tree, adjustedNodeTimes(tree, skew));
    expect(pathOf(tree, raw)).toEqual([
      ['server', 100, 130],
      ['client', 130, 200],
    ]);
    expect(pathOf(tree, adjusted)).toEqual([
      ['client', 100, 110],
      ['server', 110, 190],
      ['client', 190, 200],
    ]);
    expect(spanOfNode(tree, nodeOf(tree, 'server'))?.startNs).toBe(50);
  });
});

interface ZipkinRecord {
  id: string;
  parentId?: string;
  kind?: string;
  name: string;
  timestamp: number;
  duration: number;
  shared?: boolean;
  localEndpoint: { serviceName: string; ipv4: string };
}

/**
 * zipkin-v2_skew.json read by hand the way a Zipkin adapter keys records: the shared server half
 * of RPC 74280ae0c10d8062 becomes `<id>~server` under its client half, and the child naming that
 * id hangs under the server half (same service).
 */
function zipkinSkewTree() {
  const records = loadFixture('zipkin/zipkin-v2_skew.json') as ZipkinRecord[];
  const origin = Math.min(...records.map((r) => r.timestamp));
  const services = [...new Set(records.map((r) => r.localEndpoint.serviceName))];
  const resources = services.map((serviceName) => {
    const ipv4 = records.find((r) => r.localEndpoint.serviceName === serviceName)?.localEndpoint;
    return {
      serviceName,
      attributes: [{ key: 'ipv4', value: { type: 'string' as const, value: ipv4?.ipv4 ?? '' } }],
    };
  });
  const specs = records.map((r): SpanSpec => {
    const isServerHalf = r.shared === true;
    const parent = isServerHalf
      ? r.id
      : r.parentId === '74280ae0c10d8062'
        ? `${r.parentId}~server`
        : r.parentId;
    return {
      id: isServerHalf ? `${r.id}~server` : r.id,
      parent,
      name: r.name,
      start: (r.timestamp - origin) * 1000,
      duration: r.duration * 1000,
      kind: r.kind === 'SERVER' ? 'server' : r.kind === 'CLIENT' ? 'client' : 'internal',
      resource: services.indexOf(r.localEndpoint.serviceName),
    };
  });
  return timingTree(specs, resources);
}

describe('adjustClockSkew on recorded traces', () => {
  it('Zipkin skew fixture: the server half moves 65.922 ms into its client, as Zipkin does', () => {
    const tree = zipkinSkewTree();
    const skew = adjustClockSkew(tree);
    const delta = (id: string) => skew.deltaNs[nodeOf(tree, id)];
    // Zipkin: latency = (94539 − 93577) / 2 = 481 µs; skew = 8761 − 481 − 74202 = −65922 µs.
    expect(delta('74280ae0c10d8062~server')).toBe(65_922_000);
    expect(delta('43210ae0c10d1234')).toBe(65_922_000);
    expect(delta('74280ae0c10d8062')).toBe(0);
    expect(delta('bf396325699c84bf')).toBe(0);
    const raw = computeCriticalPath(tree);
    expect(raw.reason(nodeOf(tree, '43210ae0c10d1234'))).toBe('outside-parent');
    const adjusted = computeCriticalPath(tree, adjustedNodeTimes(tree, skew));
    expect(pathOf(tree, adjusted)).toEqual([
      ['bf396325699c84bf', 62_307_000, 65_441_000],
      ['74280ae0c10d8062', 65_441_000, 65_922_000],
      ['74280ae0c10d8062~server', 65_922_000, 65_923_000],
      ['43210ae0c10d1234', 65_923_000, 130_923_000],
      ['74280ae0c10d8062~server', 130_923_000, 159_499_000],
      ['74280ae0c10d8062', 159_499_000, 159_980_000],
      ['bf396325699c84bf', 159_980_000, 161_718_000],
    ]);
  });

  it.each([
    'jaeger/trace-object_11spans_follows-from_error.json',
    'jaeger/trace-object_genai_57spans_10procs.json',
  ])('Jaeger output is already adjusted: nothing moves in %s', (file) => {
    expect(adjustClockSkew(loadJaegerTree(file)).adjustedNodes).toHaveLength(0);
  });

  it('jaeger-ui span-longer-than-parent case: server spans overhanging their client are centred', () => {
    const tree = loadJaegerTree('jaeger/trace-object_8spans_span-longer-than-parent.json');
    const skew = adjustClockSkew(tree);
    const moved = Array.from(skew.adjustedNodes, (n) => [
      spanOfNode(tree, n)?.spanId,
      skew.deltaNs[n],
      skew.adjustedStartNs[n],
    ]);
    // Client 1.636..11.157 ms (9.521 ms long); servers 1.5 ms and 3.5 ms long, centred in it.
    expect(moved).toEqual([
      ['00000000000001', -4_433_500, 5_646_500],
      ['00000000000002', -5_793_500, 4_646_500],
    ]);
  });
});
