import type { CriticalPath } from '../../model/critical-path';
import { OFF_PATH_REASON_TEXT } from '../../model/critical-path';
import { formatDuration } from '../shared/format';

export interface SpanTiming {
  readonly criticalPath: CriticalPath;
  readonly selfTimesNs: Float64Array;
  /** Clock-skew shift applied to this span in the waterfall (0 when none). */
  readonly skewDeltaNs: number;
}

/** Where the span's time went: self time, its share of the critical path, or why it is off it. */
export function TimingFacts({ timing, node }: { timing: SpanTiming; node: number }) {
  const { criticalPath, selfTimesNs, skewDeltaNs } = timing;
  const isOnPath = criticalPath.isOnPath[node] === 1;
  const onPathNs = criticalPath.onPathNs[node] ?? 0;
  const reason = criticalPath.reason(node);
  return (
    <dl className="sd-facts sd-timing" data-testid="detail-timing">
      <dt>Self time</dt>
      <dd data-testid="detail-self-time-ms" data-value={(selfTimesNs[node] ?? 0) / 1e6}>
        {formatDuration(selfTimesNs[node] ?? 0)}
      </dd>
      <dt>Critical path</dt>
      <dd data-testid="detail-critical" data-value={isOnPath ? 'true' : 'false'}>
        {isOnPath ? (
          <>
            <span className="sd-badge sd-badge-critical">on the path</span>{' '}
            {onPathNs > 0 && <>{formatDuration(onPathNs)} of its own time is on it</>}
          </>
        ) : (
          <span className="sd-faint">
            not on the path{reason ? `: ${OFF_PATH_REASON_TEXT[reason]}` : ''}
          </span>
        )}
      </dd>
      {skewDeltaNs !== 0 && (
        <>
          <dt>Clock skew</dt>
          <dd data-testid="detail-skew-ms" data-value={skewDeltaNs / 1e6}>
            shifted by {skewDeltaNs > 0 ? '+' : '−'}
            {formatDuration(Math.abs(skewDeltaNs))} to fit inside its parent
          </dd>
        </>
      )}
    </dl>
  );
}
