import { useMemo, useState } from 'react';
import {
  formatDurationParam,
  listFacetOptions,
  parseDuration,
  type FilterKind,
  type SpanFacets,
} from '../../model/search';
import type { SpanTree } from '../../model/span-tree';
import type { FilterMatches } from '../../state/filter-matches';
import { useViewStore, type FilterView } from '../../state/view-store';
import { FacetSelect } from './FacetSelect';
import { MatchNavigator } from './MatchNavigator';
import { CriticalPathToggles } from './CriticalPathToggles';
import './FilterBar.css';

interface FilterBarProps {
  tree: SpanTree;
  facets: readonly (SpanFacets | undefined)[] | undefined;
  matches: FilterMatches;
}

/** Narrows the waterfall: text, model, errors, kind, service, minimum duration; AND-combined. */
export function FilterBar({ tree, facets, matches }: FilterBarProps) {
  const filter = useViewStore((state) => state.filter);
  const filterView = useViewStore((state) => state.filterView);
  const setFilter = useViewStore((state) => state.setFilter);
  const clearFilter = useViewStore((state) => state.clearFilter);
  const setFilterView = useViewStore((state) => state.setFilterView);
  const options = useMemo(() => listFacetOptions(tree, facets), [tree, facets]);
  const [durationText, setDurationText] = useState(
    filter.minDurationNs === null ? '' : formatDurationParam(filter.minDurationNs),
  );

  return (
    <div className="filter-bar" role="search" aria-label="Filter spans">
      <input
        data-testid="filter-text"
        className="filter-text"
        type="search"
        placeholder='Filter spans: text, key=value, "phrase"   ( / )'
        aria-label="Filter spans by text"
        value={filter.text}
        onChange={(event) => setFilter({ text: event.target.value })}
        spellCheck={false}
      />
      {options.models.length > 0 && (
        <FacetSelect
          testId="filter-model"
          label="model"
          options={options.models}
          selected={filter.models}
          onChange={(models) => setFilter({ models })}
        />
      )}
      <FacetSelect
        testId="filter-kind"
        label="kind"
        options={options.kinds}
        selected={filter.kinds}
        onChange={(kinds) => setFilter({ kinds: kinds as FilterKind[] })}
      />
      {options.services.length > 1 && (
        <FacetSelect
          testId="filter-service"
          label="service"
          options={options.services}
          selected={filter.services}
          onChange={(services) => setFilter({ services })}
        />
      )}
      <label className="filter-check">
        <input
          data-testid="filter-errors"
          type="checkbox"
          checked={filter.errorsOnly}
          onChange={(event) => setFilter({ errorsOnly: event.target.checked })}
        />
        Errors only
      </label>
      <input
        className="filter-duration"
        aria-label="Minimum duration"
        placeholder="min 250ms"
        value={durationText}
        onChange={(event) => {
          setDurationText(event.target.value);
          setFilter({ minDurationNs: parseDuration(event.target.value) });
        }}
      />
      <CriticalPathToggles />
      <select
        data-testid="filter-view"
        aria-label="How to show non-matching spans"
        value={filterView}
        onChange={(event) => setFilterView(event.target.value as FilterView)}
      >
        <option value="highlight">Highlight matches</option>
        <option value="hide">Hide others</option>
      </select>
      {matches.isActive && (
        <>
          <MatchNavigator tree={tree} matches={matches} />
          <button
            type="button"
            className="link-button"
            onClick={() => {
              clearFilter();
              setDurationText('');
            }}
          >
            Clear
          </button>
        </>
      )}
    </div>
  );
}
