import { isErrorAt, serviceAt } from './span-table';
import { nodeIdOf, spanOfNode, type SpanTree } from './span-tree';
import { formatAttributeValue, type Attribute, type Nanos } from './trace';

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
export const MAX_INDEXED_VALUE_CHARS = 2_000;

/**
 * Decides whether span `index` matches every text term. The default (`matchTermsInRecord`) reads
 * the span's record; the trace worker answers from its search index with the same result.
 */
export type TermMatcher = (index: number, terms: readonly TextTerm[]) => boolean;

/**
 * Marks the spans that match (1) in a per-node array; placeholders never match. O(n · terms):
 * the cheap column tests run first, and a span's text is read only when they all pass.
 */
export function matchSpans(
  tree: SpanTree,
  filter: SpanFilter,
  facets?: readonly (SpanFacets | undefined)[],
  matchTerms: TermMatcher = (index, terms) => matchTermsInRecord(tree, index, terms),
): Uint8Array {
  const matches = new Uint8Array(tree.nodeCount);
  const terms = parseTextQuery(filter.text);
  const models = new Set(filter.models.map((model) => model.toLowerCase()));
  const kinds = new Set<string>(filter.kinds);
  const services = new Set(filter.services);
  const table = tree.trace;
  for (let index = 0; index < table.count; index++) {
    if (filter.errorsOnly && !isErrorAt(table, index)) continue;
    const durationNs = table.durationNs[index] as number;
    if (filter.minDurationNs !== null && (durationNs < 0 ? 0 : durationNs) < filter.minDurationNs) {
      continue;
    }
    if (services.size > 0 && !services.has(serviceAt(table, index))) continue;
    const facet = facets?.[index];
    if (kinds.size > 0 && !kinds.has(facet?.kind ?? 'other')) continue;
    if (models.size > 0 && !facet?.models.some((model) => models.has(model.toLowerCase()))) {
      continue;
    }
    if (terms.length > 0 && !matchTerms(index, terms)) continue;
    matches[index] = 1;
  }
  return matches;
}

/**
 * The text a term is matched against, in order: the span's name, service and id (joined with
 * NUL, so a term never spans two of them), then each attribute's key and its value's first
 * `MAX_INDEXED_VALUE_CHARS` characters, all lowercased.
 */
export function matchTermsInRecord(
  tree: SpanTree,
  index: number,
  terms: readonly TextTerm[],
): boolean {
  const span = spanOfNode(tree, index);
  if (!span) return false;
  const head = searchHeadOf(tree, index);
  return terms.every((term) =>
    term.type === 'text'
      ? head.includes(term.needle) || attributesContain(span.attributes, term.needle)
      : attributeMatches(span.attributes, term.key, term.value),
  );
}

/** Lowercased `name NUL service NUL id` of span `index`. */
export function searchHeadOf(tree: SpanTree, index: number): string {
  const table = tree.trace;
  const name = table.strings[table.nameIndex[index] as number] ?? '';
  return `${name}\u0000${serviceAt(table, index)}\u0000${nodeIdOf(tree, index)}`.toLowerCase();
}

/** The text of an attribute value the filter looks at (lowercased, bounded). */
export function valueText(attribute: Attribute): string {
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
  const table = tree.trace;
  const perResource = new Float64Array(table.resources.length);
  let otherCount = 0;
  for (let index = 0; index < table.count; index++) {
    const r = table.resourceIndex[index] as number;
    perResource[r] = (perResource[r] ?? 0) + 1;
    const facet = facets?.[index];
    if (!facet) {
      otherCount++;
      continue;
    }
    bump(kinds, facet.kind);
    for (const model of new Set(facet.models)) bump(models, model);
  }
  if (otherCount > 0) kinds.set('other', (kinds.get('other') ?? 0) + otherCount);
  perResource.forEach((count, r) => {
    const service = table.resources[r]?.serviceName ?? 'unknown_service';
    if (count > 0) services.set(service, (services.get(service) ?? 0) + count);
  });
  const sorted = (map: Map<string, number>) =>
    [...map]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { models: sorted(models), services: sorted(services), kinds: sorted(kinds) };
}
