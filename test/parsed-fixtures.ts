/**
 * Test-only: recorded fixtures run through their real adapter and the tree builder. Lives in
 * test/ so src/model tests can use real traces without src/model importing src/sources.
 */
import { parseJaegerTrace } from '../src/sources/jaeger/parse-jaeger';
import { parseOtlpTrace } from '../src/sources/otlp/parse-otlp';
import { buildSpanTree, type SpanTree } from '../src/model/span-tree';
import type { ParsedTrace } from '../src/model/trace';
import { loadFixture } from './fixtures';

/** A Jaeger fixture (`jaeger/<file>.json`) as the adapter's parsed trace. */
export function loadJaegerParsed(relPath: string): ParsedTrace {
  return parseJaegerTrace(loadFixture(relPath));
}

/** A Jaeger fixture (`jaeger/<file>.json`) as a span tree. */
export function loadJaegerTree(relPath: string): SpanTree {
  return buildSpanTree(parseJaegerTrace(loadFixture(relPath)).trace);
}

/** An OTLP/JSON fixture (`otlp/…`, `llm/…`) as a span tree. */
export function loadOtlpTree(relPath: string): SpanTree {
  return buildSpanTree(parseOtlpTrace(loadFixture(relPath)).trace);
}
