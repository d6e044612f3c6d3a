import { useId, useState, type ReactNode } from 'react';

interface DetailSectionProps {
  readonly title: string;
  /** Shown in the header; omitted when undefined. */
  readonly count?: number;
  readonly tone?: 'normal' | 'warning';
  readonly isInitiallyOpen?: boolean;
  readonly children: ReactNode;
}

/** A collapsible section of the detail panel: a heading button with a count, then its body. */
export function DetailSection({
  title,
  count,
  tone = 'normal',
  isInitiallyOpen = true,
  children,
}: DetailSectionProps) {
  const [isOpen, setIsOpen] = useState(isInitiallyOpen);
  const bodyId = useId();
  return (
    <section className="sd-section" data-tone={tone}>
      <h3 className="sd-section-heading">
        <button
          type="button"
          className="sd-section-toggle"
          aria-expanded={isOpen}
          aria-controls={isOpen ? bodyId : undefined}
          onClick={() => setIsOpen((open) => !open)}
        >
          <span className="sd-chevron" aria-hidden="true">
            {isOpen ? '▾' : '▸'}
          </span>
          <span className="sd-section-title">{title}</span>
          {count !== undefined && <span className="sd-count">{count}</span>}
        </button>
      </h3>
      {isOpen && (
        <div className="sd-section-body" id={bodyId}>
          {children}
        </div>
      )}
    </section>
  );
}
