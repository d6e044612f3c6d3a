/**
 * The hostile corpus (test/hostile/corpus.ts) through every adapter as the app runs it — the
 * source's fetchTrace on the backend's answer, and the file parser on the same text — then
 * through the tree, the critical path and LLM extraction. Each case must end in traces whose
 * problems are counted, or in the adapter's own typed error; never a TypeError or RangeError.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { computeCriticalPath } from '../model/critical-path';
import { extractLlmCall, extractTraceLlm } from '../model/llm/extract';
import { buildSpanTree } from '../model/span-tree';
import type { ParsedTrace } from '../model/trace';
import { hostileCorpus, payloadText, type HostileCase } from '../../test/hostile/corpus';
import { stubFetch } from '../../test/http-stub';
import { parseTraceFile, TraceFileError } from './file/parse-trace-file';
import { createJaegerSource } from './jaeger/jaeger-source';
import { createJaegerV3Source } from './jaeger-v3/jaeger-v3-source';
import { TraceLoadError, type TraceSource } from './source';
import { createTempoSource } from './tempo/tempo-source';
import { createZipkinSource } from './zipkin/zipkin-source';

type Outcome =
  | { readonly kind: 'traces'; readonly traces: readonly ParsedTrace[] }
  | { readonly kind: 'rejected'; readonly error: Error };

/** The source that reads this format from a backend; JSON Lines only ever come from files. */
function sourceFor(hostile: HostileCase): TraceSource | undefined {
  const payload = hostile.payload();
  const body = typeof payload === 'string' ? payload : new Uint8Array(payload);
  const { fetchImpl } = stubFetch(
    () => new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }),
  );
  switch (hostile.format) {
    case 'otlp':
      return createJaegerV3Source('local', { kind: 'local', fetchImpl });
    case 'tempo':
      return createTempoSource('tempo', { fetchImpl, v1Only: new Set(['tempo']) });
    case 'jaeger':
      return createJaegerSource('jaeger', fetchImpl);
    case 'zipkin':
      return createZipkinSource('zipkin', fetchImpl);
    case 'jsonl':
      return undefined;
  }
}

/** Only the adapters' own errors count as a clean refusal. */
function asRejection(error: unknown): Outcome {
  if (error instanceof TraceLoadError || error instanceof TraceFileError) {
    return { kind: 'rejected', error };
  }
  throw error;
}

async function throughSource(hostile: HostileCase): Promise<Outcome | undefined> {
  const source = sourceFor(hostile);
  if (!source) return undefined;
  try {
    return { kind: 'traces', traces: [await source.fetchTrace(hostile.traceId)] };
  } catch (error) {
    return asRejection(error);
  }
}

function throughFile(hostile: HostileCase): Outcome {
  try {
    return { kind: 'traces', traces: parseTraceFile(payloadText(hostile)).traces };
  } catch (error) {
    return asRejection(error);
  }
}

/** What the trace page computes from a parsed trace; returns the problems the header counts. */
function renderModel(parsed: ParsedTrace): number {
  const tree = buildSpanTree(parsed.trace);
  computeCriticalPath(tree);
  extractTraceLlm(tree, parsed.logs ?? []);
  for (const span of parsed.trace.spans.slice(0, 2_000)) extractLlmCall(span, [], {});
  return parsed.problems.length + tree.problems.length;
}

function holds(traces: readonly ParsedTrace[], keeps: NonNullable<HostileCase['keeps']>): boolean {
  return traces.some(({ trace }) =>
    trace.spans.some(
      (span) =>
        (keeps.spanName === undefined || span.name === keeps.spanName) &&
        (keeps.attributeKey === undefined ||
          span.attributes.some((a) => a.key === keeps.attributeKey)),
    ),
  );
}

function check(hostile: HostileCase, outcome: Outcome, path: string): void {
  const where = `${hostile.name} (${path})`;
  if (outcome.kind === 'rejected') {
    expect(
      ['rejected', 'problems-or-rejected', 'survives'],
      `${where}: ${outcome.error.message}`,
    ).toContain(hostile.expect);
    expect(outcome.error.message.length, where).toBeGreaterThan(0);
    return;
  }
  expect(hostile.expect, `${where} was accepted`).not.toBe('rejected');
  let problems = 0;
  for (const parsed of outcome.traces) problems += renderModel(parsed);
  if (hostile.expect === 'problems' || hostile.expect === 'problems-or-rejected') {
    expect(problems, `${where}: no problem counted`).toBeGreaterThan(0);
  }
  if (hostile.keeps) expect(holds(outcome.traces, hostile.keeps), where).toBe(true);
}

async function runCase(hostile: HostileCase): Promise<void> {
  const viaSource = await throughSource(hostile);
  if (viaSource) check(hostile, viaSource, 'source');
  check(hostile, throughFile(hostile), 'file');
}

const corpus = hostileCorpus();

describe('hostile corpus', () => {
  it('has at least 40 cases in every format', () => {
    for (const format of ['otlp', 'tempo', 'jaeger', 'zipkin'] as const) {
      expect(corpus.filter((c) => c.format === format).length).toBeGreaterThanOrEqual(40);
    }
    expect(corpus.filter((c) => c.format === 'jsonl').length).toBeGreaterThanOrEqual(20);
  });

  it.each(corpus.filter((c) => !c.isLarge).map((c) => [c.name, c] as const))(
    '%s',
    async (_name, hostile) => {
      await runCase(hostile);
    },
  );

  describe('large cases', () => {
    it.each(corpus.filter((c) => c.isLarge).map((c) => [c.name, c] as const))(
      '%s',
      async (_name, hostile) => {
        await runCase(hostile);
      },
      60_000,
    );
  });

  afterAll(() => {
    // `__proto__` and `constructor.prototype` keys in payloads must not reach Object.prototype.
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});
