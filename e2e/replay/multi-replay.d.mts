/** Types for multi-replay.mjs (plain JavaScript so Node runs it without a TypeScript loader). */
import type { Server } from 'node:http';

export const FIXTURES_DIR: string;
export const TEMPO_PARTIAL_TRACE_ID: string;
export const TEMPO_PARTIAL_MESSAGE: string;
export function createMultiReplayServer(options?: { fixturesDir?: string }): Server;
