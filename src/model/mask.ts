/**
 * Masking of private data in trace content, for the detail panel and for exported files.
 *
 * Two rules. By KEY: the whole value of an attribute whose key names a secret (`authorization`,
 * `http.request.header.cookie`, `db.password`, `x-api-key`…) is replaced. By PATTERN, in any
 * text: e-mail addresses, phone numbers, API keys of well-known shapes (OpenAI/Anthropic `sk-`,
 * AWS `AKIA`/`ASIA`, GitHub `ghp_`…, Slack `xox?-`, Google `AIza`), JWTs, bearer/basic
 * credentials, long hex/base64 values after key-like names (`api_key=…`, `"secret": "…"`), and
 * card numbers that pass the Luhn check. Replacements are bracketed words without quotes, so
 * JSON text (LLM messages) stays valid JSON.
 *
 * Pure and linear: every pattern is bounded, so multi-megabyte values cost one scan each.
 */
import { escapeRegExp } from './regexp';
import type { LlmCall, LlmMessage, LlmPart } from './llm/llm-call';
import type { Attribute, AttributeValue, Span, Trace } from './trace';

/** Keys whose values are secrets; matched as whole words inside longer keys (see isMaskedKey). */
export const DEFAULT_MASKED_KEYS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'password',
  'passwd',
  'api_key',
  'apikey',
  'secret',
  'token',
  'access_key',
  'private_key',
  'session_id',
];

export const MASKED = '[masked]';

export interface MaskOptions {
  /** Attribute keys whose whole value is masked; default DEFAULT_MASKED_KEYS. */
  readonly maskedKeys?: readonly string[];
}

interface Rule {
  /** Cheap test first: a 5 MB value without "@" never runs the e-mail pattern. */
  readonly isWorthTrying: (text: string) => boolean;
  readonly pattern: RegExp;
  readonly replace: (match: string, ...groups: string[]) => string;
}

const always = () => true;
const hasDigit = (text: string) => /\d/.test(text);
const SEPARATOR = `(["']?[ \\t]*[:=][ \\t]*["']?)`;
const KEY_NAMES =
  'api[_-]?key|apikey|secret|client[_-]?secret|access[_-]?key|private[_-]?key|auth[_-]?token|access[_-]?token|refresh[_-]?token|token';
const PASSWORD_NAMES = 'password|passwd|pwd';
const keepName = (_m: string, name: string, separator: string) => `${name}${separator}${MASKED}`;

const RULES: readonly Rule[] = [
  // `Bearer <token>` / `Basic <credentials>` anywhere (headers pasted into logs or messages).
  {
    isWorthTrying: always,
    pattern: /\b(Bearer|Basic)([ \t]+)[A-Za-z0-9._~+/-]{8,}=*/gi,
    replace: (_m, scheme: string, space: string) => `${scheme}${space}${MASKED}`,
  },
  {
    isWorthTrying: (text) => text.includes('eyJ'),
    pattern: /\beyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]{5,}/g,
    replace: () => '[jwt]',
  },
  {
    isWorthTrying: always,
    pattern:
      /\b(?:sk-(?:proj-|ant-(?:api\d\d-)?)?[A-Za-z0-9_-]{16,}|(?:AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|glpat-[A-Za-z0-9_-]{20})/g,
    replace: () => '[api-key]',
  },
  // name = value, name: "value" (JSON, env files, query strings): long values after key names…
  {
    isWorthTrying: always,
    pattern: new RegExp(`(\\b(?:${KEY_NAMES})\\b)${SEPARATOR}[A-Za-z0-9+/_.~-]{12,}=*`, 'gi'),
    replace: keepName,
  },
  // …and any value after a password name.
  {
    isWorthTrying: always,
    pattern: new RegExp(`(\\b(?:${PASSWORD_NAMES})\\b)${SEPARATOR}[^\\s"'&,;]+`, 'gi'),
    replace: keepName,
  },
  {
    isWorthTrying: (text) => text.includes('@'),
    pattern: /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}/g,
    replace: () => '[email]',
  },
  // 13–19 digits (spaces or dashes between groups) starting like a card network; Luhn-checked.
  {
    isWorthTrying: hasDigit,
    pattern: /(?<![\d.-])[2-6]\d{3}(?:[ -]?\d){9,15}(?![\d-])/g,
    replace: (match) => (passesLuhn(match.replace(/\D/g, '')) ? '[card]' : match),
  },
  // +CC numbers, and grouped numbers like (555) 123-4567 or 555-123-4567.
  {
    isWorthTrying: hasDigit,
    pattern:
      /(?<![\w+/.-])(?:\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]?\d{2,4}){1,4}|\(\d{2,4}\)[ .-]?\d{3,4}[ .-]\d{3,4}|\d{3}[ .-]\d{3}[ .-]\d{4})(?![\w/-]|\.\d)/g,
    replace: (match) => (match.replace(/\D/g, '').length >= 7 ? '[phone]' : match),
  },
];

let keyRuleCache: { keys: string; rule: Rule | undefined } | undefined;

/** `key: value` in text for the user's own masked keys (the defaults are covered above). */
function userKeyRule(maskedKeys: readonly string[] | undefined): Rule | undefined {
  const extra = (maskedKeys ?? []).filter(
    (k) => k.trim() !== '' && !DEFAULT_MASKED_KEYS.includes(k),
  );
  const joined = extra.join('\u0000');
  if (keyRuleCache?.keys === joined) return keyRuleCache.rule;
  const rule: Rule | undefined =
    extra.length === 0
      ? undefined
      : {
          isWorthTrying: always,
          pattern: new RegExp(
            `(\\b(?:${extra.map(escapeRegExp).join('|')})\\b)${SEPARATOR}[^\\s"'&,;]+`,
            'gi',
          ),
          replace: keepName,
        };
  keyRuleCache = { keys: joined, rule };
  return rule;
}

/** The Luhn checksum of a digit string (13–19 digits for cards). */
export function passesLuhn(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * Masks e-mails, phone numbers, API keys, bearer tokens, JWTs, secrets after key-like names
 * (the user's masked keys too) and Luhn-valid card numbers.
 */
export function maskSensitive(text: string, options: MaskOptions = {}): string {
  let out = text;
  const extra = userKeyRule(options.maskedKeys);
  for (const rule of extra ? [...RULES, extra] : RULES) {
    if (!rule.isWorthTrying(out)) continue;
    out = out.replace(rule.pattern, rule.replace as (match: string, ...args: unknown[]) => string);
  }
  return out;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Words that make a key describe a secret rather than hold one (`llm.token_count.prompt`). */
const METADATA_WORDS = new Set([
  'count',
  'usage',
  'limit',
  'max',
  'type',
  'length',
  'size',
  'expires',
]);

/**
 * True when `key` names a secret: one of `maskedKeys` appears in it as whole words, so
 * `http.request.header.x-api-key` matches `api_key` and `db.password` matches `password`, but
 * `gen_ai.usage.input_tokens` does not match `token`, nor does `llm.token_count.prompt`.
 */
export function isMaskedKey(key: string, maskedKeys: readonly string[] = DEFAULT_MASKED_KEYS) {
  const keyWords = words(key);
  if (keyWords.some((word) => METADATA_WORDS.has(word))) return false;
  return maskedKeys.some((masked) => {
    const target = words(masked);
    if (target.length === 0) return false;
    for (let i = 0; i + target.length <= keyWords.length; i++) {
      if (target.every((word, j) => keyWords[i + j] === word)) return true;
    }
    return false;
  });
}

/** A value with its text masked; a value under a masked key is replaced whole (numbers stay). */
export function maskAttributeValue(
  key: string,
  value: AttributeValue,
  options: MaskOptions = {},
): AttributeValue {
  const keys = options.maskedKeys ?? DEFAULT_MASKED_KEYS;
  switch (value.type) {
    case 'string':
    case 'binary':
      if (isMaskedKey(key, keys)) return { type: value.type, value: MASKED };
      return { type: value.type, value: maskSensitive(value.value, options) };
    case 'array':
      if (isMaskedKey(key, keys)) return { type: 'string', value: MASKED };
      return {
        type: 'array',
        value: value.value.map((item) => maskAttributeValue(key, item, options)),
      };
    case 'map':
      if (isMaskedKey(key, keys)) return { type: 'string', value: MASKED };
      return { type: 'map', value: maskAttributes(value.value, options) };
    default:
      return value;
  }
}

export function maskAttributes(
  attributes: readonly Attribute[],
  options: MaskOptions = {},
): Attribute[] {
  return attributes.map((attribute) => ({
    key: attribute.key,
    value: maskAttributeValue(attribute.key, attribute.value, options),
  }));
}

function maskSpan(span: Span, options: MaskOptions): Span {
  return {
    ...span,
    name: maskSensitive(span.name, options),
    status: span.status.message
      ? { ...span.status, message: maskSensitive(span.status.message, options) }
      : span.status,
    attributes: maskAttributes(span.attributes, options),
    events: span.events.map((event) => ({
      ...event,
      name: maskSensitive(event.name, options),
      attributes: maskAttributes(event.attributes, options),
    })),
    references: span.references.map((ref) => ({
      ...ref,
      attributes: maskAttributes(ref.attributes, options),
    })),
    warnings: span.warnings.map((warning) => maskSensitive(warning, options)),
  };
}

/**
 * A masked copy of the trace for export: names, messages, warnings and every attribute
 * (span, event, link, resource). Ids, times and structure are unchanged.
 */
export function maskTrace(trace: Trace, options: MaskOptions = {}): Trace {
  return {
    ...trace,
    spans: trace.spans.map((span) => maskSpan(span, options)),
    resources: trace.resources.map((resource) => ({
      serviceName: maskSensitive(resource.serviceName, options),
      attributes: maskAttributes(resource.attributes, options),
    })),
    warnings: trace.warnings.map((warning) => maskSensitive(warning, options)),
  };
}

/** A text transform such as `(text) => maskSensitive(text, options)`; identity when masking is off. */
export type TextMasker = (text: string) => string;

function maskOptional(text: string | undefined, mask: TextMasker): string | undefined {
  return text === undefined ? undefined : mask(text);
}

function maskPart(part: LlmPart, mask: TextMasker): LlmPart {
  return { ...part, text: mask(part.text) };
}

function maskMessage(message: LlmMessage, mask: TextMasker): LlmMessage {
  return {
    ...message,
    parts: message.parts.map((part) => maskPart(part, mask)),
    toolCalls: message.toolCalls.map((call) => ({
      ...call,
      arguments: maskOptional(call.arguments, mask),
    })),
  };
}

/**
 * The call with every free text it shows run through `mask`: system prompts, messages (text,
 * reasoning, tool results, media descriptions), tool-call arguments, plain input/output, tool
 * execution arguments and result, error message, documents, embedding inputs, tool descriptions
 * and evaluation text. Models, provider, ids, numbers and finish reasons are kept as they are.
 * Masked text stays valid JSON (see maskSensitive), so a JSON view of the result still parses.
 */
export function maskLlmCall(call: LlmCall, mask: TextMasker): LlmCall {
  return {
    ...call,
    systemInstructions: call.systemInstructions.map(mask),
    inputMessages: call.inputMessages.map((message) => maskMessage(message, mask)),
    outputMessages: call.outputMessages.map((message) => maskMessage(message, mask)),
    inputText: maskOptional(call.inputText, mask),
    outputText: maskOptional(call.outputText, mask),
    toolDefinitions: call.toolDefinitions.map((tool) => ({
      ...tool,
      description: maskOptional(tool.description, mask),
      parameters: maskOptional(tool.parameters, mask),
    })),
    error: call.error && { ...call.error, message: maskOptional(call.error.message, mask) },
    evaluations: call.evaluations.map((evaluation) => ({
      ...evaluation,
      label: maskOptional(evaluation.label, mask),
      explanation: maskOptional(evaluation.explanation, mask),
    })),
    embeddingInputs: call.embeddingInputs.map(mask),
    retrievalDocuments: call.retrievalDocuments.map((doc) => ({
      ...doc,
      content: maskOptional(doc.content, mask),
      metadata: maskOptional(doc.metadata, mask),
    })),
    tool: call.tool && {
      ...call.tool,
      arguments: maskOptional(call.tool.arguments, mask),
      result: maskOptional(call.tool.result, mask),
    },
  };
}
