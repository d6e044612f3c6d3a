import type { ParallelWhatIf } from '../../model/parallel-what-if';
import { formatDuration } from '../shared/format';

/** "What if parallel" for the selected span's children; the saving is an upper bound. */
export function WhatIfNote({ whatIf }: { readonly whatIf: ParallelWhatIf }) {
  return (
    <section
      className="cp-whatif"
      aria-label="What if parallel"
      data-testid="critical-path-what-if"
    >
      <h3>What if its calls ran in parallel?</h3>
      <p>
        Its {whatIf.childCount} child spans ran one after another:{' '}
        <strong>{formatDuration(whatIf.sequentialNs)}</strong> in sequence. Run at once, they would
        take at least <strong>{formatDuration(whatIf.lowerBoundNs)}</strong> (the longest).
      </p>
      <p className="cp-whatif-saving">
        Saves at most {formatDuration(whatIf.maxSavingNs)}: an upper bound, assuming the calls do
        not depend on each other.
      </p>
    </section>
  );
}
