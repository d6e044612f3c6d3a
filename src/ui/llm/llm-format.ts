import type { LlmFamily, LlmKind } from '../../model/llm/llm-call';

/** Above this, JSON is shown as text rather than parsed and pretty-printed. */
export const MAX_PRETTY_JSON_CHARS = 200_000;
/** Above this, markdown falls back to plain text (the parser is linear, but React is not free). */
export const MAX_MARKDOWN_CHARS = 60_000;
/** Content longer than this (chars or lines) is collapsed until the user asks for all. */
export const COLLAPSE_CHARS = 1_500;
export const COLLAPSE_LINES = 24;

export function formatTokens(count: number): string {
  return count.toLocaleString('en-US');
}

/** Compact token count for rows: 950, 12.4k, 1.2M. */
export function formatTokensShort(count: number): string {
  if (count < 1_000) return String(count);
  if (count < 1_000_000) return `${trimNumber(count / 1_000)}k`;
  return `${trimNumber(count / 1_000_000)}M`;
}

function trimNumber(value: number): string {
  return Number(value.toFixed(value >= 100 ? 0 : 1)).toString();
}

/** USD with enough digits to see small per-call costs: $0, $0.000215, $0.0123, $1.24. */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  const abs = Math.abs(usd);
  if (abs >= 1) return `$${usd.toFixed(2)}`;
  if (abs >= 0.01) return `$${usd.toFixed(4)}`;
  return `$${Number(usd.toPrecision(3)).toString()}`;
}

export const KIND_LABEL: Readonly<Record<LlmKind, string>> = {
  llm: 'LLM',
  embedding: 'Embedding',
  retrieval: 'Retrieval',
  tool: 'Tool',
  agent: 'Agent',
  chain: 'Chain',
  other: 'Span',
};

/** One glyph per kind; always paired with a text label for assistive tech. */
export const KIND_ICON: Readonly<Record<LlmKind, string>> = {
  llm: '✦',
  embedding: '⋮',
  retrieval: '⌕',
  tool: '⚒',
  agent: '◎',
  chain: '⛓',
  other: '•',
};

export const FAMILY_LABEL: Readonly<Record<LlmFamily, string>> = {
  'gen-ai': 'OTel GenAI',
  openinference: 'OpenInference',
  openllmetry: 'OpenLLMetry',
  'vercel-ai': 'Vercel AI SDK',
  langfuse: 'Langfuse',
  'anthropic-sdk': 'Anthropic SDK',
  traceai: 'traceAI',
};

/** Pretty-printed JSON when the text is JSON (and not huge), else the text unchanged. */
export function prettyJson(text: string): { readonly text: string; readonly isJson: boolean } {
  const first = text.trimStart()[0];
  if (text.length > MAX_PRETTY_JSON_CHARS || (first !== '{' && first !== '[')) {
    return { text, isJson: false };
  }
  try {
    return { text: JSON.stringify(JSON.parse(text) as unknown, null, 2), isJson: true };
  } catch {
    return { text, isJson: false };
  }
}

/** Where to cut long text: at `COLLAPSE_CHARS`, or after `COLLAPSE_LINES` lines if sooner. */
export function collapsePoint(text: string): number | undefined {
  let lines = 0;
  const limit = Math.min(text.length, COLLAPSE_CHARS);
  for (let i = 0; i < limit; i++) {
    if (text.charCodeAt(i) === 10 && ++lines >= COLLAPSE_LINES) return i;
  }
  return text.length > COLLAPSE_CHARS ? COLLAPSE_CHARS : undefined;
}

export function formatMs(ns: number): string {
  const ms = ns / 1_000_000;
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Number(ms.toFixed(ms >= 100 ? 0 : 1))} ms`;
}
