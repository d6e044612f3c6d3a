import type { ReactNode } from 'react';
import { useDateTimeFormat } from '../shared/use-date-time';
import type { SpanTree } from '../../model/span-tree';
import { childrenOf } from '../../model/span-tree';
import type { Span } from '../../model/trace';
import { nanosToMillis, offsetToEpochMillis } from '../../model/trace';
import { CopyButton } from '../shared/CopyButton';
import { formatCount, formatDuration } from '../shared/format';
import { useMasker } from '../shared/use-masker';
import { ParentLink } from './ParentLink';
import { TruncatedText } from './TruncatedText';
import { formatOffset, formatScope } from './detail-format';

interface SpanFactsProps {
  readonly tree: SpanTree;
  readonly node: number;
  readonly span: Span;
  readonly onSelectSpan: (spanId: string) => void;
}

/** The key facts grid: ids, timing, kind, status, scope, parent. */
export function SpanFacts({ tree, node, span, onSelectSpan }: SpanFactsProps) {
  const formatTime = useDateTimeFormat();
  const mask = useMasker();
  const scope = formatScope(span.scope);
  const children = childrenOf(tree, node).length;
  return (
    <dl className="sd-facts">
      <Fact label="Span ID">
        <span className="mono sd-ellipsize">{span.spanId}</span>
        <CopyButton text={span.spanId} label="Copy span id" />
        {span.sourceSpanId !== span.spanId && (
          <span className="sd-faint">
            sent as <span className="mono">{span.sourceSpanId}</span> (duplicate id)
          </span>
        )}
      </Fact>
      <Fact label="Trace ID">
        <span className="mono sd-ellipsize">{span.traceId}</span>
        <CopyButton text={span.traceId} label="Copy trace id" />
      </Fact>
      <Fact label="Start">
        <span className="mono">{formatOffset(span.startNs)}</span>
        <span className="sd-faint">
          {formatTime(offsetToEpochMillis(tree.trace, span.startNs))}
        </span>
      </Fact>
      <Fact label="Duration">
        {span.durationNs === null ? (
          <span className="sd-warn-text" data-testid="detail-duration-ms">
            no end recorded
          </span>
        ) : (
          <span
            className="mono"
            data-testid="detail-duration-ms"
            data-value={nanosToMillis(span.durationNs)}
          >
            {formatDuration(span.durationNs)}
          </span>
        )}
      </Fact>
      <Fact label="Kind">{span.kind}</Fact>
      <Fact label="Status">
        <span className="sd-status" data-status={span.status.code}>
          {span.status.code}
        </span>
        {span.status.message && (
          <span className="sd-status-message">
            <TruncatedText text={mask(span.status.message)} />
          </span>
        )}
      </Fact>
      {scope !== null && (
        <Fact label="Scope">
          <TruncatedText text={scope} />
        </Fact>
      )}
      <Fact label="Parent">
        <ParentLink tree={tree} node={node} onSelectSpan={onSelectSpan} />
      </Fact>
      <Fact label="Children">{formatCount(children)}</Fact>
    </dl>
  );
}

function Fact({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="sd-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
