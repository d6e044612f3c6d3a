import { useState } from 'react';
import type { Span } from '../../model/trace';
import { formatCount } from '../shared/format';
import { useMasker } from '../shared/use-masker';
import { AttributeList } from './AttributeList';
import { TruncatedText } from './TruncatedText';
import { formatOffset } from './detail-format';

const PAGE_EVENTS = 100;

interface EventListProps {
  readonly span: Span;
}

/** Span events (logs), each with its offset from the span start and from the trace start. */
export function EventList({ span }: EventListProps) {
  const [limit, setLimit] = useState(PAGE_EVENTS);
  const mask = useMasker();
  const events = span.events.slice(0, limit);
  return (
    <>
      <ol className="sd-events">
        {events.map((event, index) => (
          <li className="sd-event" key={index}>
            <div className="sd-event-head">
              <span
                className="sd-event-offset mono"
                title="Offset from the span start / from the trace start"
              >
                {formatOffset(event.timeNs - span.startNs)}
                <span className="sd-faint"> · trace {formatOffset(event.timeNs)}</span>
              </span>
              <span className="sd-event-name">
                {event.name === '' ? '(unnamed event)' : <TruncatedText text={mask(event.name)} />}
              </span>
            </div>
            {event.attributes.length > 0 && <AttributeList attributes={event.attributes} />}
          </li>
        ))}
      </ol>
      {span.events.length > limit && (
        <button type="button" className="sd-link" onClick={() => setLimit(limit + PAGE_EVENTS)}>
          show {formatCount(Math.min(PAGE_EVENTS, span.events.length - limit))} more of{' '}
          {formatCount(span.events.length - limit)}
        </button>
      )}
    </>
  );
}
