/**
 * Which model calls count toward trace totals, so nested spans describing the same call are
 * never added twice.
 *
 * Rule: a model-call span (kind llm or embedding) counts only when no model-call span lies
 * below it. A model span above counted ones is a wrapper:
 * - above exactly one (directly, as its parent): the same call described twice, e.g. an
 *   OpenInference LLM span over the Anthropic SDK's own span, or `ai.generateText` over its
 *   single `doGenerate`. The inner span counts; model, provider, usage and span cost it lacks
 *   are filled in from the wrapper.
 * - above several: an aggregate (an agent loop's `ai.generateText` over each step's
 *   `doGenerate`, whose usage is the sum of the steps). Only the steps count.
 *
 * ```
 *   handle_question (chain)                       not a model call
 *   ├─ Anthropic Messages (llm)           ─┐      same call twice:
 *   │  └─ anthropic.messages.create (llm) ─┘ ◀──  counted, gaps filled from the parent
 *   └─ ai.generateText (llm)                      aggregate: not counted
 *      ├─ ai.generateText.doGenerate (llm)  ◀──   counted
 *      └─ ai.generateText.doGenerate (llm)  ◀──   counted
 * ```
 * Linear in the tree size (one pass in reverse pre-order, then one walk up per counted call
 * that stops at the first parent that is not a one-child model wrapper).
 */
import type { SpanTree } from '../span-tree';
import { isModelCallKind, type LlmCall } from './llm-call';

const MANY = 2;

export interface CountedCalls {
  readonly countedNodes: number[];
  readonly countedCalls: LlmCall[];
}

export function countInnermostCalls(
  tree: SpanTree,
  calls: readonly (LlmCall | undefined)[],
  childrenOf: (node: number) => ArrayLike<number>,
): CountedCalls {
  const isModel = (node: number) => {
    const call = calls[node];
    return call !== undefined && isModelCallKind(call.kind);
  };
  // Model calls below each node, capped at MANY (0, 1 or "several").
  const below = new Uint8Array(tree.nodeCount);
  for (let i = tree.preorder.length - 1; i >= 0; i--) {
    const node = tree.preorder[i] as number;
    let count = 0;
    const children = childrenOf(node);
    for (let c = 0; c < children.length && count < MANY; c++) {
      const child = children[c] as number;
      count += isModel(child) ? 1 : (below[child] as number);
    }
    below[node] = Math.min(count, MANY);
  }
  const countedNodes: number[] = [];
  const countedCalls: LlmCall[] = [];
  for (const node of tree.preorder) {
    const call = calls[node];
    if (call === undefined || !isModel(node) || below[node] !== 0) continue;
    countedNodes.push(node);
    countedCalls.push(fillFromWrappers(call, node, tree, calls, below, isModel));
  }
  return { countedNodes, countedCalls };
}

function fillFromWrappers(
  call: LlmCall,
  node: number,
  tree: SpanTree,
  calls: readonly (LlmCall | undefined)[],
  below: Uint8Array,
  isModel: (node: number) => boolean,
): LlmCall {
  let filled = call;
  let parent = tree.parent[node] ?? -1;
  while (parent >= 0 && isModel(parent) && below[parent] === 1) {
    const outer = calls[parent] as LlmCall;
    filled = {
      ...filled,
      requestModel: filled.requestModel ?? outer.requestModel,
      responseModel: filled.responseModel ?? outer.responseModel,
      provider: filled.provider ?? outer.provider,
      usage: filled.usage ?? outer.usage,
      spanCost: filled.spanCost ?? outer.spanCost,
    };
    parent = tree.parent[parent] ?? -1;
  }
  return filled;
}
