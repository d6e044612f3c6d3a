import { useNewSpanCount } from '../../state/stored-span-count';
import './TraceSummaryBar.css';

interface NewSpansNoticeProps {
  readonly sourceId: string;
  readonly traceId: string;
  /** Spans the page shows now. */
  readonly shownCount: number;
  readonly isReloading: boolean;
  readonly onReload: () => void;
}

/**
 * "3 new spans arrived": a trace of the local store that is still being exported. Reloading
 * keeps the selection, filters and zoom (they live in the URL).
 */
export function NewSpansNotice(props: NewSpansNoticeProps) {
  const { sourceId, traceId, shownCount, isReloading, onReload } = props;
  const newCount = useNewSpanCount(sourceId, traceId, shownCount);
  if (newCount === 0) return null;
  return (
    <div className="new-spans-notice" role="status" data-testid="new-spans-notice">
      <span className="new-spans-dot" aria-hidden="true" />
      <span>
        {newCount === 1 ? '1 new span' : `${newCount.toLocaleString('en-US')} new spans`} arrived
        for this trace since it was opened.
      </span>
      <button type="button" onClick={onReload} disabled={isReloading}>
        {isReloading ? 'Reloading…' : 'Reload'}
      </button>
    </div>
  );
}
