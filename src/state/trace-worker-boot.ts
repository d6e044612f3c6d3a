/**
 * The trace the page's boot script asked the worker to open, read from the worker's name
 * (see `bootWorkerName` in boot-start.ts for why not a message): the open request for trace
 * `BOOT_TRACE_ID`, or undefined when the name carries none (or anything malformed).
 */
import type { SourceInfo } from '../sources/source';
import { BOOT_TRACE_ID } from './boot-handoff';
import type { WorkerRequest } from './trace-worker-protocol';

export function bootOpenRequest(name: string): WorkerRequest | undefined {
  const at = name.indexOf('#');
  if (at < 0) return undefined;
  let request: unknown;
  try {
    request = JSON.parse(decodeURIComponent(name.slice(at + 1)));
  } catch {
    return undefined;
  }
  if (typeof request !== 'object' || request === null) return undefined;
  const { source, traceId } = request as { source?: unknown; traceId?: unknown };
  if (typeof traceId !== 'string' || traceId === '' || !isSource(source)) return undefined;
  return { type: 'open', id: BOOT_TRACE_ID, source, traceId };
}

function isSource(value: unknown): value is SourceInfo {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, kind } = value as Partial<Record<keyof SourceInfo, unknown>>;
  return typeof id === 'string' && typeof name === 'string' && typeof kind === 'string';
}
