import { useState } from 'react';
import type { Problem, ProblemKind } from '../../model/trace';

const KIND_LABEL: Record<ProblemKind, string> = {
  'missing-parent': 'parent span missing',
  'duplicate-span-id': 'duplicate span id',
  'parent-cycle': 'parent cycle broken',
  'invalid-value': 'invalid value replaced',
  'no-end': 'span without an end',
  'dropped-span': 'span dropped',
  'partial-trace': 'partial trace',
  other: 'other',
};

/** Most problems a list shows before "show all": a broken trace can report thousands. */
const SHOWN_PROBLEMS = 200;

interface ProblemsStripProps {
  problems: readonly Problem[];
  warnings: readonly string[];
}

/** What was dropped or repaired while loading: counts by kind, expandable to every entry. */
export function ProblemsStrip({ problems, warnings }: ProblemsStripProps) {
  const [isOpen, setOpen] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const counts = new Map<ProblemKind, number>();
  for (const problem of problems) counts.set(problem.kind, (counts.get(problem.kind) ?? 0) + 1);
  const shown = showAll ? problems : problems.slice(0, SHOWN_PROBLEMS);

  return (
    <div className="problems" data-testid="problems">
      <button
        type="button"
        className="problems-toggle"
        aria-expanded={isOpen}
        onClick={() => setOpen(!isOpen)}
      >
        <span className="problems-icon" aria-hidden="true">
          ⚠
        </span>
        {problems.length > 0 && (
          <span>
            {problems.length} {problems.length === 1 ? 'problem' : 'problems'} repaired while
            loading:{' '}
            {[...counts].map(([kind, count]) => `${count} × ${KIND_LABEL[kind]}`).join(', ')}
          </span>
        )}
        {warnings.length > 0 && (
          <span>
            {problems.length > 0 ? ' · ' : ''}
            {warnings.length} backend {warnings.length === 1 ? 'warning' : 'warnings'}
          </span>
        )}
        <span className="problems-more">{isOpen ? 'hide' : 'details'}</span>
      </button>
      {isOpen && (
        <ul className="problems-list">
          {warnings.map((warning, index) => (
            <li key={`w${index}`}>
              <span className="problems-kind">backend warning</span> {warning}
            </li>
          ))}
          {shown.map((problem, index) => (
            <li key={index}>
              <span className="problems-kind">{KIND_LABEL[problem.kind]}</span> {problem.message}
            </li>
          ))}
          {!showAll && problems.length > SHOWN_PROBLEMS && (
            <li>
              <button type="button" className="link-button" onClick={() => setShowAll(true)}>
                show all {problems.length}
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
