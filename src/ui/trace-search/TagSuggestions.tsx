import { useState } from 'react';
import { useTagNames, useTagValues, type SourceInfo } from '../../state/search-queries';

interface TagSuggestionsProps {
  info: SourceInfo | undefined;
  sourceId: string;
  /** Adds `tag=value` to the tags field. */
  onPick: (tag: string, value: string) => void;
}

/** Tempo's tag discovery: pick a tag, then one of its recent values. */
export function TagSuggestions({ info, sourceId, onPick }: TagSuggestionsProps) {
  const [tag, setTag] = useState('');
  const names = useTagNames(info, sourceId, true);
  const values = useTagValues(info, sourceId, tag);
  return (
    <div className="search-suggest" aria-label="Tag suggestions">
      <select
        aria-label="Tag name"
        value={tag}
        onChange={(e) => setTag(e.target.value)}
        disabled={!names.data?.length}
      >
        <option value="">{names.isPending ? 'Loading tags…' : 'Add a tag…'}</option>
        {names.data?.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      {tag && (
        <select
          aria-label="Tag value"
          value=""
          onChange={(e) => {
            if (e.target.value) onPick(tag, e.target.value);
            setTag('');
          }}
        >
          <option value="">{values.isPending ? 'Loading values…' : 'Choose a value…'}</option>
          {values.data?.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      )}
      {names.isError && <span className="error-text">Tags unavailable: {names.error.message}</span>}
    </div>
  );
}
