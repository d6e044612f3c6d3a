import { useId, useState, type ReactNode } from 'react';

interface LlmBlockProps {
  readonly title: string;
  readonly count?: number;
  readonly isInitiallyOpen?: boolean;
  readonly children: ReactNode;
}

/** A collapsible block inside the LLM section (system prompt, input, output, tools…). */
export function LlmBlock({ title, count, isInitiallyOpen = true, children }: LlmBlockProps) {
  const [isOpen, setIsOpen] = useState(isInitiallyOpen);
  const bodyId = useId();
  return (
    <section className="llm-block">
      <h4 className="llm-block-heading">
        <button
          type="button"
          className="llm-block-toggle"
          aria-expanded={isOpen}
          aria-controls={isOpen ? bodyId : undefined}
          onClick={() => setIsOpen((open) => !open)}
        >
          <span className="llm-chevron" aria-hidden="true">
            {isOpen ? '▾' : '▸'}
          </span>
          {title}
          {count !== undefined && <span className="llm-count">{count}</span>}
        </button>
      </h4>
      {isOpen && (
        <div className="llm-block-body" id={bodyId}>
          {children}
        </div>
      )}
    </section>
  );
}
