import type { SpanTree } from '../../model/span-tree';
import { isPlaceholder, nodeIdOf, spanOfNode } from '../../model/span-tree';
import { useMasker } from '../shared/use-masker';

interface ParentLinkProps {
  readonly tree: SpanTree;
  readonly node: number;
  readonly onSelectSpan: (spanId: string) => void;
}

/** The parent in the tree as built (after repairs), as a button that selects it. */
export function ParentLink({ tree, node, onSelectSpan }: ParentLinkProps) {
  const mask = useMasker();
  const parent = tree.parent[node] ?? -1;
  if (parent < 0) return <span className="sd-faint">none (root span)</span>;
  const parentId = nodeIdOf(tree, parent);
  const parentSpan = spanOfNode(tree, parent);
  const isMissing = isPlaceholder(tree, parent);
  return (
    <span className="sd-parent">
      <button
        type="button"
        className="sd-link mono"
        aria-label={`Select parent span ${parentId}`}
        onClick={() => onSelectSpan(parentId)}
      >
        {parentId}
      </button>
      {parentSpan && <span className="sd-faint sd-ellipsize">{mask(parentSpan.name)}</span>}
      {isMissing && <span className="sd-badge sd-badge-warn">missing</span>}
    </span>
  );
}
