/**
 * Test-only: the recorded LLM fixtures (test/fixtures/llm) as span trees, with their OTLP log
 * records when the folder has them, and span lookup by id. Lives in test/ because it needs the
 * OTLP adapter, which src/model tests may not import directly.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOtlpLogs } from '../src/sources/otlp/parse-otlp-logs';
import { parseOtlpTrace } from '../src/sources/otlp/parse-otlp';
import { buildSpanTree, type SpanTree, spanOfNode } from '../src/model/span-tree';
import { offsetToEpochMillis, type Span } from '../src/model/trace';
import { extractLlmCall, groupLogsBySpan, type LlmLogRecord } from '../src/model/llm/extract';
import type { LlmCall } from '../src/model/llm/llm-call';

/**
 * Paths are built with node:path rather than through `fixturePath` of test/fixtures.ts, whose
 * global `URL` is jsdom's in component tests (and then rejected by `fileURLToPath`).
 */
const LLM_DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'llm');
const fixturePath = (rel: string) => join(LLM_DIR, rel);
const loadFixture = (rel: string): unknown => JSON.parse(readFileSync(fixturePath(rel), 'utf8'));

export interface LlmFixture {
  readonly name: string;
  readonly tree: SpanTree;
  readonly logs: readonly LlmLogRecord[];
}

/** `folder/scenario` of every trace fixture (logs files excluded). */
export function listLlmFixtures(): string[] {
  return readdirSync(LLM_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(fixturePath(dir.name))
        .filter((file) => file.endsWith('.json') && !file.endsWith('.logs.json'))
        .map((file) => `${dir.name}/${file.slice(0, -'.json'.length)}`),
    )
    .sort();
}

export function loadLlmFixture(name: string): LlmFixture {
  const tree = buildSpanTree(parseOtlpTrace(loadFixture(`${name}.json`)).trace);
  const logsPath = `${name}.logs.json`;
  const logs = existsSync(fixturePath(logsPath)) ? parseOtlpLogs(loadFixture(logsPath)) : [];
  return { name, tree, logs };
}

export function spanById(fixture: LlmFixture, spanId: string): Span {
  const node = fixture.tree.nodeById.get(spanId);
  const span = node === undefined ? undefined : spanOfNode(fixture.tree, node);
  if (!span) throw new Error(`${fixture.name}: no span ${spanId}`);
  return span;
}

/** The full call (content included) of one span, with its logs and absolute start time. */
export function callOf(fixture: LlmFixture, spanId: string): LlmCall | undefined {
  const span = spanById(fixture, spanId);
  const logs = groupLogsBySpan(fixture.logs, fixture.tree.trace.traceId).get(spanId) ?? [];
  return extractLlmCall(span, logs, {
    spanStartEpochMs: offsetToEpochMillis(fixture.tree.trace, span.startNs),
  });
}

/** Like `callOf`, failing the test when the span has no LLM data. */
export function mustCallOf(fixture: LlmFixture, spanId: string): LlmCall {
  const call = callOf(fixture, spanId);
  if (!call) throw new Error(`${fixture.name}: span ${spanId} has no LLM call`);
  return call;
}
