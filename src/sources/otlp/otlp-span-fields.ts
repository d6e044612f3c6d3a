/**
 * Readers for the parts of an OTLP span, resource and scope that need no trace-wide context:
 * enums (integers or gogo-jsonpb names), status, resource, scope, links. None of these throw;
 * bad values are reported and replaced by the proto3 default.
 */
import type {
  InstrumentationScope,
  Resource,
  SpanKind,
  SpanReference,
  SpanStatus,
  StatusCode,
} from '../../model/trace';
import { isNullId, readId } from './otlp-ids';
import {
  convertAttributes,
  isAbsent,
  isRecord,
  readArray,
  readOptionalString,
  reportInvalid,
  type ValueContext,
} from './otlp-values';

const SPAN_KINDS: readonly SpanKind[] = [
  'unspecified',
  'internal',
  'server',
  'client',
  'producer',
  'consumer',
];
const STATUS_CODES: readonly StatusCode[] = ['unset', 'ok', 'error'];

/**
 * Maps an enum sent as an integer, a numeric string, or a name with or without its prefix
 * (`SPAN_KIND_SERVER`, `server`) to `names[index]`; absent → `names[0]`.
 */
function readEnum<T extends string>(
  raw: unknown,
  names: readonly T[],
  prefix: string,
  what: string,
  ctx: ValueContext,
): T {
  const fallback = names[0] as T;
  if (isAbsent(raw)) return fallback;
  let index = -1;
  if (typeof raw === 'number' && Number.isInteger(raw)) index = raw;
  else if (typeof raw === 'string') {
    const upper = raw.toUpperCase();
    const bare = upper.startsWith(prefix) ? upper.slice(prefix.length) : upper;
    index = /^\d+$/.test(bare) ? Number(bare) : names.findIndex((n) => n.toUpperCase() === bare);
  }
  const name = index >= 0 ? names[index] : undefined;
  if (name !== undefined) return name;
  reportInvalid(ctx, what, raw);
  return fallback;
}

export function readSpanKind(raw: unknown, ctx: ValueContext): SpanKind {
  return readEnum(raw, SPAN_KINDS, 'SPAN_KIND_', 'span kind', ctx);
}

/** `status: {code, message}`; an empty message is left out. */
export function readStatus(raw: unknown, ctx: ValueContext): SpanStatus {
  if (isAbsent(raw)) return { code: 'unset' };
  if (!isRecord(raw)) {
    reportInvalid(ctx, 'status', raw);
    return { code: 'unset' };
  }
  const code = readEnum(raw.code, STATUS_CODES, 'STATUS_CODE_', 'status code', ctx);
  const message = readOptionalString(raw.message, 'status message', ctx);
  return message ? { code, message } : { code };
}

const UNKNOWN_SERVICE = 'unknown_service';

/** Resource with `service.name` pulled out; a missing or non-string name is `unknown_service`. */
export function readResource(raw: unknown, ctx: ValueContext): Resource {
  if (!isAbsent(raw) && !isRecord(raw)) reportInvalid(ctx, 'resource', raw);
  const attributes = isRecord(raw)
    ? convertAttributes(raw.attributes, 'resource attribute', ctx)
    : [];
  const service = attributes.find((a) => a.key === 'service.name')?.value;
  const serviceName = service?.type === 'string' && service.value !== '' ? service.value : '';
  return { serviceName: serviceName || UNKNOWN_SERVICE, attributes };
}

/** `scope` (or pre-1.0 `instrumentationLibrary`); undefined when it names nothing. */
export function readScope(raw: unknown, ctx: ValueContext): InstrumentationScope | undefined {
  if (isAbsent(raw)) return undefined;
  if (!isRecord(raw)) {
    reportInvalid(ctx, 'scope', raw);
    return undefined;
  }
  const name = readOptionalString(raw.name, 'scope name', ctx) ?? '';
  const version = readOptionalString(raw.version, 'scope version', ctx);
  if (!name && !version) return undefined;
  return version ? { name, version } : { name };
}

/** Span links → `link` references; a link without a span id is reported and skipped. */
export function readLinks(raw: unknown, spanTraceId: string, ctx: ValueContext): SpanReference[] {
  const links: SpanReference[] = [];
  for (const link of readArray(raw, 'links', ctx)) {
    if (!isRecord(link)) {
      reportInvalid(ctx, 'a link', link);
      continue;
    }
    const spanId = readId(link.spanId, 'link spanId', ctx);
    if (spanId === '') {
      ctx.sink.add('invalid-value', 'a link without a spanId was skipped', ctx.spanId);
      continue;
    }
    const linkTraceId = readId(link.traceId, 'link traceId', ctx);
    const traceId = isNullId(linkTraceId) ? spanTraceId : linkTraceId;
    const attributes = convertAttributes(link.attributes, 'link attribute', ctx);
    links.push({ type: 'link', traceId, spanId, attributes });
  }
  return links;
}

const DROPPED_COUNTS = [
  ['droppedAttributesCount', 'attributes'],
  ['droppedEventsCount', 'events'],
  ['droppedLinksCount', 'links'],
] as const;

/** Span warnings for what the SDK dropped before export (`dropped*Count` > 0). */
export function readDroppedCounts(span: Record<string, unknown>): string[] {
  const warnings: string[] = [];
  for (const [field, noun] of DROPPED_COUNTS) {
    const raw = span[field];
    const count = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
    if (typeof count === 'number' && count > 0) {
      warnings.push(`The SDK dropped ${count} ${noun} of this span before export`);
    }
  }
  return warnings;
}
