import type { SpanTree } from '../../model/span-tree';
import type { FilterMatches } from '../../state/filter-matches';
import { formatCount } from '../shared/format';
import { useMatchStepper } from './use-match-stepper';

/** "12 of 57 match" with previous/next buttons that move the selection through matches. */
export function MatchNavigator({ tree, matches }: { tree: SpanTree; matches: FilterMatches }) {
  const step = useMatchStepper(tree, matches);
  return (
    <span className="match-nav">
      <span
        className="match-count"
        data-testid="filter-match-count"
        data-value={matches.isPending ? undefined : matches.count}
        aria-busy={matches.isPending}
      >
        {matches.isPending ? '…' : formatCount(matches.count)} of {formatCount(tree.trace.count)}{' '}
        match
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label="Previous match"
        title="Previous match (Shift+N)"
        disabled={matches.count === 0}
        onClick={() => step(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Next match"
        title="Next match (N)"
        disabled={matches.count === 0}
        onClick={() => step(1)}
      >
        ↓
      </button>
    </span>
  );
}
