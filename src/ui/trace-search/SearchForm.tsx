import { useId, useState, type FormEvent } from 'react';
import {
  joinTagText,
  splitTagText,
  toTraceSearchQuery,
  type SearchParams,
} from '../../state/search-params';
import {
  useOperationNames,
  useServiceNames,
  type SearchFeatures,
  type SourceInfo,
} from '../../state/search-queries';
import { TagSuggestions } from './TagSuggestions';
import { TimeRangeFields } from './TimeRangeFields';

interface SearchFormProps {
  info: SourceInfo | undefined;
  sourceId: string;
  features: SearchFeatures;
  initial: SearchParams;
  isSearching: boolean;
  onSearch: (params: SearchParams) => void;
}

/** The search form; its draft is local until submitted, then it lives in the URL. */
export function SearchForm({
  info,
  sourceId,
  features,
  initial,
  isSearching,
  onSearch,
}: SearchFormProps) {
  const ids = useId();
  const [draft, setDraft] = useState(initial);
  const [tagText, setTagText] = useState(() => joinTagText(initial.tags));
  const [error, setError] = useState<string | null>(null);
  const services = useServiceNames(info, sourceId);
  const operations = useOperationNames(info, sourceId, draft.service);
  const set = (patch: Partial<SearchParams>) => setDraft((d) => ({ ...d, ...patch }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const split = splitTagText(tagText);
    if ('error' in split) {
      setError(`Tags are written key=value, separated by spaces; "${split.error}" is not.`);
      return;
    }
    const params = { ...draft, tags: split.tags };
    const usesTraceQl = features.traceql && params.traceql.trim() !== '';
    if (features.requiresService && !params.service && !usesTraceQl) {
      setError('This backend searches one service at a time: choose a service.');
      return;
    }
    const resolved = toTraceSearchQuery(params, Date.now());
    if ('error' in resolved) {
      setError(resolved.error);
      return;
    }
    setError(null);
    onSearch(params);
  };

  return (
    <form className="search-form" onSubmit={onSubmit} aria-label="Search traces">
      {features.traceql && (
        <label className="search-field search-field-wide">
          <span>TraceQL (used instead of the fields below when filled)</span>
          <textarea
            value={draft.traceql}
            onChange={(e) => set({ traceql: e.target.value })}
            placeholder='{ resource.service.name = "frontend" && status = error }'
            rows={2}
            spellCheck={false}
          />
        </label>
      )}
      <div className="search-row">
        <label className="search-field">
          <span>Service{features.requiresService ? '' : ' (optional)'}</span>
          <input
            value={draft.service}
            onChange={(e) => set({ service: e.target.value, operation: '' })}
            list={`${ids}-services`}
            placeholder={services.isPending ? 'Loading services…' : 'All services'}
            autoComplete="off"
          />
          <datalist id={`${ids}-services`}>
            {services.data?.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </label>
        <label className="search-field">
          <span>{features.operationLabel}</span>
          <input
            value={draft.operation}
            onChange={(e) => set({ operation: e.target.value })}
            list={`${ids}-operations`}
            placeholder="All"
            autoComplete="off"
          />
          <datalist id={`${ids}-operations`}>
            {operations.data?.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </label>
        <label className="search-field search-field-grow">
          <span>Tags</span>
          <input
            value={tagText}
            onChange={(e) => setTagText(e.target.value)}
            placeholder="http.status_code=500 error=true"
            spellCheck={false}
            autoComplete="off"
          />
        </label>
      </div>
      {features.tagSuggestions && (
        <TagSuggestions
          info={info}
          sourceId={sourceId}
          onPick={(tag, value) =>
            setTagText((text) => `${text.trim()} ${joinTagText([`${tag}=${value}`])}`.trim())
          }
        />
      )}
      <div className="search-row">
        <TimeRangeFields value={draft} onChange={(range) => set(range)} />
        <label className="search-field search-field-short">
          <span>Min duration</span>
          <input
            value={draft.minDuration}
            onChange={(e) => set({ minDuration: e.target.value })}
            placeholder="e.g. 250ms"
          />
        </label>
        <label className="search-field search-field-short">
          <span>Max duration</span>
          <input
            value={draft.maxDuration}
            onChange={(e) => set({ maxDuration: e.target.value })}
            placeholder="e.g. 2s"
          />
        </label>
        <label className="search-field search-field-short">
          <span>Limit</span>
          <input
            type="number"
            min={1}
            max={1000}
            value={draft.limit}
            onChange={(e) =>
              set({ limit: Math.max(1, Math.min(1000, Number(e.target.value) || 1)) })
            }
          />
        </label>
        <button type="submit" className="primary-button search-submit" disabled={isSearching}>
          {isSearching ? 'Searching…' : 'Search'}
        </button>
      </div>
      {services.isError && (
        <p className="search-hint error-text">Could not list services: {services.error.message}</p>
      )}
      {error && (
        <p className="search-hint error-text" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
