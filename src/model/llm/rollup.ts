import type { SpanTree } from '../span-tree';
import type { TraceLlm } from './llm-call';

/**
 * LLM figures of every subtree (itself included) as plain arrays, so the roll-up can cross a
 * worker boundary; read them with `subtreeLlm`.
 */
export interface LlmRollup {
  /** Pre-order position of each node. */
  readonly position: Int32Array;
  /** Prefix sums over pre-order positions (length = nodes + 1). */
  readonly calls: Float64Array;
  readonly inputTokens: Float64Array;
  readonly outputTokens: Float64Array;
}

export interface SubtreeLlm {
  readonly calls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/**
 * Prefix sums over pre-order positions of the counted calls: a subtree is a contiguous range of
 * pre-order (`descendantCount` long after its root), so its total is one subtraction. Only the
 * counted (innermost) calls are summed, so nested spans of one call are not added twice.
 *
 * ```
 *   pre-order   A  B  C  D  E        subtree(B) = positions 1..3
 *   tokens      0  5  7  0  2        prefix: 0 0 5 12 12 14 → 12 − 0 = 12
 * ```
 */
export function buildLlmRollup(tree: SpanTree, llm: TraceLlm): LlmRollup {
  const n = tree.preorder.length;
  const position = new Int32Array(tree.nodeCount);
  tree.preorder.forEach((node, index) => (position[node] = index));
  const calls = new Float64Array(n + 1);
  const inputTokens = new Float64Array(n + 1);
  const outputTokens = new Float64Array(n + 1);
  llm.countedNodes.forEach((node, i) => {
    const at = (position[node] ?? 0) + 1;
    calls[at] = (calls[at] ?? 0) + 1;
    inputTokens[at] = (inputTokens[at] ?? 0) + (llm.countedCalls[i]?.usage?.input ?? 0);
    outputTokens[at] = (outputTokens[at] ?? 0) + (llm.countedCalls[i]?.usage?.output ?? 0);
  });
  for (const sums of [calls, inputTokens, outputTokens]) {
    for (let i = 1; i <= n; i++) sums[i] = (sums[i] ?? 0) + (sums[i - 1] ?? 0);
  }
  return { position, calls, inputTokens, outputTokens };
}

/** The LLM calls and tokens of a node's subtree, in O(1). */
export function subtreeLlm(rollup: LlmRollup, tree: SpanTree, node: number): SubtreeLlm {
  const from = rollup.position[node] ?? 0;
  const to = from + (tree.descendantCount[node] ?? 0) + 1;
  const range = (sums: Float64Array) => (sums[to] ?? 0) - (sums[from] ?? 0);
  return {
    calls: range(rollup.calls),
    inputTokens: range(rollup.inputTokens),
    outputTokens: range(rollup.outputTokens),
  };
}
