import type { LlmCall, LlmToolDefinition, RetrievalDocument } from '../../model/llm/llm-call';
import { JsonBlock } from './JsonBlock';
import { LlmBlock } from './LlmBlock';
import { MessageBody, type TextView } from './MessageBody';

interface LlmExtrasProps {
  readonly call: LlmCall;
  readonly view: TextView;
}

/** Tools offered to the model, retrieved documents, embedding inputs and evaluation scores. */
export function LlmExtras({ call, view }: LlmExtrasProps) {
  return (
    <>
      {call.retrievalDocuments.length > 0 && (
        <LlmBlock title="Documents" count={call.retrievalDocuments.length}>
          <ol className="llm-docs">
            {call.retrievalDocuments.map((doc, index) => (
              <DocumentItem key={index} doc={doc} view={view} />
            ))}
          </ol>
        </LlmBlock>
      )}
      {call.embeddingInputs.length > 0 && (
        <LlmBlock title="Embedding inputs" count={call.embeddingInputs.length}>
          <ol className="llm-docs">
            {call.embeddingInputs.map((text, index) => (
              <li key={index} className="llm-doc">
                <MessageBody text={text} view="text" copyLabel="Copy embedding input" />
              </li>
            ))}
          </ol>
        </LlmBlock>
      )}
      {call.toolDefinitions.length > 0 && (
        <LlmBlock title="Tools offered" count={call.toolDefinitions.length} isInitiallyOpen={false}>
          <ul className="llm-docs">
            {call.toolDefinitions.map((tool, index) => (
              <ToolDefinitionItem key={index} tool={tool} />
            ))}
          </ul>
        </LlmBlock>
      )}
      {call.evaluations.length > 0 && (
        <LlmBlock title="Evaluations" count={call.evaluations.length}>
          <ul className="llm-docs">
            {call.evaluations.map((evaluation, index) => (
              <li key={index} className="llm-eval">
                <span className="mono">{evaluation.name ?? 'score'}</span>
                {evaluation.score !== undefined && (
                  <span className="llm-num">{evaluation.score}</span>
                )}
                {evaluation.label && <span className="llm-tag">{evaluation.label}</span>}
                {evaluation.explanation && (
                  <span className="llm-faint">{evaluation.explanation}</span>
                )}
              </li>
            ))}
          </ul>
        </LlmBlock>
      )}
    </>
  );
}

function DocumentItem({ doc, view }: { readonly doc: RetrievalDocument; readonly view: TextView }) {
  return (
    <li className="llm-doc">
      <div className="llm-msg-head">
        {doc.id && <span className="mono">{doc.id}</span>}
        {doc.score !== undefined && <span className="llm-faint">score {doc.score}</span>}
        {doc.metadata && <span className="mono llm-faint llm-ellipsize">{doc.metadata}</span>}
      </div>
      {doc.content !== undefined && (
        <MessageBody text={doc.content} view={view} copyLabel="Copy document" />
      )}
    </li>
  );
}

function ToolDefinitionItem({ tool }: { readonly tool: LlmToolDefinition }) {
  return (
    <li className="llm-doc">
      <div className="llm-msg-head">
        <span className="mono llm-tool-name">{tool.name}</span>
        {tool.description && <span className="llm-faint">{tool.description}</span>}
      </div>
      {tool.parameters && <JsonBlock text={tool.parameters} label={`Parameters of ${tool.name}`} />}
    </li>
  );
}
