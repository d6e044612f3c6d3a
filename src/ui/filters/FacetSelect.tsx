import type { FacetOption } from '../../model/search';

interface FacetSelectProps {
  testId: string;
  label: string;
  options: readonly FacetOption[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
}

/**
 * Picking an option adds it to the filter; chips show what is selected and remove it on click.
 * A native <select> keeps it keyboard- and automation-friendly.
 */
export function FacetSelect({ testId, label, options, selected, onChange }: FacetSelectProps) {
  const remaining = options.filter((option) => !selected.includes(option.value));
  return (
    <div className="facet">
      <select
        data-testid={testId}
        aria-label={`Filter by ${label}`}
        value=""
        disabled={remaining.length === 0 && selected.length === 0}
        onChange={(event) => {
          const value = event.target.value;
          if (value !== '' && !selected.includes(value)) onChange([...selected, value]);
        }}
      >
        <option value="">{label}</option>
        {remaining.map((option) => (
          <option key={option.value} value={option.value}>
            {option.value} ({option.count})
          </option>
        ))}
      </select>
      {selected.map((value) => (
        <button
          key={value}
          type="button"
          className="facet-chip"
          aria-label={`Remove ${label} filter ${value}`}
          onClick={() => onChange(selected.filter((item) => item !== value))}
        >
          {value}
          <span aria-hidden="true">×</span>
        </button>
      ))}
    </div>
  );
}
