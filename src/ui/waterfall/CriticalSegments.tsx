import {
  mergedSectionsForSubtree,
  sectionsOfNode,
  type CriticalPath,
} from '../../model/critical-path';
import type { SpanTree } from '../../model/span-tree';
import type { TimeScale } from './use-time-scale';

interface CriticalSegmentsProps {
  criticalPath: CriticalPath;
  tree: SpanTree;
  node: number;
  /** A collapsed row also shows the path through its hidden descendants. */
  isCollapsed: boolean;
  scale: TimeScale;
}

/**
 * The parts of a row's bar that lie on the critical path, drawn as a dark band over the bar:
 * only the sections the path spends in this span, not the whole bar.
 */
export function CriticalSegments({
  criticalPath,
  tree,
  node,
  isCollapsed,
  scale,
}: CriticalSegmentsProps) {
  const segments: [number, number][] = [];
  const { sections } = criticalPath;
  for (const index of sectionsOfNode(criticalPath, node)) {
    segments.push([sections.startNs[index] as number, sections.endNs[index] as number]);
  }
  if (isCollapsed) {
    const hidden = mergedSectionsForSubtree(criticalPath, tree, node);
    for (let i = 0; i < hidden.startNs.length; i++) {
      segments.push([hidden.startNs[i] as number, hidden.endNs[i] as number]);
    }
  }
  if (segments.length === 0) return null;
  return (
    <>
      {segments.map(([start, end]) => {
        const left = Math.max(0, scale(start));
        const right = Math.min(1, scale(end));
        if (right <= left) return null;
        return (
          <span
            key={start}
            className="critical-segment"
            style={{ left: `${left * 100}%`, width: `${(right - left) * 100}%` }}
          />
        );
      })}
    </>
  );
}
