/**
 * Finds the OTLP resource list inside the wrappers backends put around it:
 *
 *   {resourceSpans}                      spec OTLP/JSON, OTLP/HTTP bodies
 *   {result: {resourceSpans}}            Jaeger API v3 (one per chunk; a list of chunks too)
 *   {batches}                            Tempo /api/traces v1
 *   {trace: {resourceSpans}, status?, message?}   Tempo /api/v2/traces (status PARTIAL)
 *   [doc, doc, ...]                      several export requests or v3 chunks
 */
import { ProblemSink, isRecord, readArray, type ValueContext } from './otlp-values';

/** Thrown only when a payload has no recognizable OTLP structure at all. */
export class NotOtlpError extends Error {
  constructor(message = 'The payload is not OTLP/JSON') {
    super(message);
    this.name = 'NotOtlpError';
  }
}

export interface UnwrapOptions {
  /** Keys holding the resource list, e.g. `resourceSpans`, `batches`. */
  readonly listKeys: readonly string[];
  /** Accept Tempo v2's `{trace: {...}, status, message}` wrapper. */
  readonly allowTempoWrapper: boolean;
}

export interface UnwrappedPayload {
  /** The raw resource entries (`ResourceSpans`/`ResourceLogs`), unchecked. */
  readonly resources: readonly unknown[];
  /** Messages the wrapper carried for the whole payload (Tempo's partial-result message). */
  readonly warnings: readonly string[];
}

/** `result` inside `result` is as deep as any real wrapper goes. */
const MAX_WRAPPER_DEPTH = 2;
const DEFAULT_PARTIAL_MESSAGE = 'Tempo returned a partial trace';

interface Collector {
  readonly options: UnwrapOptions;
  readonly ctx: ValueContext;
  readonly resources: unknown[];
  readonly warnings: string[];
}

function readTempoStatus(node: Record<string, unknown>, collector: Collector): void {
  const message = typeof node.message === 'string' && node.message !== '' ? node.message : '';
  if (node.status === 'PARTIAL' || node.status === 1) {
    const text = message || DEFAULT_PARTIAL_MESSAGE;
    collector.ctx.sink.add('partial-trace', text);
    collector.warnings.push(text);
  } else if (message) {
    collector.warnings.push(message);
  }
}

function collectDocument(node: unknown, collector: Collector, depth: number): boolean {
  if (!isRecord(node)) return false;
  for (const key of collector.options.listKeys) {
    if (!Object.hasOwn(node, key)) continue;
    for (const entry of readArray(node[key], `payload ${key}`, collector.ctx)) {
      collector.resources.push(entry);
    }
    return true;
  }
  if (depth >= MAX_WRAPPER_DEPTH) return false;
  if (isRecord(node.result)) return collectDocument(node.result, collector, depth + 1);
  if (collector.options.allowTempoWrapper && isRecord(node.trace)) {
    const isEmptyTrace = Object.keys(node.trace).length === 0;
    const found = collectDocument(node.trace, collector, depth + 1) || isEmptyTrace;
    if (found) readTempoStatus(node, collector);
    return found;
  }
  return false;
}

/** Unwraps a payload; throws `NotOtlpError` when nothing in it looks like OTLP. */
export function unwrapOtlpPayload(
  payload: unknown,
  options: UnwrapOptions,
  sink: ProblemSink,
): UnwrappedPayload {
  const collector: Collector = { options, ctx: { sink }, resources: [], warnings: [] };
  const notOtlp = () =>
    new NotOtlpError(`The payload is not OTLP/JSON: no ${options.listKeys.join(' or ')}`);
  if (!Array.isArray(payload)) {
    if (!collectDocument(payload, collector, 0)) throw notOtlp();
    return collector;
  }
  let found = 0;
  payload.forEach((doc, index) => {
    if (collectDocument(doc, collector, 0)) found++;
    else sink.add('invalid-value', `payload element ${index} is not an OTLP document`);
  });
  if (found === 0) throw notOtlp();
  return collector;
}
