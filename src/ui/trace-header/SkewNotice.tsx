import { useViewStore } from '../../state/view-store';

/** Says how many spans the browser shifted for clock skew, with a raw/adjusted switch. */
export function SkewNotice({ adjustedCount }: { adjustedCount: number }) {
  const showRawTimes = useViewStore((state) => state.showRawTimes);
  const setShowRawTimes = useViewStore((state) => state.setShowRawTimes);
  return (
    <div className="skew-notice" data-testid="skew-notice" data-value={adjustedCount}>
      <span>
        {adjustedCount} {adjustedCount === 1 ? 'span was' : 'spans were'} shifted to correct clock
        skew between hosts{showRawTimes ? ' — showing the raw times' : ''}.
      </span>
      <button
        type="button"
        className="link-button"
        data-testid="toggle-raw-times"
        onClick={() => setShowRawTimes(!showRawTimes)}
      >
        {showRawTimes ? 'Show adjusted times' : 'Show raw times'}
      </button>
    </div>
  );
}
