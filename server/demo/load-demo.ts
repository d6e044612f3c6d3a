/**
 * Example LLM traces for a fresh store: loaded once, on the first start with an empty store
 * (unless TRACEFALL_DEMO=0), through the same checks as received spans. A `meta` flag records
 * that it happened, so deleting the examples does not bring them back.
 */
import { normalizeLogsRequest } from '../otlp/normalize-logs';
import { normalizeTraceRequest } from '../otlp/normalize-traces';
import type { SpanStore } from '../store/span-store';
import { agentScenario } from './demo-agent';
import { buildScenario, type DemoScenario } from './demo-builder';
import { ragScenario } from './demo-rag';
import { streamingScenario } from './demo-streaming';
import { twoServiceScenario } from './demo-two-services';

export const DEMO_META_KEY = 'demo_loaded';
/** Oldest first; the last one ends a minute before startup. */
const SCENARIOS: readonly (() => DemoScenario)[] = [
  ragScenario,
  agentScenario,
  streamingScenario,
  twoServiceScenario,
];
const SPACING_MS = 60_000;

/** Stores the example traces unless they were loaded (or skipped) before; returns their ids. */
export async function loadDemoOnce(
  store: SpanStore,
  log: (message: string) => void = () => {},
): Promise<string[]> {
  if ((await store.getMeta(DEMO_META_KEY)) !== undefined) return [];
  if ((await store.countTraces()) > 0) {
    await store.setMeta(DEMO_META_KEY, 'skipped: the store already held traces');
    return [];
  }
  const now = store.now();
  const ids: string[] = [];
  for (const [index, scenario] of SCENARIOS.entries()) {
    const endMs = now - (SCENARIOS.length - index) * SPACING_MS;
    const built = buildScenario(scenario(), endMs);
    for (const request of built.traceRequests) {
      await store.writeSpans(normalizeTraceRequest(request).batch);
    }
    if (built.logsRequest) await store.writeLogs(normalizeLogsRequest(built.logsRequest).batch);
    ids.push(built.traceId);
  }
  await store.setMeta(DEMO_META_KEY, new Date(now).toISOString());
  log(`loaded ${ids.length} example traces (set TRACEFALL_DEMO=0 to skip)`);
  return ids;
}
