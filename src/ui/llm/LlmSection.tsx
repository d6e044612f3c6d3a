import { useMemo, useState } from 'react';
import { extractLlmCall, type LlmLogRecord } from '../../model/llm/extract';
import { maskLlmCall } from '../../model/mask';
import type { Span } from '../../model/trace';
import { useCallCost } from '../../state/pricing';
import { useMasker } from '../shared/use-masker';
import { LlmBlock } from './LlmBlock';
import { LlmExtras } from './LlmExtras';
import { LlmFacts } from './LlmFacts';
import { MessageList, type MessageView } from './MessageList';
import { MessageBody } from './MessageBody';
import { ViewToggle } from './ViewToggle';
import './LlmSection.css';

export interface LlmSectionProps {
  readonly span: Span;
  /** OTLP log records pointing at this span (OTel GenAI content events), if any were loaded. */
  readonly logs?: readonly LlmLogRecord[];
  /** Absolute start of the span (ms since epoch): prices at call time, Langfuse first token. */
  readonly spanStartEpochMs?: number;
}

/**
 * The LLM part of the span detail panel: what was called and how it went (facts), then the
 * conversation by role, tool calls and results, documents and scores. Renders nothing for a
 * span without LLM data. All trace content is rendered as text or through the safe markdown
 * renderer. With "mask sensitive values" on, the call is masked once here, so every view
 * (markdown, text, JSON) and every copy button below gets the masked text.
 */
export function LlmSection({ span, logs, spanStartEpochMs }: LlmSectionProps) {
  const extracted = useMemo(
    () => extractLlmCall(span, logs, { spanStartEpochMs }),
    [span, logs, spanStartEpochMs],
  );
  const mask = useMasker();
  const call = useMemo(() => extracted && maskLlmCall(extracted, mask), [extracted, mask]);
  // Pricing reads models and tokens only, which masking leaves alone; the unmasked call keeps
  // the cost from being looked up again when the switch flips.
  const { cost, isLoading } = useCallCost(extracted, spanStartEpochMs);
  const [view, setView] = useState<MessageView>('markdown');
  if (!call) return null;
  const textView = view === 'json' ? 'text' : view;
  const inputText = call.tool?.arguments ?? call.inputText;
  const outputText = call.tool?.result ?? call.outputText;
  const hasInput = call.inputMessages.length > 0 || inputText !== undefined;
  const hasOutput = call.outputMessages.length > 0 || outputText !== undefined;
  return (
    <section className="llm-section" aria-label="LLM call">
      <LlmFacts call={call} cost={cost} isPricingLoading={isLoading} />
      {(hasInput || hasOutput || call.systemInstructions.length > 0) && (
        <div className="llm-toolbar">
          <ViewToggle view={view} onChange={setView} />
          {call.isContentTruncated && (
            <span className="llm-faint">content was cut: too long to show in full</span>
          )}
        </div>
      )}
      {call.systemInstructions.length > 0 && (
        <LlmBlock title="System" count={call.systemInstructions.length}>
          {call.systemInstructions.map((text, index) => (
            <MessageBody key={index} text={text} view={textView} copyLabel="Copy system prompt" />
          ))}
        </LlmBlock>
      )}
      {hasInput && (
        <LlmBlock
          title={call.kind === 'tool' ? 'Arguments' : 'Input'}
          count={countOf(call.inputMessages)}
        >
          <MessageList
            messages={call.inputMessages}
            fallbackText={inputText}
            view={view}
            testId="detail-input"
          />
        </LlmBlock>
      )}
      {hasOutput && (
        <LlmBlock
          title={call.kind === 'tool' ? 'Result' : 'Output'}
          count={countOf(call.outputMessages)}
        >
          <MessageList
            messages={call.outputMessages}
            fallbackText={outputText}
            view={view}
            testId="detail-output"
          />
        </LlmBlock>
      )}
      <LlmExtras call={call} view={textView} />
    </section>
  );
}

function countOf(list: readonly unknown[]): number | undefined {
  return list.length > 0 ? list.length : undefined;
}
