/**
 * Native tracing of `@anthropic-ai/sdk` ≥1.x (scope `com.anthropic.sdk.typescript`, span
 * `anthropic.messages.create`): `gen_ai.*` plus `anthropic.*`, no message content. Its
 * `gen_ai.usage.input_tokens` already includes cache reads (277 = 167 + 110), and cache writes
 * use `gen_ai.usage.cache_write.input_tokens` rather than the semconv `cache_creation` name.
 */
import type { LlmCallDraft, ReadContext } from './call-common';
import { readGenAi } from './gen-ai';
import type { LlmLogRecord } from './gen-ai-logs';
import type { SpanAttrs } from './span-attrs';

/** Not in any constants package: the SDK's own attribute names. */
export const ANTHROPIC_REQUEST_ID = 'anthropic.request.id';
export const ANTHROPIC_STOP_REASON = 'anthropic.message.stop_reason';
const ANTHROPIC_SCOPE_PREFIX = 'com.anthropic.';

export function isAnthropicSdkSpan(attrs: SpanAttrs, scopeName: string | undefined): boolean {
  return attrs.has(ANTHROPIC_REQUEST_ID) || !!scopeName?.startsWith(ANTHROPIC_SCOPE_PREFIX);
}

export function readAnthropicSdk(ctx: ReadContext, logs: readonly LlmLogRecord[]): LlmCallDraft {
  const draft = readGenAi(ctx, logs, { family: 'anthropic-sdk', inputIncludesCache: true });
  draft.provider ??= 'anthropic';
  if (draft.finishReasons?.length === 0) {
    const stopReason = ctx.attrs.string(ANTHROPIC_STOP_REASON);
    if (stopReason) draft.finishReasons = [stopReason];
  }
  return draft;
}
