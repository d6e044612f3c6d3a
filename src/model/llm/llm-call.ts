/**
 * The one model type for LLM data on a span, whatever convention wrote it. Every family reader
 * (gen-ai.ts, openinference.ts, …) fills an `LlmCall`; the UI sees nothing else.
 *
 * Token meaning is normalised here, once: `usage.input` is the WHOLE prompt including cached
 * tokens (families that report the uncached part only are added up), `cacheRead` is the part
 * served from cache, `cacheWrite` the part written to it. `total` is at least input + output.
 */
import type { Nanos } from '../trace';

/** Same values as the URL `kind` filter. */
export type LlmKind = 'llm' | 'embedding' | 'retrieval' | 'tool' | 'agent' | 'chain' | 'other';

export type LlmFamily =
  | 'gen-ai'
  | 'openinference'
  | 'openllmetry'
  | 'vercel-ai'
  | 'langfuse'
  | 'anthropic-sdk'
  | 'traceai';

export interface LlmToolCall {
  readonly id?: string;
  readonly name: string;
  /** As recorded: usually JSON text; an object argument is serialised once. */
  readonly arguments?: string;
}

export type LlmPart =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'reasoning'; readonly text: string }
  | {
      readonly type: 'tool-result';
      readonly toolCallId?: string;
      readonly name?: string;
      readonly text: string;
      readonly isError?: boolean;
    }
  /** Images, audio, files: never loaded; `text` is the URL or a JSON description. */
  | { readonly type: 'media'; readonly label: string; readonly text: string };

export interface LlmMessage {
  readonly role: string;
  readonly parts: readonly LlmPart[];
  readonly toolCalls: readonly LlmToolCall[];
  /** For `tool` messages: the call this answers. */
  readonly toolCallId?: string;
  readonly name?: string;
  readonly finishReason?: string;
}

export interface LlmToolDefinition {
  readonly name: string;
  readonly description?: string;
  /** JSON schema text. */
  readonly parameters?: string;
}

export interface LlmUsage {
  /** Whole prompt, cached tokens included. */
  readonly input?: number;
  readonly output?: number;
  readonly cacheRead?: number;
  readonly cacheWrite?: number;
  readonly reasoning?: number;
  readonly total?: number;
}

/** A cost recorded on the span itself, in USD. */
export interface SpanCost {
  readonly total: number;
  readonly input?: number;
  readonly output?: number;
}

export interface LlmError {
  readonly type?: string;
  readonly message?: string;
}

export interface LlmEvaluation {
  readonly name?: string;
  readonly score?: number;
  readonly label?: string;
  readonly explanation?: string;
}

export interface AgentGraphNode {
  readonly nodeId?: string;
  readonly parentNodeId?: string;
  readonly name?: string;
}

export interface RetrievalDocument {
  readonly id?: string;
  readonly content?: string;
  readonly score?: number;
  /** JSON text. */
  readonly metadata?: string;
}

/** A tool execution span: what was called with what, and what came back. */
export interface ToolExecution {
  readonly name?: string;
  readonly callId?: string;
  readonly arguments?: string;
  readonly result?: string;
}

export interface LlmCall {
  readonly family: LlmFamily;
  readonly kind: LlmKind;
  /** The family's own operation name (`chat`, `ai.generateText.doGenerate`, `generation`). */
  readonly operation?: string;
  /** As recorded (`openai`, `OpenAI`, `openai.responses`); normalised only for pricing. */
  readonly provider?: string;
  readonly requestModel?: string;
  readonly responseModel?: string;
  /** False when content was not extracted (see `ExtractOptions.includeContent`). */
  readonly hasContent: boolean;
  readonly systemInstructions: readonly string[];
  readonly inputMessages: readonly LlmMessage[];
  readonly outputMessages: readonly LlmMessage[];
  /** True when a message list was cut at `MAX_MESSAGES` or a value was too large to parse. */
  readonly isContentTruncated: boolean;
  /** Free-form input/output of non-chat spans (chains, agents, tools, retrievers). */
  readonly inputText?: string;
  readonly outputText?: string;
  readonly finishReasons: readonly string[];
  readonly toolDefinitions: readonly LlmToolDefinition[];
  readonly usage?: LlmUsage;
  readonly spanCost?: SpanCost;
  readonly timeToFirstTokenNs?: Nanos;
  readonly isStreaming?: boolean;
  readonly error?: LlmError;
  readonly evaluations: readonly LlmEvaluation[];
  readonly agentGraph?: AgentGraphNode;
  readonly embeddingInputs: readonly string[];
  readonly retrievalDocuments: readonly RetrievalDocument[];
  readonly tool?: ToolExecution;
}

/** Upper bound on messages, documents, tools and embedding inputs kept per list. */
export const MAX_MESSAGES = 500;
/** Strings longer than this are never JSON-parsed (they are shown as raw text). */
export const MAX_JSON_CHARS = 8_000_000;

/** Kinds that are a call to a model (they carry tokens and cost). */
export function isModelCallKind(kind: LlmKind): boolean {
  return kind === 'llm' || kind === 'embedding';
}

/** The model a call is known by: the requested one, else the served one. */
export function modelOf(call: LlmCall): string | undefined {
  return call.requestModel ?? call.responseModel;
}

/** All text parts of a message joined by blank lines (tool calls excluded). */
export function messageText(message: LlmMessage): string {
  const texts: string[] = [];
  for (const part of message.parts) if (part.type !== 'media') texts.push(part.text);
  return texts.join('\n\n');
}

/** Totals over the counted calls of a trace (see `extractTraceLlm`). */
export interface LlmTotals {
  readonly llmCallCount: number;
  readonly embeddingCallCount: number;
  /** Counted model calls that failed. */
  readonly errorCount: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWriteTokens: number;
  readonly totalTokens: number;
  /** USD over counted calls whose cost is known. */
  readonly costUsd: number;
  /** Some counted call that used tokens has no known price. */
  readonly isCostPartial: boolean;
}

export interface TraceLlm {
  /** Indexed by tree node; undefined for spans without LLM data and for placeholders. */
  readonly calls: readonly (LlmCall | undefined)[];
  /** Nodes whose call counts toward the totals, in pre-order. */
  readonly countedNodes: readonly number[];
  /**
   * The call of each counted node (parallel to `countedNodes`), with model, provider, usage and
   * span cost it lacked filled in from the outer spans that describe the same call.
   */
  readonly countedCalls: readonly LlmCall[];
  readonly totals: LlmTotals;
}
