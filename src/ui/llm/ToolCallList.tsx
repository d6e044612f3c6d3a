import type { LlmToolCall } from '../../model/llm/llm-call';
import { JsonBlock } from './JsonBlock';

interface ToolCallListProps {
  readonly calls: readonly LlmToolCall[];
}

/** Tool calls a model asked for: name, call id, pretty-printed arguments. */
export function ToolCallList({ calls }: ToolCallListProps) {
  return (
    <ul className="llm-tool-calls">
      {calls.map((call, index) => (
        <li key={call.id ?? index} className="llm-tool-call">
          <div className="llm-tool-head">
            <span className="llm-tool-icon" aria-hidden="true">
              ⚒
            </span>
            <span className="mono llm-tool-name">{call.name}</span>
            {call.id && <span className="mono llm-faint">{call.id}</span>}
          </div>
          {call.arguments !== undefined && (
            <JsonBlock text={call.arguments} label={`Arguments of ${call.name}`} />
          )}
        </li>
      ))}
    </ul>
  );
}
