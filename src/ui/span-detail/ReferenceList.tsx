import type { SpanTree } from '../../model/span-tree';
import type { SpanReference } from '../../model/trace';
import { AttributeList } from './AttributeList';
import { formatReferenceType } from './detail-format';
import { resolveReference } from './span-links';

interface ReferenceListProps {
  readonly tree: SpanTree;
  readonly references: readonly SpanReference[];
  readonly onSelectSpan: (spanId: string) => void;
}

/** Jaeger references and OTLP links; each jumps to its span when that span is in this tree. */
export function ReferenceList({ tree, references, onSelectSpan }: ReferenceListProps) {
  return (
    <ul className="sd-refs">
      {references.map((reference, index) => {
        const { isOtherTrace, targetSpanId } = resolveReference(tree, reference);
        return (
          <li className="sd-ref" key={index}>
            <div className="sd-ref-head">
              <span className="sd-tag" data-ref-type={reference.type}>
                {formatReferenceType(reference.type)}
              </span>
              <button
                type="button"
                className="sd-link mono"
                disabled={targetSpanId === null}
                title={targetSpanId === null ? 'not in this trace' : 'Select this span'}
                onClick={() => targetSpanId !== null && onSelectSpan(targetSpanId)}
              >
                {reference.spanId}
              </button>
              {isOtherTrace && (
                <span className="sd-faint">
                  in another trace <span className="mono">{reference.traceId}</span>
                </span>
              )}
              {targetSpanId === null && <span className="sd-faint">not in this trace</span>}
            </div>
            {reference.attributes.length > 0 && <AttributeList attributes={reference.attributes} />}
          </li>
        );
      })}
    </ul>
  );
}
