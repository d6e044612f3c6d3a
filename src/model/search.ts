import { nodeIdOf, type SpanTree } from './span-tree';
import { formatAttributeValue, serviceOf, type Attribute, type Nanos, type Span } from './trace';

/** Span kinds of the `kind` filter (the LLM kinds, `other` for everything else). */
export const FILTER_KINDS = [
  'llm',
  'tool',
  'retrieval',
  'embedding',
  'agent',
  'chain',
  'other',
] as const;
export type FilterKind = (typeof FILTER_KINDS)[number];

/** Everything the filter bar can ask; all parts combine with AND. */
export interface SpanFilter {
  readonly text: string;
  readonly models: readonly string[];
  readonly errorsOnly: boolean;
  readonly kinds: readonly FilterKind[];
  readonly services: readonly string[];
  readonly minDurationNs: Nanos | null;
}

export const EMPTY_FILTER: SpanFilter = {
  text: '',
  models: [],
  errorsOnly: false,
  kinds: [],
  services: [],
  minDurationNs: null,
};

/** Per-span facts the filter needs that come from LLM extraction (index = span index). */
export interface SpanFacets {
  readonly kind: FilterKind;
  /** Requested and served model names (either matches the model filter). */
  readonly models: readonly string[];
}

export function isFilterActive(filter: SpanFilter): boolean {
  return (
    filter.text.trim() !== '' ||
    filter.models.length > 0 ||
    filter.errorsOnly ||
    filter.kinds.length > 0 ||
    filter.services.length > 0 ||
    filter.minDurationNs !== null
  );
}

/** One term of the free-text query: a word, a "quoted phrase", or `key=value`. */
export type TextTerm =
  | { readonly type: 'text'; readonly needle: string }
  | { readonly type: 'attribute'; readonly key: string; readonly value: string };

/**
 * Splits the free text into terms. Quotes group words (`"GET /api"`); `key=value` (either side
 * may be quoted) matches one attribute whose key is `key` and whose value contains `value`.
 * Case-insensitive throughout.
 */
export function parseTextQuery(text: string): TextTerm[] {
  const terms: TextTerm[] = [];
  const pattern = /("([^"]*)"|[^\s="]+)(?:=("([^"]*)"|\S*))?/g;
  for (const match of text.matchAll(pattern)) {
    const left = (match[2] ?? match[1] ?? '').toLowerCase();
    if (match[3] !== undefined) {
      const value = (match[4] ?? match[3]).toLowerCase();
      if (left !== '') terms.push({ type: 'attribute', key: left, value });
    } else if (left !== '') {
      terms.push({ type: 'text', needle: left });
    }
  }
  return terms;
}

/** Longest part of a value the text filter looks at: enough for ids, routes and prompts' heads. */
const MAX_INDEXED_VALUE_CHARS = 2_000;

/**
 * Marks the spans that match (1) in a per-node array; placeholders never match. O(n · terms),
 * reading each span's name, service, id and attributes once per call.
 */
export function matchSpans(
  tree: SpanTree,
  filter: SpanFilter,
  facets?: readonly (SpanFacets | undefined)[],
): Uint8Array {
  const matches = new Uint8Array(tree.nodeCount);
  const terms = parseTextQuery(filter.text);
  const models = new Set(filter.models.map((model) => model.toLowerCase()));
  const kinds = new Set<string>(filter.kinds);
  const services = new Set(filter.services);
  const { spans } = tree.trace;
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index] as Span;
    if (filter.errorsOnly && span.status.code !== 'error') continue;
    if (filter.minDurationNs !== null && (span.durationNs ?? 0) < filter.minDurationNs) continue;
    if (services.size > 0 && !services.has(serviceOf(tree.trace, span))) continue;
    const facet = facets?.[index];
    if (kinds.size > 0 && !kinds.has(facet?.kind ?? 'other')) continue;
    if (models.size > 0 && !facet?.models.some((model) => models.has(model.toLowerCase()))) {
      continue;
    }
    if (terms.length > 0 && !matchesTerms(tree, index, span, terms)) continue;
    matches[index] = 1;
  }
  return matches;
}

function matchesTerms(tree: SpanTree, index: number, span: Span, terms: TextTerm[]): boolean {
  const head = `${span.name}\u0000${serviceOf(tree.trace, span)}\u0000${nodeIdOf(tree, index)}`;
  const headLower = head.toLowerCase();
  return terms.every((term) =>
    term.type === 'text'
      ? headLower.includes(term.needle) || attributesContain(span.attributes, term.needle)
      : attributeMatches(span.attributes, term.key, term.value),
  );
}

function valueText(attribute: Attribute): string {
  return formatAttributeValue(attribute.value).slice(0, MAX_INDEXED_VALUE_CHARS).toLowerCase();
}

function attributesContain(attributes: readonly Attribute[], needle: string): boolean {
  for (const attribute of attributes) {
    if (attribute.key.toLowerCase().includes(needle) || valueText(attribute).includes(needle)) {
      return true;
    }
  }
  return false;
}

function attributeMatches(attributes: readonly Attribute[], key: string, value: string): boolean {
  for (const attribute of attributes) {
    if (attribute.key.toLowerCase() === key && valueText(attribute).includes(value)) return true;
  }
  return false;
}

/** Parses `250ms`, `1.5s`, `2m`, `800us`/`800µs`, `1000ns`; a bare number means ms. */
export function parseDuration(text: string): Nanos | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s|m)?\s*$/i.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  const unit = (match[2] ?? 'ms').toLowerCase();
  const factor =
    unit === 'ns'
      ? 1
      : unit === 'us' || unit === 'µs'
        ? 1e3
        : unit === 'ms'
          ? 1e6
          : unit === 's'
            ? 1e9
            : 60e9;
  return Math.round(value * factor) as Nanos;
}

/** The inverse of `parseDuration`, in the largest unit that keeps the value whole. */
export function formatDurationParam(ns: Nanos): string {
  if (ns % 60e9 === 0 && ns > 0) return `${ns / 60e9}m`;
  if (ns % 1e9 === 0 && ns > 0) return `${ns / 1e9}s`;
  if (ns % 1e6 === 0) return `${ns / 1e6}ms`;
  if (ns % 1e3 === 0) return `${ns / 1e3}us`;
  return `${ns}ns`;
}

/** A value the filter bar offers, with how many spans carry it. */
export interface FacetOption {
  readonly value: string;
  readonly count: number;
}

export interface FacetOptions {
  readonly models: readonly FacetOption[];
  readonly services: readonly FacetOption[];
  readonly kinds: readonly FacetOption[];
}

/** The models, services and kinds present in a trace, most frequent first. */
export function listFacetOptions(
  tree: SpanTree,
  facets?: readonly (SpanFacets | undefined)[],
): FacetOptions {
  const models = new Map<string, number>();
  const services = new Map<string, number>();
  const kinds = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const { spans } = tree.trace;
  for (let index = 0; index < spans.length; index++) {
    bump(services, serviceOf(tree.trace, spans[index] as Span));
    const facet = facets?.[index];
    bump(kinds, facet?.kind ?? 'other');
    for (const model of new Set(facet?.models ?? [])) bump(models, model);
  }
  const sorted = (map: Map<string, number>) =>
    [...map]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { models: sorted(models), services: sorted(services), kinds: sorted(kinds) };
}
