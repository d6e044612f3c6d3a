/**
 * The text filter over a search index instead of span records: every span's attributes as one
 * lowercased string `NUL key SOH value NUL key SOH value …` (values cut at
 * MAX_INDEXED_VALUE_CHARS), built once while the trace is read. Matching is then a substring
 * search per span, with the same answers as `matchTermsInRecord`.
 */
import { matchTermsInRecord, type TermMatcher, type TextTerm } from './search';
import type { SpanTree } from './span-tree';

/** Search text of every span: span `i` is `chunks[chunk[i]].slice(from[i], to[i])`. */
export interface SpanSearchText {
  readonly chunks: readonly string[];
  readonly chunk: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
}

/** Characters up to U+0003 are the index's separators (and their stand-in inside values). */
function hasSeparatorChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) <= 3) return true;
  return false;
}

/**
 * A `TermMatcher` reading the index. Names, services and ids are checked from the columns, each
 * distinct name and service once per query. Terms holding separator characters (never typed,
 * only crafted) take the record path, so the answer never depends on the index's format; where
 * records cannot be read (`canReadRecords: false`), such terms match nothing.
 */
export function searchTextMatcher(
  tree: SpanTree,
  text: SpanSearchText,
  { canReadRecords = true }: { readonly canReadRecords?: boolean } = {},
): TermMatcher {
  let lastTerms: readonly TextTerm[] | undefined;
  let heads: HeadMatcher | undefined;
  return (index, terms) => {
    if (terms !== lastTerms) {
      lastTerms = terms;
      heads = terms.some(hasSeparator) ? undefined : new HeadMatcher(tree, terms);
    }
    if (!heads) return canReadRecords && matchTermsInRecord(tree, index, terms);
    const chunk = text.chunks[text.chunk[index] ?? -1] ?? '';
    const attributes = chunk.slice(text.from[index], text.to[index]);
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t] as TextTerm;
      if (term.type === 'text') {
        if (!heads.matches(index, t) && !attributes.includes(term.needle)) return false;
      } else if (!hasAttribute(attributes, term.key, term.value)) {
        return false;
      }
    }
    return true;
  };
}

function hasSeparator(term: TextTerm): boolean {
  return term.type === 'text'
    ? hasSeparatorChar(term.needle)
    : hasSeparatorChar(term.key) || hasSeparatorChar(term.value);
}

/** `NUL key SOH` followed by a value that contains `value`. */
function hasAttribute(attributes: string, key: string, value: string): boolean {
  const marker = `\u0000${key}\u0001`;
  for (let at = attributes.indexOf(marker); at >= 0; at = attributes.indexOf(marker, at + 1)) {
    const from = at + marker.length;
    const end = attributes.indexOf('\u0000', from);
    const found = attributes.indexOf(value, from);
    if (found >= 0 && (end < 0 || found + value.length <= end)) return true;
  }
  return false;
}

/** Name / service / id part of the text terms, with the per-name and per-service answers cached. */
class HeadMatcher {
  private readonly byName: Int8Array[];
  private readonly byService: Int8Array[];

  constructor(
    private readonly tree: SpanTree,
    private readonly terms: readonly TextTerm[],
  ) {
    this.byName = terms.map(() => new Int8Array(tree.trace.strings.length));
    this.byService = terms.map(() => new Int8Array(tree.trace.resources.length + 1));
  }

  /** Whether text term `t` is in span `index`'s name, service or id. */
  matches(index: number, t: number): boolean {
    const needle = (this.terms[t] as { needle: string }).needle;
    const table = this.tree.trace;
    const name = table.nameIndex[index] as number;
    const names = this.byName[t] as Int8Array;
    if (names[name] === 0) {
      names[name] = (table.strings[name] ?? '').toLowerCase().includes(needle) ? 1 : -1;
    }
    if (names[name] === 1) return true;
    const resource = table.resourceIndex[index] as number;
    const services = this.byService[t] as Int8Array;
    if (services[resource] === 0) {
      const service = table.resources[resource]?.serviceName ?? 'unknown_service';
      services[resource] = service.toLowerCase().includes(needle) ? 1 : -1;
    }
    if (services[resource] === 1) return true;
    return (table.spanIds[index] ?? '').toLowerCase().includes(needle);
  }
}
