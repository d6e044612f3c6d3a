import { useState, type FormEvent } from 'react';
import { usePriceOverrides } from '../../state/price-overrides';

const FIELDS = [
  ['inputPerMTok', 'Input'],
  ['outputPerMTok', 'Output'],
  ['cacheReadPerMTok', 'Cache read'],
  ['cacheWritePerMTok', 'Cache write'],
] as const;

type Draft = Record<(typeof FIELDS)[number][0], string> & { model: string };
const EMPTY: Draft = {
  model: '',
  inputPerMTok: '',
  outputPerMTok: '',
  cacheReadPerMTok: '',
  cacheWritePerMTok: '',
};

function rate(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : Number.NaN;
}

/** Add, replace or remove per-model prices (USD per million tokens); they win over the package. */
export function PriceOverridesEditor() {
  const overrides = usePriceOverrides((state) => state.overrides);
  const setOverride = usePriceOverrides((state) => state.setOverride);
  const removeOverride = usePriceOverrides((state) => state.removeOverride);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = rate(draft.inputPerMTok);
    const output = rate(draft.outputPerMTok);
    const cacheRead = rate(draft.cacheReadPerMTok);
    const cacheWrite = rate(draft.cacheWritePerMTok);
    const rates = [input, output, cacheRead, cacheWrite];
    if (draft.model.trim() === '' || input === undefined || output === undefined) {
      setError('A model name and input and output prices are needed.');
      return;
    }
    if (rates.some((value) => Number.isNaN(value))) {
      setError('Prices are numbers of dollars per million tokens, 0 or more.');
      return;
    }
    setOverride(draft.model.trim(), {
      inputPerMTok: input,
      outputPerMTok: output,
      ...(cacheRead === undefined ? {} : { cacheReadPerMTok: cacheRead }),
      ...(cacheWrite === undefined ? {} : { cacheWritePerMTok: cacheWrite }),
    });
    setDraft(EMPTY);
    setError('');
  };

  const entries = Object.entries(overrides);
  return (
    <div className="price-editor">
      {entries.length > 0 && (
        <table className="price-table">
          <thead>
            <tr>
              <th scope="col">Model</th>
              {FIELDS.map(([key, label]) => (
                <th key={key} scope="col" className="numeric">
                  {label}
                </th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map(([model, price]) => (
              <tr key={model} data-testid="price-override" data-model={model}>
                <td className="mono">{model}</td>
                {FIELDS.map(([key]) => (
                  <td key={key} className="numeric">
                    {price[key] === undefined ? '—' : `$${price[key]}`}
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => removeOverride(model)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="price-form" onSubmit={onSubmit}>
        <input
          aria-label="Model"
          placeholder="model, e.g. my-finetune-v2"
          value={draft.model}
          onChange={(event) => setDraft({ ...draft, model: event.target.value })}
        />
        {FIELDS.map(([key, label]) => (
          <input
            key={key}
            aria-label={`${label} price, USD per million tokens`}
            placeholder={`${label} $/M`}
            inputMode="decimal"
            value={draft[key]}
            onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
          />
        ))}
        <button type="submit" className="icon-button">
          Save price
        </button>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
