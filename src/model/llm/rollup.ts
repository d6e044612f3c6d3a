import type { SpanTree } from '../span-tree';
import type { TraceLlm } from './llm-call';

/** LLM figures of a node's whole subtree (itself included), answered in O(1) per node. */
export interface LlmRollup {
  readonly calls: (node: number) => number;
  readonly inputTokens: (node: number) => number;
  readonly outputTokens: (node: number) => number;
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
  const input = new Float64Array(n + 1);
  const output = new Float64Array(n + 1);
  llm.countedNodes.forEach((node, i) => {
    const at = (position[node] ?? 0) + 1;
    calls[at] = (calls[at] ?? 0) + 1;
    input[at] = (input[at] ?? 0) + (llm.countedCalls[i]?.usage?.input ?? 0);
    output[at] = (output[at] ?? 0) + (llm.countedCalls[i]?.usage?.output ?? 0);
  });
  for (let i = 1; i <= n; i++) {
    calls[i] = (calls[i] ?? 0) + (calls[i - 1] ?? 0);
    input[i] = (input[i] ?? 0) + (input[i - 1] ?? 0);
    output[i] = (output[i] ?? 0) + (output[i - 1] ?? 0);
  }
  const range = (sums: Float64Array) => (node: number) => {
    const from = position[node] ?? 0;
    const to = from + (tree.descendantCount[node] ?? 0) + 1;
    return (sums[to] ?? 0) - (sums[from] ?? 0);
  };
  return { calls: range(calls), inputTokens: range(input), outputTokens: range(output) };
}
