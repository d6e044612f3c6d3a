/**
 * A cheap, conservative test for "this span may be an LLM span": true whenever any attribute key
 * or the scope name that a family detector (extract.ts) or a model reader looks at is present.
 * Spans without a hint are never handed to the LLM readers, so their attributes need not be
 * decoded at all on a large trace. False positives only cost time; a false negative would lose
 * a call, which extract.test.ts guards against on every recorded LLM fixture.
 *
 * The key prefixes cover: `gen_ai.*` (OTel GenAI, legacy prompts/completions, model readers),
 * `llm.*` (OpenLLMetry, OpenInference model names), `ai.*` (Vercel AI SDK), `langfuse.*`,
 * `openinference.*`, `fi.*` (traceAI), `traceloop.*`, `anthropic.*`.
 */
import { escapeRegExp } from '../regexp';

export const LLM_HINT_KEY_PREFIXES: readonly string[] = [
  'gen_ai.',
  'llm.',
  'ai.',
  'langfuse.',
  'openinference.',
  'fi.',
  'traceloop.',
  'anthropic.',
];

/** Scope names that make a span an LLM span by themselves. */
export const LLM_HINT_SCOPE_PREFIXES: readonly string[] = ['@traceloop/', 'com.anthropic.'];

/**
 * The key prefixes as one expression: every attribute of every span is tested as a trace
 * loads, and one native regular-expression test per key is several times cheaper than a
 * `startsWith` per prefix while that code is still cold (a fresh worker, a small trace).
 */
const LLM_HINT_KEY = new RegExp(`^(?:${LLM_HINT_KEY_PREFIXES.map(escapeRegExp).join('|')})`);

export function isLlmHintKey(key: string): boolean {
  return LLM_HINT_KEY.test(key);
}

export function isLlmHintScope(scopeName: string): boolean {
  for (const prefix of LLM_HINT_SCOPE_PREFIXES) if (scopeName.startsWith(prefix)) return true;
  return false;
}
