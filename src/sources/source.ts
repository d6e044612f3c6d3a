import type { ParsedTrace } from '../model/trace';

/** Error a source raises when a trace cannot be shown; `reason` drives the message the user sees. */
export type LoadErrorReason =
  'not-found' | 'unreachable' | 'timeout' | 'bad-response' | 'upstream-error' | 'unknown-source';

export class TraceLoadError extends Error {
  readonly reason: LoadErrorReason;
  readonly status?: number;
  readonly detail?: string;

  constructor(
    reason: LoadErrorReason,
    message: string,
    options?: { status?: number; detail?: string },
  ) {
    super(message);
    this.name = 'TraceLoadError';
    this.reason = reason;
    this.status = options?.status;
    this.detail = options?.detail;
  }
}

/** What every backend adapter offers the app. Adapters are plain async functions. */
export interface TraceSource {
  readonly id: string;
  readonly kind: SourceKind;
  fetchTrace(traceId: string, signal?: AbortSignal): Promise<ParsedTrace>;
}

export type SourceKind = 'jaeger' | 'jaeger-v3' | 'tempo' | 'zipkin' | 'local' | 'file';

/** Source metadata as `GET /api/sources` lists it. */
export interface SourceInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: SourceKind;
}

/**
 * The id of the JSON block in which the server embeds the `GET /api/sources` list in index.html
 * (when no access token is required), so a page can start loading a trace before asking the API.
 */
export const EMBEDDED_SOURCES_ELEMENT_ID = 'tracefall-sources';
