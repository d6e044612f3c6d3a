import type { MissingSpanPlaceholder } from '../../model/span-tree';
import { formatCount, formatDuration } from '../shared/format';
import { formatOffset } from './detail-format';

interface MissingSpanDetailProps {
  readonly placeholder: MissingSpanPlaceholder;
  /** Spans hanging directly under the placeholder (the orphans of the missing parent). */
  readonly orphanCount: number;
  readonly onClose: () => void;
}

/** Panel for a placeholder node: a parent span that was referenced but never arrived. */
export function MissingSpanDetail({ placeholder, orphanCount, onClose }: MissingSpanDetailProps) {
  const spans = orphanCount === 1 ? 'span hangs' : 'spans hang';
  return (
    <div
      className="span-detail sd-missing"
      data-testid="span-detail"
      data-span-id={placeholder.spanId}
      data-missing="true"
    >
      <header className="sd-header">
        <div className="sd-header-main">
          <h2 className="sd-title">
            Missing span <span className="mono">{placeholder.spanId}</span>
          </h2>
        </div>
        <button
          type="button"
          className="sd-close"
          aria-label="Close span details"
          title="Close"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <p className="sd-missing-text">
        This span was referenced as a parent but never arrived; {formatCount(orphanCount)} {spans}{' '}
        under it.
      </p>
      <p className="sd-faint sd-missing-text">
        Its children cover {formatOffset(placeholder.startNs)} to {formatOffset(placeholder.endNs)}{' '}
        ({formatDuration(placeholder.endNs - placeholder.startNs)}) from the trace start.
      </p>
    </div>
  );
}
