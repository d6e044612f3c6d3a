/**
 * What the columns need from a span's tags, noted while they stream past: the span kind, whether
 * the span failed, and whether any key or the scope hints at an LLM span. Only the first tag
 * with a key counts, as `findAttribute` reads it.
 */
import {
  LLM_HINT_KEY_PREFIXES,
  LLM_HINT_SCOPE_PREFIXES,
  isLlmHintScope,
} from '../../model/llm/llm-hints';
import { SPAN_KINDS } from '../../model/span-table';
import { KIND_STRING, KIND_TRUE } from './json-bytes';
import { asciiBytes, bytesEqual, bytesEqualLower } from './json-text';
import { TRUE_TEXT } from './tag-search-text';
import { currentKey, currentString, tag } from './tag-token';

const K_SPAN_KIND = asciiBytes('span.kind');
const K_ERROR = asciiBytes('error');
const K_STATUS_CODE = asciiBytes('otel.status_code');
const K_SCOPE_NAME = asciiBytes('otel.scope.name');
const HINT_PREFIXES = LLM_HINT_KEY_PREFIXES.map(asciiBytes);
const HINT_FIRST_BYTES = new Set(HINT_PREFIXES.map((prefix) => prefix[0] as number));
const KIND_BY_NAME = new Map<string, number>(SPAN_KINDS.map((kind, code) => [kind, code]));
/** `span.kind` values Jaeger's adapter maps (jaeger-values.ts), as bytes. */
const KIND_WORDS: readonly [number, Uint8Array][] = SPAN_KINDS.map(
  (kind, code) => [code, asciiBytes(kind)] as [number, Uint8Array],
).filter(([code]) => code !== 0);
const ERROR_WORD = asciiBytes('error');
const OK_WORD = asciiBytes('ok');
const HINT_SCOPE_PREFIXES = LLM_HINT_SCOPE_PREFIXES.map(asciiBytes);

/** What the span's tags say, filled by `scanTags`. */
export class TagFacts {
  kindCode = 0;
  /** `otel.status_code` upper-cased ('' when absent), and `error` being true. */
  statusCode = '';
  isErrorTag = false;
  hasLlmHint = false;
  private seen = 0;

  reset(): void {
    this.kindCode = 0;
    this.statusCode = '';
    this.isErrorTag = false;
    this.hasLlmHint = false;
    this.seen = 0;
  }

  /** True the first time `bit` is asked for (only the first tag with a key counts). */
  claim(bit: number): boolean {
    if ((this.seen & bit) !== 0) return false;
    this.seen |= bit;
    return true;
  }
}

const SEEN_KIND = 1;
const SEEN_ERROR = 2;
const SEEN_STATUS = 4;
const SEEN_SCOPE = 8;

export function noteFacts(b: Uint8Array, facts: TagFacts): void {
  if (!facts.hasLlmHint && hasHintPrefix(b)) facts.hasLlmHint = true;
  if (tag.keyFlags !== 0) {
    noteFactsSlow(b, facts, currentKey(b));
    return;
  }
  const from = tag.keyFrom + 1;
  const to = tag.keyTo - 1;
  switch (to - from) {
    case 9:
      if (bytesEqual(b, from, to, K_SPAN_KIND)) noteKind(b, facts);
      return;
    case 5:
      if (bytesEqual(b, from, to, K_ERROR)) noteError(b, facts);
      return;
    case 16:
      if (bytesEqual(b, from, to, K_STATUS_CODE)) noteStatus(b, facts);
      return;
    case 15:
      if (bytesEqual(b, from, to, K_SCOPE_NAME)) noteScope(b, facts);
      return;
  }
}

function noteFactsSlow(b: Uint8Array, facts: TagFacts, key: string): void {
  if (key === 'span.kind') noteKind(b, facts);
  else if (key === 'error') noteError(b, facts);
  else if (key === 'otel.status_code') noteStatus(b, facts);
  else if (key === 'otel.scope.name') noteScope(b, facts);
}

function hasHintPrefix(b: Uint8Array): boolean {
  const from = tag.keyFrom + 1;
  const length = tag.keyTo - 1 - from;
  const first = b[from] as number;
  if (tag.keyFlags === 0 && !HINT_FIRST_BYTES.has(first)) return false;
  for (const prefix of HINT_PREFIXES) {
    if (prefix.length > length || prefix[0] !== first) continue;
    let k = 0;
    while (k < prefix.length && b[from + k] === prefix[k]) k++;
    if (k === prefix.length) return true;
  }
  // Escaped keys are compared decoded (a rare case, never on Jaeger's own output).
  return tag.keyFlags !== 0 && LLM_HINT_KEY_PREFIXES.some((p) => currentKey(b).startsWith(p));
}

/** The value's bytes without quotes, when it is a plain ASCII string (no decoding needed). */
const isPlainString = () => tag.valueKindCode === KIND_STRING && tag.valueFlags === 0;

function noteKind(b: Uint8Array, facts: TagFacts): void {
  if (!facts.claim(SEEN_KIND) || tag.valueKindCode !== KIND_STRING) return;
  if (isPlainString()) {
    for (const [code, word] of KIND_WORDS) {
      if (bytesEqualLower(b, tag.valueFrom + 1, tag.valueTo - 1, word)) {
        facts.kindCode = code;
        return;
      }
    }
    return;
  }
  facts.kindCode = KIND_BY_NAME.get(currentString(b).toLowerCase()) ?? 0;
}

function noteError(b: Uint8Array, facts: TagFacts): void {
  if (!facts.claim(SEEN_ERROR)) return;
  if (tag.valueKindCode === KIND_TRUE) facts.isErrorTag = true;
  else if (isPlainString())
    facts.isErrorTag = bytesEqualLower(b, tag.valueFrom + 1, tag.valueTo - 1, TRUE_TEXT);
  else if (tag.valueKindCode === KIND_STRING) {
    facts.isErrorTag = currentString(b).toLowerCase() === 'true';
  }
}

function noteStatus(b: Uint8Array, facts: TagFacts): void {
  if (!facts.claim(SEEN_STATUS) || tag.valueKindCode !== KIND_STRING) return;
  if (isPlainString()) {
    const from = tag.valueFrom + 1;
    const to = tag.valueTo - 1;
    facts.statusCode = bytesEqualLower(b, from, to, ERROR_WORD)
      ? 'ERROR'
      : bytesEqualLower(b, from, to, OK_WORD)
        ? 'OK'
        : 'OTHER';
    return;
  }
  facts.statusCode = currentString(b).toUpperCase();
}

function noteScope(b: Uint8Array, facts: TagFacts): void {
  if (!facts.claim(SEEN_SCOPE) || tag.valueKindCode !== KIND_STRING) return;
  if (isPlainString()) {
    for (const prefix of HINT_SCOPE_PREFIXES) {
      if (
        tag.valueTo - 1 - (tag.valueFrom + 1) >= prefix.length &&
        bytesEqual(b, tag.valueFrom + 1, tag.valueFrom + 1 + prefix.length, prefix)
      ) {
        facts.hasLlmHint = true;
      }
    }
    return;
  }
  if (isLlmHintScope(currentString(b))) facts.hasLlmHint = true;
}
