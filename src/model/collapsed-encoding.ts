import { nodeIdOf, type SpanTree } from './span-tree';

/**
 * A compact, URL-safe form of a set of collapsed rows, relative to one tree shape.
 *
 * Only nodes with children can be collapsed, so a set is a bit per *collapsible* node, in
 * pre-order (display order). The token is
 *
 * ```
 *   ~ r|b  CCCCCC  count  payload
 *   │ │    │       │      r: varints alternating expanded-run, collapsed-run, …
 *   │ │    │       │      b: one base64url char per 6 collapsible nodes (trailing 'A's cut)
 *   │ │    │       number of collapsible nodes (varint)
 *   │ │    32-bit FNV-1a of their ids, in order: a token made against another shape is refused
 *   │ form
 *   prefix (span ids never start with it in practice)
 * ```
 *
 * Everything is base64url (`A–Z a–z 0–9 - _`); a varint is little-endian base-32 digits, a
 * char's value ≥ 32 meaning "more digits follow". "Collapse all" is then ~17 chars whatever
 * the trace's size; the worst case (every other node) takes the bitmap, count / 6 chars.
 */
export const COLLAPSED_TOKEN_PREFIX = '~';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE_OF = new Map([...ALPHABET].map((char, value) => [char, value]));
const RANGES = 'r';
const BITMAP = 'b';
const CHECK_CHARS = 6;
/** A varint longer than this is damaged (7 digits already reach 2^35). */
const MAX_VARINT_DIGITS = 7;

/** The collapsible nodes of one tree: what a token's positions refer to. */
export interface CollapsibleIndex {
  /** Ids (`nodeIdOf`) of the nodes with children, in pre-order: position i means `ids[i]`. */
  readonly ids: readonly string[];
  /** Hash of `ids` in base64url, `CHECK_CHARS` long. */
  readonly check: string;
}

/** Why a token was not applied: made against another shape of the trace, or not a token. */
export type CollapsedTokenProblem = 'changed' | 'malformed';

export type DecodedCollapsed =
  | { readonly ok: true; readonly ids: readonly string[] }
  | { readonly ok: false; readonly problem: CollapsedTokenProblem };

/** Ids of the nodes with children (what "collapse all" collapses), in pre-order. */
export function listCollapsibleIds(tree: SpanTree): string[] {
  const { preorder, childStart } = tree;
  const ids: string[] = [];
  for (const node of preorder) {
    if ((childStart[node + 1] as number) > (childStart[node] as number)) {
      ids.push(nodeIdOf(tree, node));
    }
  }
  return ids;
}

/** The index tokens are made and read against; O(nodes + total id length). */
export function indexCollapsibleNodes(tree: SpanTree): CollapsibleIndex {
  const ids = listCollapsibleIds(tree);
  return { ids, check: formatCheck(hashIds(ids)) };
}

/** True when a `collapsed` URL value is a token rather than a list of span ids. */
export function isCollapsedToken(value: string): boolean {
  return value.startsWith(COLLAPSED_TOKEN_PREFIX);
}

/**
 * The token for a set of collapsed ids (the shorter of ranges and bitmap), or `null` when the
 * set holds an id that is not a collapsible node of this tree (then only a list says it).
 * O(collapsible nodes).
 */
export function encodeCollapsed(
  index: CollapsibleIndex,
  collapsed: ReadonlySet<string>,
): string | null {
  const { ids } = index;
  const bits = new Uint8Array(ids.length);
  let found = 0;
  for (let i = 0; i < ids.length; i++) {
    if (collapsed.has(ids[i] as string)) {
      bits[i] = 1;
      found++;
    }
  }
  if (found !== collapsed.size) return null;
  const ranges = writeRanges(bits);
  const bitmap = writeBitmap(bits);
  const [form, payload] = bitmap.length < ranges.length ? [BITMAP, bitmap] : [RANGES, ranges];
  return `${COLLAPSED_TOKEN_PREFIX}${form}${index.check}${writeVarints([ids.length])}${payload}`;
}

/**
 * The span ids a token collapses, in pre-order, when it was made against this tree's shape;
 * otherwise why not. Never throws; O(collapsible nodes + token length).
 */
export function decodeCollapsed(index: CollapsibleIndex, token: string): DecodedCollapsed {
  const form = token[COLLAPSED_TOKEN_PREFIX.length];
  const checkStart = COLLAPSED_TOKEN_PREFIX.length + 1;
  const check = token.slice(checkStart, checkStart + CHECK_CHARS);
  const reader = { text: token, at: checkStart + CHECK_CHARS };
  const count = isCollapsedToken(token) && check.length === CHECK_CHARS ? readVarint(reader) : -1;
  if (count < 0 || (form !== RANGES && form !== BITMAP)) return { ok: false, problem: 'malformed' };
  // Checked before reading the payload, which is then sized by this tree, not by the token.
  if (check !== index.check || count !== index.ids.length) return { ok: false, problem: 'changed' };
  const bits = form === RANGES ? readRanges(reader, count) : readBitmap(reader, count);
  if (bits === null) return { ok: false, problem: 'malformed' };
  const ids: string[] = [];
  for (let i = 0; i < count; i++) if (bits[i] === 1) ids.push(index.ids[i] as string);
  return { ok: true, ids };
}

/** FNV-1a over the ids' UTF-16 units, each id closed by a 0 so `[ab, c]` ≠ `[a, bc]`. */
function hashIds(ids: readonly string[]): number {
  let hash = 0x811c9dc5;
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** 32 bits as 6 base64url chars, most significant first. */
function formatCheck(hash: number): string {
  let out = '';
  for (let shift = 26; shift > -6; shift -= 6) {
    out += ALPHABET[(shift >= 0 ? hash >>> shift : hash << -shift) & 63];
  }
  return out;
}

function writeVarints(values: readonly number[]): string {
  const out: string[] = [];
  for (let value of values) {
    while (value >= 32) {
      out.push(ALPHABET[(value & 31) | 32] as string);
      value = Math.floor(value / 32);
    }
    out.push(ALPHABET[value] as string);
  }
  return out.join('');
}

/** -1 at the end of the text or on a damaged varint. */
function readVarint(reader: { text: string; at: number }): number {
  let value = 0;
  let scale = 1;
  for (let digits = 0; digits < MAX_VARINT_DIGITS; digits++) {
    const digit = VALUE_OF.get(reader.text[reader.at] ?? '');
    if (digit === undefined) return -1;
    reader.at++;
    value += (digit & 31) * scale;
    if (digit < 32) return value;
    scale *= 32;
  }
  return -1;
}

/** Alternating run lengths, starting with expanded nodes; the trailing expanded run is left out. */
function writeRanges(bits: Uint8Array): string {
  const runs: number[] = [];
  let i = 0;
  while (i < bits.length) {
    const from = i;
    while (i < bits.length && bits[i] === 0) i++;
    if (i === bits.length) break;
    runs.push(i - from);
    const collapsedFrom = i;
    while (i < bits.length && bits[i] === 1) i++;
    runs.push(i - collapsedFrom);
  }
  return writeVarints(runs);
}

function readRanges(reader: { text: string; at: number }, count: number): Uint8Array | null {
  const bits = new Uint8Array(count);
  let at = 0;
  while (reader.at < reader.text.length) {
    const gap = readVarint(reader);
    const run = readVarint(reader);
    if (gap < 0 || run < 1 || at + gap + run > count) return null;
    at += gap;
    bits.fill(1, at, at + run);
    at += run;
  }
  return bits;
}

/** Bit i of the set is bit (i mod 6) of char i / 6; trailing all-zero chars are cut. */
function writeBitmap(bits: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bits.length; i += 6) {
    let value = 0;
    for (let b = 0; b < 6 && i + b < bits.length; b++) value |= (bits[i + b] as number) << b;
    out.push(ALPHABET[value] as string);
  }
  let end = out.length;
  while (end > 0 && out[end - 1] === 'A') end--;
  return out.slice(0, end).join('');
}

function readBitmap(reader: { text: string; at: number }, count: number): Uint8Array | null {
  const bits = new Uint8Array(count);
  const chars = reader.text.slice(reader.at);
  if (chars.length > Math.ceil(count / 6)) return null;
  for (let c = 0; c < chars.length; c++) {
    const value = VALUE_OF.get(chars[c] as string);
    if (value === undefined) return null;
    for (let b = 0; b < 6; b++) {
      if (((value >> b) & 1) === 0) continue;
      if (c * 6 + b >= count) return null;
      bits[c * 6 + b] = 1;
    }
  }
  return bits;
}
