/**
 * The walk of the critical path over the nodes `classifyNodes` left eligible. Split from
 * critical-path.ts, which documents the algorithm and packs the result.
 */
import { OVERLAPPED, type Eligibility } from './critical-path-eligibility';
import type { ByEnd } from './critical-path-order';
import type { SpanTree } from './span-tree';

/** Sections in emission order (latest first) and each walked subtree's emission range. */
export interface Walk {
  readonly isOnPath: Uint8Array;
  readonly count: number;
  readonly node: Int32Array;
  readonly startNs: Float64Array;
  readonly endNs: Float64Array;
  readonly firstEmitted: Int32Array;
  readonly lastEmitted: Int32Array;
}

export function walkPath(tree: SpanTree, eligibility: Eligibility, byEnd: ByEnd): Walk {
  const { nodeCount } = tree;
  const { reasonCode, clipStartNs, clipEndNs } = eligibility;
  // Each walked node emits at most one section more than it has chosen children.
  const capacity = 2 * nodeCount + 1;
  const out = {
    isOnPath: new Uint8Array(nodeCount),
    count: 0,
    node: new Int32Array(capacity),
    startNs: new Float64Array(capacity),
    endNs: new Float64Array(capacity),
    firstEmitted: new Int32Array(nodeCount).fill(-1),
    lastEmitted: new Int32Array(nodeCount).fill(-1),
  };
  const emit = (node: number, startNs: number, endNs: number) => {
    if (startNs >= endNs) return;
    out.node[out.count] = node;
    out.startNs[out.count] = startNs;
    out.endNs[out.count] = endNs;
    out.count++;
  };
  const stack = new PathStack(maxDepth(tree) + 1);
  let rootCursor = Infinity;
  for (const root of byEnd.roots) {
    if ((clipEndNs[root] as number) > rootCursor) {
      reasonCode[root] = OVERLAPPED;
      continue;
    }
    out.isOnPath[root] = 1;
    out.firstEmitted[root] = out.count;
    stack.push(root, clipEndNs[root] as number, byEnd.start[root] as number);
    while (stack.top > 0) {
      const node = stack.peekNode();
      const cursor = stack.peekCursor();
      const child = nextChild(byEnd, node, stack, cursor, clipEndNs, reasonCode);
      if (child < 0) {
        emit(node, clipStartNs[node] as number, cursor);
        out.lastEmitted[node] = out.count;
        stack.pop();
        continue;
      }
      emit(node, clipEndNs[child] as number, cursor);
      stack.setCursor(clipStartNs[child] as number);
      out.isOnPath[child] = 1;
      out.firstEmitted[child] = out.count;
      stack.push(child, clipEndNs[child] as number, byEnd.start[child] as number);
    }
    rootCursor = clipStartNs[root] as number;
  }
  return out;
}

/**
 * The next child of the top frame that ended at or before `cursor`. Children passed over ended
 * after the cursor, i.e. after a later-finishing sibling had started: they are overlapped. Each
 * child is looked at once, since the cursor only moves back.
 */
function nextChild(
  byEnd: ByEnd,
  node: number,
  stack: PathStack,
  cursor: number,
  clipEndNs: Float64Array,
  reasonCode: Uint8Array,
): number {
  const to = byEnd.start[node + 1] as number;
  let at = stack.peekNext();
  let chosen = -1;
  while (at < to) {
    const child = byEnd.list[at++] as number;
    if ((clipEndNs[child] as number) <= cursor) {
      chosen = child;
      break;
    }
    reasonCode[child] = OVERLAPPED;
  }
  stack.setNext(at);
  return chosen;
}

/** Frames of the walk: node, cursor (walking back from here), next child to look at. */
class PathStack {
  top = 0;
  private readonly nodes: Int32Array;
  private readonly cursors: Float64Array;
  private readonly nexts: Int32Array;

  constructor(size: number) {
    this.nodes = new Int32Array(size);
    this.cursors = new Float64Array(size);
    this.nexts = new Int32Array(size);
  }

  push(node: number, cursor: number, next: number): void {
    this.nodes[this.top] = node;
    this.cursors[this.top] = cursor;
    this.nexts[this.top] = next;
    this.top++;
  }

  pop(): void {
    this.top--;
  }

  peekNode = (): number => this.nodes[this.top - 1] as number;
  peekCursor = (): number => this.cursors[this.top - 1] as number;
  peekNext = (): number => this.nexts[this.top - 1] as number;
  setCursor = (cursor: number): void => void (this.cursors[this.top - 1] = cursor);
  setNext = (next: number): void => void (this.nexts[this.top - 1] = next);
}

function maxDepth(tree: SpanTree): number {
  let deepest = 0;
  for (const depth of tree.depth) if (depth > deepest) deepest = depth;
  return deepest;
}
