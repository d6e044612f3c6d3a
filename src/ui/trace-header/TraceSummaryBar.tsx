import { useTraceCost, type TraceModel } from '../../state/trace-model';
import { useDateTimeFormat } from '../shared/use-date-time';
import { nanosToMillis } from '../../model/trace';
import { formatCount, formatDuration } from '../shared/format';
import { serviceColor } from '../shared/service-color';
import { ProblemsStrip } from './ProblemsStrip';
import { SummaryFigure } from './SummaryFigure';
import { CopyLinkButton } from './CopyLinkButton';
import { DownloadTraceButton } from '../files/DownloadTraceButton';
import { CostFigure } from './CostFigure';
import { SkewNotice } from './SkewNotice';
import './TraceSummaryBar.css';

interface TraceSummaryBarProps {
  model: TraceModel;
  sourceId: string;
}

/** The trace header: name, start, duration and the counts a user checks first. */
export function TraceSummaryBar({ model, sourceId }: TraceSummaryBarProps) {
  const formatTime = useDateTimeFormat();
  const { summary, problems, tree, derived } = model;
  const cost = useTraceCost(model);
  const llm = derived?.llm;
  const skew = derived?.skew;
  return (
    <section className="trace-summary" data-testid="trace-summary" aria-label="Trace summary">
      <div className="trace-summary-title">
        <span
          className="trace-summary-dot"
          style={{ background: serviceColor(summary.rootService) }}
          aria-hidden="true"
        />
        <h1>
          <span className="trace-summary-service">{summary.rootService}</span>
          <span className="trace-summary-sep">:</span> {summary.rootName}
        </h1>
        <code className="trace-summary-id" title="Trace id">
          {tree.trace.traceId}
        </code>
        <span className="trace-summary-source" title="Source">
          {sourceId}
        </span>
        <DownloadTraceButton trace={tree.trace} />
        <CopyLinkButton />
      </div>
      <dl className="trace-summary-figures">
        <SummaryFigure label="Started" testId="summary-start" value={summary.startEpochUs}>
          {formatTime(summary.startEpochUs / 1000)}
        </SummaryFigure>
        <SummaryFigure
          label="Duration"
          testId="summary-duration-ms"
          value={nanosToMillis(summary.durationNs)}
        >
          {formatDuration(summary.durationNs)}
        </SummaryFigure>
        <SummaryFigure label="Spans" testId="summary-span-count" value={summary.spanCount}>
          {formatCount(summary.spanCount)}
        </SummaryFigure>
        <SummaryFigure label="Services" testId="summary-service-count" value={summary.serviceCount}>
          {formatCount(summary.serviceCount)}
        </SummaryFigure>
        <SummaryFigure label="Depth" testId="summary-depth" value={summary.maxDepth + 1}>
          {formatCount(summary.maxDepth + 1)}
        </SummaryFigure>
        <SummaryFigure
          label="Errors"
          testId="summary-error-count"
          value={summary.errorCount}
          tone={summary.errorCount > 0 ? 'error' : undefined}
        >
          {formatCount(summary.errorCount)}
        </SummaryFigure>
        {llm && llm.totals.llmCallCount + llm.totals.embeddingCallCount > 0 && (
          <>
            <SummaryFigure
              label="LLM calls"
              testId="summary-llm-count"
              value={llm.totals.llmCallCount}
            >
              {formatCount(llm.totals.llmCallCount)}
              {llm.totals.embeddingCallCount > 0 && (
                <span className="summary-figure-note"> +{llm.totals.embeddingCallCount} embed</span>
              )}
            </SummaryFigure>
            <SummaryFigure
              label="Tokens in"
              testId="summary-input-tokens"
              value={llm.totals.inputTokens}
            >
              {formatCount(llm.totals.inputTokens)}
            </SummaryFigure>
            <SummaryFigure
              label="out"
              testId="summary-output-tokens"
              value={llm.totals.outputTokens}
            >
              {formatCount(llm.totals.outputTokens)}
            </SummaryFigure>
            <CostFigure cost={cost} />
          </>
        )}
        <SummaryFigure
          label="Problems"
          testId="summary-problem-count"
          value={problems.length}
          tone={problems.length > 0 ? 'warn' : undefined}
        >
          {formatCount(problems.length)}
        </SummaryFigure>
      </dl>
      {skew && skew.adjustedNodes.length > 0 && (
        <SkewNotice adjustedCount={skew.adjustedNodes.length} />
      )}
      {(problems.length > 0 || tree.trace.warnings.length > 0) && (
        <ProblemsStrip problems={problems} warnings={tree.trace.warnings} />
      )}
    </section>
  );
}
