import { useMemo, useState } from 'react';
import type { Attribute } from '../../model/trace';
import { formatCount } from '../shared/format';
import { useMaskedAttributes } from '../shared/use-masker';
import { AttributeValueView } from './AttributeValueView';
import { createAttributeMatcher, toAttributeTexts } from './attribute-text';
import './AttributeList.css';

/** Rows rendered before "show more": spans with thousands of attributes exist. */
const PAGE_ROWS = 200;

interface AttributeListProps {
  readonly attributes: readonly Attribute[];
  /** Shows the filter input; its aria-label is "Filter <filterLabel>". */
  readonly filterLabel?: string;
}

/**
 * Key/value rows, optionally filtered by a text matching key or value. With "mask sensitive
 * values" on, what is shown, filtered and copied is the masked text.
 */
export function AttributeList({ attributes, filterLabel }: AttributeListProps) {
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(PAGE_ROWS);
  const shownAttributes = useMaskedAttributes(attributes);
  const texts = useMemo(() => toAttributeTexts(shownAttributes), [shownAttributes]);
  const matching = useMemo(() => texts.filter(createAttributeMatcher(filter)), [texts, filter]);

  if (attributes.length === 0) return <p className="sd-empty">None</p>;

  const visible = matching.slice(0, limit);
  return (
    <div className="sd-attributes">
      {filterLabel !== undefined && (
        <input
          type="search"
          className="sd-filter"
          placeholder="Filter keys and values"
          aria-label={`Filter ${filterLabel}`}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      )}
      {matching.length === 0 ? (
        <p className="sd-empty">No attribute matches “{filter.trim()}”</p>
      ) : (
        <dl className="sd-kv">
          {visible.map((attribute) => (
            <div className="sd-kv-row" data-testid="detail-attribute" key={attribute.index}>
              <dt className="sd-key">{attribute.key}</dt>
              <dd className="sd-kv-value">
                <AttributeValueView
                  text={attribute.text}
                  isStructured={attribute.isStructured}
                  name={attribute.key}
                />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {matching.length > limit && (
        <button type="button" className="sd-link" onClick={() => setLimit(limit + PAGE_ROWS)}>
          show {formatCount(Math.min(PAGE_ROWS, matching.length - limit))} more of{' '}
          {formatCount(matching.length - limit)}
        </button>
      )}
    </div>
  );
}
