/**
 * One Zipkin v2 span record (backend-apis.md §5.2) read leniently: µs times, `kind` words, a
 * `tags` object of strings, `localEndpoint` (the service) and `remoteEndpoint` (the peer).
 * Bad values become problems; nothing here throws.
 */
import type { Attribute, Problem, SpanKind, SpanStatus } from '../../model/trace';
import { isRecord } from '../otlp/otlp-values';
import { describeRaw, stringifySafely } from '../safe-json';

export interface ZipkinEndpoint {
  readonly serviceName: string;
  readonly attributes: readonly Attribute[];
  /** Identity for sharing one resource among spans of the same endpoint. */
  readonly key: string;
}

export interface ZipkinRecord {
  readonly traceId: string;
  readonly id: string;
  readonly parentId: string | undefined;
  readonly kind: SpanKind;
  readonly shared: boolean;
  readonly name: string;
  /** µs since the epoch; null when absent or invalid. */
  readonly timestampUs: number | null;
  readonly durationUs: number | null;
  readonly endpoint: ZipkinEndpoint;
  readonly status: SpanStatus;
  readonly attributes: readonly Attribute[];
  readonly annotations: readonly { readonly timestampUs: number | null; readonly value: string }[];
}

const KINDS: Readonly<Record<string, SpanKind>> = {
  CLIENT: 'client',
  SERVER: 'server',
  PRODUCER: 'producer',
  CONSUMER: 'consumer',
};

export const UNKNOWN_SERVICE = 'unknown_service';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A µs value: a non-negative integer (numbers or digit strings) up to 2^53 (year 2255 as a
 * time): larger ones are not exact, and no clock produces them.
 */
function readMicros(raw: unknown, what: string, spanId: string, problems: Problem[]) {
  if (raw === undefined || raw === null) return null;
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof value === 'number' && value >= 0 && value <= Number.MAX_SAFE_INTEGER) {
    return Math.round(value);
  }
  problems.push({
    kind: 'invalid-value',
    message: `${what} ${describeRaw(raw)} is not a µs count; ignored`,
    spanId,
  });
  return null;
}

/** A field of the wrong JSON type: reported, then read as absent. */
function checkType(
  raw: Record<string, unknown>,
  field: string,
  type: 'string' | 'object' | 'list',
  spanId: string,
  problems: Problem[],
): void {
  const value = raw[field];
  if (value === undefined || value === null) return;
  const ok =
    type === 'list'
      ? Array.isArray(value)
      : type === 'object'
        ? isRecord(value)
        : typeof value === type;
  if (ok) return;
  problems.push({
    kind: 'invalid-value',
    message: `${field} ${describeRaw(value)} is not a${type === 'object' ? 'n' : ''} ${type}; ignored`,
    spanId,
  });
}

function stringAttr(key: string, value: string): Attribute {
  return { key, value: { type: 'string', value } };
}

/** ipv4 / ipv6 / port of an endpoint, under `prefix`. */
function endpointAttributes(endpoint: Record<string, unknown>, prefix: string): Attribute[] {
  const out: Attribute[] = [];
  for (const field of ['ipv4', 'ipv6'] as const) {
    const value = text(endpoint[field]);
    if (value) out.push(stringAttr(`${prefix}${field}`, value));
  }
  if (typeof endpoint.port === 'number' && Number.isInteger(endpoint.port)) {
    out.push({ key: `${prefix}port`, value: { type: 'int', value: String(endpoint.port) } });
  }
  return out;
}

function readEndpoint(raw: unknown): ZipkinEndpoint {
  const endpoint = isRecord(raw) ? raw : {};
  const serviceName = text(endpoint.serviceName) ?? UNKNOWN_SERVICE;
  const attributes = endpointAttributes(endpoint, '');
  const key = JSON.stringify([serviceName, attributes.map((a) => a.value)]);
  return { serviceName, attributes, key };
}

/** Tags are a `{string: string}` object; other scalars are kept as their text and reported. */
function readTags(raw: unknown, spanId: string, problems: Problem[]): Attribute[] {
  if (raw === undefined || raw === null) return [];
  if (!isRecord(raw)) {
    problems.push({ kind: 'invalid-value', message: 'tags is not an object; ignored', spanId });
    return [];
  }
  const out: Attribute[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string') out.push(stringAttr(key, value));
    else {
      problems.push({
        kind: 'invalid-value',
        message: `tag "${key}" is not a string; kept as text`,
        spanId,
      });
      out.push(stringAttr(key, stringifySafely(value)));
    }
  }
  return out;
}

function readStatus(tags: readonly Attribute[]): SpanStatus {
  const error = tags.find((tag) => tag.key === 'error');
  if (!error || error.value.type !== 'string' || error.value.value === 'false') {
    return { code: 'unset' };
  }
  const message = error.value.value;
  return message === '' || message === 'true' ? { code: 'error' } : { code: 'error', message };
}

function readKind(raw: unknown, spanId: string, problems: Problem[]): SpanKind {
  if (raw === undefined || raw === null) return 'unspecified';
  const kind = typeof raw === 'string' ? KINDS[raw.toUpperCase()] : undefined;
  if (kind) return kind;
  problems.push({ kind: 'invalid-value', message: `unknown kind ${describeRaw(raw)}`, spanId });
  return 'unspecified';
}

/** Reads one record; `undefined` (with a problem) when it has no usable `id` or `traceId`. */
export function readZipkinRecord(raw: unknown, problems: Problem[]): ZipkinRecord | undefined {
  if (!isRecord(raw) || !text(raw.id) || !text(raw.traceId)) {
    problems.push({
      kind: 'dropped-span',
      message: `a Zipkin span without ${isRecord(raw) && text(raw.id) ? 'traceId' : 'id'} was dropped`,
    });
    return undefined;
  }
  const id = (raw.id as string).toLowerCase();
  checkType(raw, 'parentId', 'string', id, problems);
  checkType(raw, 'name', 'string', id, problems);
  checkType(raw, 'localEndpoint', 'object', id, problems);
  if (isRecord(raw.localEndpoint))
    checkType(raw.localEndpoint, 'serviceName', 'string', id, problems);
  checkType(raw, 'annotations', 'list', id, problems);
  const tags = readTags(raw.tags, id, problems);
  const remote = isRecord(raw.remoteEndpoint) ? raw.remoteEndpoint : undefined;
  const peer = remote ? endpointAttributes(remote, 'peer.') : [];
  const peerService = text(remote?.serviceName);
  if (peerService) peer.unshift(stringAttr('peer.service', peerService));
  if (raw.debug === true) peer.push({ key: 'zipkin.debug', value: { type: 'bool', value: true } });
  const rawAnnotations = Array.isArray(raw.annotations) ? (raw.annotations as unknown[]) : [];
  const annotations = rawAnnotations
    .filter((a): a is Record<string, unknown> => {
      if (isRecord(a)) return true;
      problems.push({
        kind: 'invalid-value',
        message: 'annotation is not an object; dropped',
        spanId: id,
      });
      return false;
    })
    .map((a) => ({
      timestampUs: readMicros(a.timestamp, 'annotation timestamp', id, problems),
      value: typeof a.value === 'string' ? a.value : stringifySafely(a.value),
    }));
  return {
    traceId: (raw.traceId as string).toLowerCase(),
    id,
    parentId: text(raw.parentId)?.toLowerCase(),
    kind: readKind(raw.kind, id, problems),
    shared: raw.shared === true,
    name: typeof raw.name === 'string' ? raw.name : '',
    timestampUs: readMicros(raw.timestamp, 'timestamp', id, problems),
    durationUs: readMicros(raw.duration, 'duration', id, problems),
    endpoint: readEndpoint(raw.localEndpoint),
    status: readStatus(tags),
    attributes: [...tags, ...peer],
    annotations,
  };
}
