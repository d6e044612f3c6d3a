import { useMasker } from '../shared/use-masker';
import { TruncatedText } from './TruncatedText';

interface WarningListProps {
  readonly warnings: readonly string[];
}

/** Messages the backend attached to the span, e.g. Jaeger clock-skew adjustments. */
export function WarningList({ warnings }: WarningListProps) {
  const mask = useMasker();
  return (
    <ul className="sd-warnings">
      {warnings.map((warning, index) => (
        <li className="sd-warning" key={index}>
          <span className="sd-warning-icon" aria-hidden="true">
            ⚠
          </span>
          <span>
            <TruncatedText text={mask(warning)} />
          </span>
        </li>
      ))}
    </ul>
  );
}
