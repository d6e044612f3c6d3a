import { useMemo } from 'react';
import type { Span } from '../../model/trace';
import { isErrorSpan } from '../../model/trace';
import { serviceColor } from '../shared/service-color';
import { useMasker } from '../shared/use-masker';
import { MaskToggle } from './MaskToggle';
import { TruncatedText } from './TruncatedText';

interface SpanHeaderProps {
  readonly span: Span;
  readonly service: string;
  readonly onClose: () => void;
}

const NAME_LIMIT = 200;

/** Service, operation name, error badge, the mask switch and the close button. */
export function SpanHeader({ span, service, onClose }: SpanHeaderProps) {
  const mask = useMasker();
  const { name, message, serviceName } = useMemo(
    () => ({
      name: mask(span.name),
      message: span.status.message && mask(span.status.message),
      serviceName: mask(service),
    }),
    [mask, span.name, span.status.message, service],
  );
  return (
    <header className="sd-header">
      <div className="sd-header-main">
        <div className="sd-service">
          <span
            className="sd-service-dot"
            style={{ background: serviceColor(service) }}
            aria-hidden="true"
          />
          <span className="sd-ellipsize">
            <TruncatedText text={serviceName} limit={NAME_LIMIT} />
          </span>
        </div>
        <h2 className="sd-title">
          {span.name === '' ? (
            <span className="sd-faint">(unnamed span)</span>
          ) : (
            <TruncatedText text={name} limit={NAME_LIMIT} />
          )}
        </h2>
        {isErrorSpan(span) && (
          <div className="sd-error" role="status">
            <span className="sd-badge sd-badge-error">Error</span>
            {message && (
              <span className="sd-error-message">
                <TruncatedText text={message} />
              </span>
            )}
          </div>
        )}
        <MaskToggle />
      </div>
      <button
        type="button"
        className="sd-close"
        aria-label="Close span details"
        title="Close"
        onClick={onClose}
      >
        ×
      </button>
    </header>
  );
}
