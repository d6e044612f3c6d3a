/**
 * Fields every family shares: errors, a cost carried on the span, evaluation scores, agent
 * graph ids, and the one place where token counts are normalised to the contract meaning.
 */
import {
  ATTR_ERROR_TYPE,
  ATTR_EXCEPTION_MESSAGE,
  ATTR_EXCEPTION_TYPE,
  EVENT_EXCEPTION,
} from '@opentelemetry/semantic-conventions';
import {
  ATTR_GEN_AI_AGENT_NAME,
  ATTR_GEN_AI_EVALUATION_EXPLANATION,
  ATTR_GEN_AI_EVALUATION_NAME,
  ATTR_GEN_AI_EVALUATION_SCORE_LABEL,
  EVENT_GEN_AI_CLIENT_OPERATION_EXCEPTION,
  EVENT_GEN_AI_EVALUATION_RESULT,
} from '@opentelemetry/semantic-conventions/incubating';
import {
  GRAPH_NODE_ID,
  GRAPH_NODE_NAME,
  GRAPH_NODE_PARENT_ID,
  LLM_COST_COMPLETION,
  LLM_COST_PROMPT,
  LLM_COST_TOTAL,
} from '@arizeai/openinference-semantic-conventions';
import type { Span } from '../trace';
import type {
  AgentGraphNode,
  LlmCall,
  LlmError,
  LlmEvaluation,
  LlmUsage,
  SpanCost,
} from './llm-call';
import { SpanAttrs } from './span-attrs';

/** Not exported by semconv 1.45 (the score value and graph ids are newer than the package). */
export const GEN_AI_EVALUATION_SCORE_VALUE = 'gen_ai.evaluation.score.value';
export const GEN_AI_AGENT_GRAPH_NODE_ID = 'gen_ai.agent.graph.node_id';
export const GEN_AI_AGENT_GRAPH_PARENT_NODE_ID = 'gen_ai.agent.graph.parent_node_id';
/** traceAI per-span cost (USD); any-agent's input/output cost spellings. */
export const GEN_AI_COST_TOTAL = 'gen_ai.cost.total';
export const GEN_AI_USAGE_INPUT_COST = 'gen_ai.usage.input_cost';
export const GEN_AI_USAGE_OUTPUT_COST = 'gen_ai.usage.output_cost';
/** Prefix of the evaluation attributes (a quick check before reading them). */
const EVALUATION_PREFIX = 'gen_ai.evaluation.';

/** What a family reader returns; `finishCall` fills the shared fields and defaults. */
export type LlmCallDraft = Partial<{ -readonly [K in keyof LlmCall]: LlmCall[K] }> &
  Pick<LlmCall, 'family' | 'kind'>;

/** Context handed to every family reader. */
export interface ReadContext {
  readonly span: Span;
  readonly attrs: SpanAttrs;
  readonly includeContent: boolean;
  /** Absolute start of the span, ms since epoch (for timestamps such as Langfuse's). */
  readonly spanStartEpochMs?: number;
}

/** Shared empty lists: most spans have none of these, and they are never mutated. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * The finished call. Built as one literal with a fixed key order (not a spread of the draft)
 * so every LlmCall has the same shape; extracting 100,000 spans stays fast.
 */
export function finishCall(draft: LlmCallDraft, ctx: ReadContext): LlmCall {
  const { span, attrs } = ctx;
  return {
    family: draft.family,
    kind: draft.kind,
    operation: draft.operation,
    provider: draft.provider,
    requestModel: draft.requestModel,
    responseModel: draft.responseModel,
    hasContent: ctx.includeContent,
    systemInstructions: draft.systemInstructions ?? NONE,
    inputMessages: draft.inputMessages ?? NONE,
    outputMessages: draft.outputMessages ?? NONE,
    isContentTruncated: (draft.isContentTruncated ?? false) || attrs.isOversized,
    inputText: draft.inputText,
    outputText: draft.outputText,
    finishReasons: draft.finishReasons ?? NONE,
    toolDefinitions: draft.toolDefinitions ?? NONE,
    usage: draft.usage,
    spanCost: draft.spanCost ?? readSpanCost(attrs),
    timeToFirstTokenNs: draft.timeToFirstTokenNs,
    isStreaming: draft.isStreaming,
    error: draft.error ?? readError(span, attrs),
    evaluations: draft.evaluations ?? readEvaluations(span, attrs),
    agentGraph: draft.agentGraph ?? readAgentGraph(attrs),
    embeddingInputs: draft.embeddingInputs ?? NONE,
    retrievalDocuments: draft.retrievalDocuments ?? NONE,
    tool: draft.tool,
  };
}

/**
 * A failure: status ERROR, an `exception` (or GenAI operation exception) event, or an
 * `error.type` attribute. The first exception event supplies type and message.
 */
export function readError(span: Span, attrs: SpanAttrs): LlmError | undefined {
  const event = span.events.find(
    (e) => e.name === EVENT_EXCEPTION || e.name === EVENT_GEN_AI_CLIENT_OPERATION_EXCEPTION,
  );
  const eventAttrs = event ? new SpanAttrs(event.attributes) : undefined;
  const errorType = attrs.string(ATTR_ERROR_TYPE);
  if (span.status.code !== 'error' && !event && errorType === undefined) return undefined;
  return {
    type: eventAttrs?.string(ATTR_EXCEPTION_TYPE) ?? errorType,
    message: span.status.message || eventAttrs?.string(ATTR_EXCEPTION_MESSAGE) || undefined,
  };
}

/** Cost the instrumentation recorded itself (USD). Langfuse's JSON is read by langfuse.ts. */
export function readSpanCost(attrs: SpanAttrs): SpanCost | undefined {
  const input = attrs.firstNumber(LLM_COST_PROMPT, GEN_AI_USAGE_INPUT_COST);
  const output = attrs.firstNumber(LLM_COST_COMPLETION, GEN_AI_USAGE_OUTPUT_COST);
  const total = attrs.firstNumber(GEN_AI_COST_TOTAL, LLM_COST_TOTAL);
  if (total !== undefined) return { total, input, output };
  if (input === undefined && output === undefined) return undefined;
  return { total: (input ?? 0) + (output ?? 0), input, output };
}

function evaluationFrom(attrs: SpanAttrs): LlmEvaluation | undefined {
  const score = attrs.number(GEN_AI_EVALUATION_SCORE_VALUE);
  const label = attrs.string(ATTR_GEN_AI_EVALUATION_SCORE_LABEL);
  if (score === undefined && label === undefined) return undefined;
  return {
    name: attrs.string(ATTR_GEN_AI_EVALUATION_NAME),
    score,
    label,
    explanation: attrs.string(ATTR_GEN_AI_EVALUATION_EXPLANATION),
  };
}

/** Scores on the span itself and in `gen_ai.evaluation.result` events. */
export function readEvaluations(span: Span, attrs: SpanAttrs): readonly LlmEvaluation[] {
  if (span.events.length === 0 && !attrs.hasPrefix(EVALUATION_PREFIX)) return NONE;
  const out: LlmEvaluation[] = [];
  const own = evaluationFrom(attrs);
  if (own) out.push(own);
  for (const event of span.events) {
    if (event.name !== EVENT_GEN_AI_EVALUATION_RESULT) continue;
    const evaluation = evaluationFrom(new SpanAttrs(event.attributes));
    if (evaluation) out.push(evaluation);
  }
  return out;
}

export function readAgentGraph(attrs: SpanAttrs): AgentGraphNode | undefined {
  const nodeId = attrs.firstString(GEN_AI_AGENT_GRAPH_NODE_ID, GRAPH_NODE_ID);
  const parentNodeId = attrs.firstString(GEN_AI_AGENT_GRAPH_PARENT_NODE_ID, GRAPH_NODE_PARENT_ID);
  if (nodeId === undefined && parentNodeId === undefined) return undefined;
  return { nodeId, parentNodeId, name: attrs.firstString(GRAPH_NODE_NAME, ATTR_GEN_AI_AGENT_NAME) };
}

/** Raw counts as a family recorded them, before normalisation. */
export interface RawUsage {
  readonly input?: number;
  readonly output?: number;
  readonly cacheRead?: number;
  readonly cacheWrite?: number;
  readonly reasoning?: number;
  readonly total?: number;
  /**
   * What the family is known to record: `false` when its input count leaves out cached tokens
   * (Langfuse, OpenLLMetry-Anthropic), `true` when it includes them; undefined = not known.
   */
  readonly inputIncludesCache?: boolean;
}

/**
 * Normalises to the contract meaning (input = whole prompt incl. cache). When the family does
 * not say, the numbers decide: a total equal to input + output + cache (and not to input +
 * output), or an input smaller than its own cached part, means the input left the cache out.
 */
export function normalizeUsage(raw: RawUsage): LlmUsage | undefined {
  const { input, output, cacheRead, cacheWrite, reasoning, total } = raw;
  if ([input, output, cacheRead, cacheWrite, total].every((n) => n === undefined)) {
    return undefined;
  }
  const cached = (cacheRead ?? 0) + (cacheWrite ?? 0);
  let includes = raw.inputIncludesCache;
  if (includes === undefined && input !== undefined && cached > 0) {
    const sum = input + (output ?? 0);
    if (total !== undefined && total === sum + cached) includes = false;
    else if (total !== undefined && total === sum) includes = true;
    else includes = input >= cached;
  }
  const wholeInput = input === undefined ? undefined : includes === false ? input + cached : input;
  const known = wholeInput !== undefined || output !== undefined;
  const summed = (wholeInput ?? 0) + (output ?? 0);
  return {
    input: wholeInput,
    output,
    cacheRead,
    cacheWrite,
    reasoning,
    total: known ? Math.max(total ?? 0, summed) : total,
  };
}
