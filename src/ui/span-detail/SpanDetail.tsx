import { lazy, Suspense, use } from 'react';
import { hasLlmHint } from '../../model/span-table';
import type { SpanTree } from '../../model/span-tree';
import { childrenOf, placeholderOfNode, spanOfNode } from '../../model/span-tree';
import type { LlmLogRecord } from '../../model/llm/extract';
import { offsetToEpochMillis, serviceOf } from '../../model/trace';
import { AttributeList } from './AttributeList';
import { DetailSection } from './DetailSection';
import { EventList } from './EventList';
import { MissingSpanDetail } from './MissingSpanDetail';
import { ReferenceList } from './ReferenceList';
import { SpanFacts } from './SpanFacts';
import { SpanHeader } from './SpanHeader';
import { WarningList } from './WarningList';
import { TimingFacts, type SpanTiming } from './TimingFacts';
import './SpanDetail.css';

/** The LLM section (readers, markdown) loads with the first LLM span someone opens. */
const LlmSection = lazy(() =>
  import('../llm/LlmSection').then((module) => ({ default: module.LlmSection })),
);

export interface SpanDetailProps {
  readonly tree: SpanTree;
  /** Tree node: a span, or a placeholder for a missing parent. */
  readonly node: number;
  readonly onSelectSpan: (spanId: string) => void;
  readonly onClose: () => void;
  /** OTLP log records of the selected span (GenAI content events), when the source has them. */
  readonly logs?: readonly LlmLogRecord[];
  /** Self time, critical path and skew figures of the trace, when computed. */
  readonly timing?: SpanTiming;
}

/**
 * The detail panel of the selected node. Lists and values inside are keyed by span id, so a
 * new selection resets filters and "show all" expansions while sections keep their open state.
 */
export function SpanDetail(props: SpanDetailProps) {
  const { tree, node, onSelectSpan, onClose, logs, timing } = props;
  // Records still on their way (a span opened from the URL as the trace loads): wait for them.
  const { pending } = tree.trace.records;
  if (pending) use(pending);
  const span = spanOfNode(tree, node);
  if (!span) {
    const placeholder = placeholderOfNode(tree, node);
    if (!placeholder) return null;
    return (
      <MissingSpanDetail
        placeholder={placeholder}
        orphanCount={childrenOf(tree, node).length}
        onClose={onClose}
      />
    );
  }
  const resource = tree.trace.resources[span.resourceIndex];
  const id = span.spanId;
  return (
    <div className="span-detail" data-testid="span-detail" data-span-id={id}>
      <SpanHeader span={span} service={serviceOf(tree.trace, span)} onClose={onClose} />
      <SpanFacts key={id} tree={tree} node={node} span={span} onSelectSpan={onSelectSpan} />
      {timing && <TimingFacts timing={timing} node={node} />}
      {hasLlmHint(span) && (
        <Suspense fallback={null}>
          <LlmSection
            key={`llm-${id}`}
            span={span}
            logs={logs}
            spanStartEpochMs={offsetToEpochMillis(tree.trace, span.startNs)}
          />
        </Suspense>
      )}
      {span.warnings.length > 0 && (
        <DetailSection title="Warnings" count={span.warnings.length} tone="warning">
          <WarningList key={id} warnings={span.warnings} />
        </DetailSection>
      )}
      <DetailSection title="Attributes" count={span.attributes.length}>
        <AttributeList key={id} attributes={span.attributes} filterLabel="attributes" />
      </DetailSection>
      <DetailSection
        title="Resource"
        count={resource?.attributes.length ?? 0}
        isInitiallyOpen={false}
      >
        <AttributeList
          key={id}
          attributes={resource?.attributes ?? []}
          filterLabel="resource attributes"
        />
      </DetailSection>
      {span.events.length > 0 && (
        <DetailSection title="Events" count={span.events.length}>
          <EventList key={id} span={span} />
        </DetailSection>
      )}
      {span.references.length > 0 && (
        <DetailSection title="References & links" count={span.references.length}>
          <ReferenceList
            key={id}
            tree={tree}
            references={span.references}
            onSelectSpan={onSelectSpan}
          />
        </DetailSection>
      )}
    </div>
  );
}
