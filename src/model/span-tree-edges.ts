/**
 * Last steps of resolving parents (span-tree-parents.ts): breaking cycles in bad data, and
 * marking the edges that hang a span under a follows_from parent (the critical path treats them
 * as not blocking).
 */
import { REF_CHILD_OF, type SpanRefs, type TraceTable } from './span-table';
import { spanIdKey, type Problem } from './trace';

/**
 * Parent links form a forest plus, in bad data, cycles (a span its own ancestor). Each span is
 * walked up once (state 1 = on the current walk, 2 = done); meeting a state-1 node closes a
 * cycle, whose earliest-starting span (then lowest index) is made a root.
 */
export function breakCycles(table: TraceTable, parent: Int32Array, problems: Problem[]): void {
  const n = table.count;
  const state = new Uint8Array(n);
  const path = new Int32Array(n);
  const pathPos = new Int32Array(n);
  for (let first = 0; first < n; first++) {
    if (state[first] !== 0) continue;
    let length = 0;
    let node = first;
    while (node >= 0 && node < n && state[node] === 0) {
      state[node] = 1;
      pathPos[node] = length;
      path[length++] = node;
      node = parent[node] as number;
    }
    if (node >= 0 && node < n && state[node] === 1) {
      const chosen = earliestInCycle(table.startNs, path, pathPos[node] as number, length);
      problems.push({
        kind: 'parent-cycle',
        message: `span is its own ancestor (a cycle of ${length - (pathPos[node] as number)}); shown as a root`,
        spanId: table.spanIds[chosen] as string,
      });
      parent[chosen] = -1;
    }
    for (let p = 0; p < length; p++) state[path[p] as number] = 2;
  }
}

function earliestInCycle(start: Float64Array, path: Int32Array, from: number, to: number): number {
  let best = path[from] as number;
  for (let p = from + 1; p < to; p++) {
    const node = path[p] as number;
    const a = start[node] as number;
    const b = start[best] as number;
    if (a < b || (a === b && node < best)) best = node;
  }
  return best;
}

/**
 * A span hangs under its parent through follows_from exactly when it has a follows_from
 * reference and no child_of reference names the parent (the builder prefers child_of). For a
 * placeholder parent, any child_of reference counts (the placeholder came from one).
 */
export function markFollowsFromEdges(
  table: TraceTable,
  refs: SpanRefs,
  parent: Int32Array,
  out: Uint8Array,
): void {
  for (let i = 0; i < table.count; i++) {
    const p = parent[i] as number;
    const from = refs.refStart[i] as number;
    const to = refs.refStart[i + 1] as number;
    if (p < 0 || from === to) continue;
    let hasFollows = false;
    for (let r = from; r < to; r++) if (refs.refType[r] !== REF_CHILD_OF) hasFollows = true;
    if (!hasFollows) continue;
    const parentKey = p < table.count ? spanIdKey(table.sourceSpanIds[p] as string) : undefined;
    let isFollows = true;
    for (let r = from; r < to && isFollows; r++) {
      if (refs.refType[r] !== REF_CHILD_OF) continue;
      if (parentKey === undefined || spanIdKey(refs.refSpanId[r] as string) === parentKey) {
        isFollows = false;
      }
    }
    if (isFollows) out[i] = 1;
  }
}
