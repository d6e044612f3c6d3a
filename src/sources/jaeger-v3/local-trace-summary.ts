/**
 * Tracefall's own store (kind `local`) keeps receiving spans after a trace has been opened: its
 * `/api/v3/traces/{traceId}/summary` (a Tracefall extension, server/local/local-routes.ts) says
 * how many spans of the trace it holds now, for the trace page to tell when more have arrived.
 */
import { isRecord } from '../otlp/otlp-values';
import {
  defaultFetch,
  errorForStatus,
  httpGet,
  isSuccess,
  proxyUrl,
  readJson,
} from '../http-fetch';
import type { FetchLike } from '../http-fetch';

/** The number of spans the store holds for the trace; undefined when it holds none. */
export async function fetchStoredSpanCount(
  sourceId: string,
  traceId: string,
  options: { readonly fetchImpl?: FetchLike; readonly signal?: AbortSignal } = {},
): Promise<number | undefined> {
  const url = proxyUrl(sourceId, `/api/v3/traces/${encodeURIComponent(traceId)}/summary`);
  const reply = await httpGet(url, options.fetchImpl ?? defaultFetch, options.signal);
  if (reply.status === 404) return undefined;
  if (!isSuccess(reply)) throw errorForStatus(reply, { traceId });
  const body = readJson(reply);
  const count = isRecord(body) && isRecord(body.summary) ? body.summary.spanCount : undefined;
  return typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? count : undefined;
}
