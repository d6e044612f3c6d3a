/** Types for jaeger-replay.mjs (plain JavaScript so Node runs it without a TypeScript loader). */
import type { Server } from 'node:http';

export interface JaegerProcess {
  serviceName: string;
  tags?: unknown[];
}

export interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName?: string;
  processID?: string;
  process?: JaegerProcess;
  tags?: { key: string; value: unknown }[];
}

export interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, JaegerProcess>;
  warnings?: unknown;
}

export interface IndexedTrace {
  /** The id as the fixture writes it. */
  traceID: string;
  /** Fixture file name inside the fixtures folder. */
  file: string;
  trace: JaegerTrace;
}

export interface FixtureIndex {
  /** Keyed by `normalizeTraceId(traceID)`. */
  traces: Map<string, IndexedTrace>;
  dependencies: unknown[];
  /** Files that hold no Jaeger trace (e.g. the OTLP input of /api/transform). */
  skipped: string[];
}

export const SLOW_TRACE_ID: string;
export const DEFAULT_FIXTURES_DIR: string;
export function normalizeTraceId(id: string): string;
export function indexFixtures(dir: string): FixtureIndex;
export interface GeneratedTrace {
  traceId: string;
  chunks: Buffer[];
  bytes: number;
}
export function generateTraces(spec: string): Map<string, GeneratedTrace>;
export function createReplayServer(options?: {
  fixturesDir?: string;
  index?: FixtureIndex;
  generated?: Map<string, GeneratedTrace>;
}): Server;
