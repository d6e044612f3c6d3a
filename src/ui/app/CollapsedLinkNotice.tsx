import { useViewStore } from '../../state/view-store';

/**
 * Says that the link's collapsed rows were left out: the token was made against another shape
 * of this trace (it received spans since), or was damaged. Nothing was collapsed instead.
 */
export function CollapsedLinkNotice() {
  const problem = useViewStore((state) => state.collapsedTokenProblem);
  const dismiss = useViewStore((state) => state.dismissCollapsedTokenProblem);
  if (problem === null) return null;
  return (
    <div className="collapsed-link-notice" role="status" data-testid="collapsed-link-notice">
      <span>
        {problem === 'changed'
          ? 'This link’s collapsed rows were made for an earlier version of this trace (it has changed since), so every row is shown expanded.'
          : 'This link’s collapsed rows could not be read, so every row is shown expanded.'}
      </span>
      <button type="button" className="link-button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
