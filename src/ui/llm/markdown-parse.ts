/**
 * A small, safe markdown subset → a plain AST that Markdown.tsx turns into React elements.
 * No HTML is ever produced or passed through: `<tags>` stay literal text. Supported: paragraphs
 * (single newlines kept as line breaks), ATX headings, fenced code, inline code, strong and
 * emphasis, bullet and numbered lists (one level), block quotes, rules, links and images.
 * Links and images keep their URL only when it is http(s); anything else stays literal text.
 * Emphasis closers are looked for within a bounded window, so the parser stays near-linear.
 */

export type Inline =
  | { readonly t: 'text'; readonly v: string }
  | { readonly t: 'br' }
  | { readonly t: 'code'; readonly v: string }
  | { readonly t: 'strong'; readonly c: readonly Inline[] }
  | { readonly t: 'em'; readonly c: readonly Inline[] }
  | { readonly t: 'link'; readonly href: string; readonly c: readonly Inline[] }
  | { readonly t: 'image'; readonly src: string; readonly alt: string };

export type Block =
  | { readonly t: 'p'; readonly c: readonly Inline[] }
  | { readonly t: 'h'; readonly level: number; readonly c: readonly Inline[] }
  | { readonly t: 'code'; readonly lang?: string; readonly v: string }
  | {
      readonly t: 'list';
      readonly ordered: boolean;
      readonly start: number;
      readonly items: readonly (readonly Inline[])[];
    }
  | { readonly t: 'quote'; readonly blocks: readonly Block[] }
  | { readonly t: 'hr' };

const CLOSER_WINDOW = 500;
const CODE_WINDOW = 5_000;
const MAX_DEPTH = 4;
const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+#.-]*)/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const BULLET = /^ {0,3}[-*+]\s+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;
const LINK = /^\[([^\]\n]{1,500})\]\(\s*([^()\s]{1,2000})(?:\s+"[^"\n]*")?\s*\)/;
const IMAGE = /^!\[([^\]\n]{0,500})\]\(\s*([^()\s]{1,2000})(?:\s+"[^"\n]*")?\s*\)/;

/** The URL when it is absolute http(s), else undefined (javascript:, data:, relative…). */
export function safeHttpUrl(raw: string): string | undefined {
  if (!/^https?:\/\//i.test(raw)) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function parseMarkdown(source: string, depth = 0): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ t: 'p', c: parseInline(paragraph.join('\n'), 0) });
    paragraph = [];
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const marker = fence[1] as string;
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] as string).trimStart().startsWith(marker)) {
        body.push(lines[i] as string);
        i++;
      }
      blocks.push({ t: 'code', lang: fence[2] || undefined, v: body.join('\n') });
      i++;
      continue;
    }
    if (line.trim() === '') {
      flush();
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({
        t: 'h',
        level: (heading[1] as string).length,
        c: parseInline(heading[2] as string, 0),
      });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      flush();
      blocks.push({ t: 'hr' });
      i++;
      continue;
    }
    if (QUOTE.test(line) && depth < MAX_DEPTH) {
      flush();
      const quoted: string[] = [];
      let quote = QUOTE.exec(line);
      while (quote) {
        quoted.push(quote[1] as string);
        i++;
        quote = i < lines.length ? QUOTE.exec(lines[i] as string) : null;
      }
      blocks.push({ t: 'quote', blocks: parseMarkdown(quoted.join('\n'), depth + 1) });
      continue;
    }
    if (BULLET.test(line) || ORDERED.test(line)) {
      flush();
      i = readList(lines, i, blocks);
      continue;
    }
    paragraph.push(line);
    i++;
  }
  flush();
  return blocks;
}

/** A run of items of one list type; indented lines continue the last item. */
function readList(lines: readonly string[], from: number, blocks: Block[]): number {
  const first = lines[from] as string;
  const ordered = !BULLET.test(first);
  const start = ordered ? Number(ORDERED.exec(first)?.[1] ?? 1) : 1;
  const items: string[] = [];
  let i = from;
  while (i < lines.length) {
    const line = lines[i] as string;
    const item = ordered ? ORDERED.exec(line) : BULLET.exec(line);
    if (item) items.push(item[ordered ? 2 : 1] as string);
    else if (/^\s{2,}\S/.test(line) && items.length > 0)
      items[items.length - 1] += `\n${line.trim()}`;
    else break;
    i++;
  }
  blocks.push({ t: 'list', ordered, start, items: items.map((text) => parseInline(text, 0)) });
  return i;
}

type NextAt = (marker: string, from: number) => number;

/**
 * `indexOf` that remembers, per marker, the last answer: positions only move forward while a
 * string is scanned, so each marker's occurrences are searched once overall. This keeps text
 * full of unmatched `*` or backticks linear instead of quadratic.
 */
function nextAtFor(text: string): NextAt {
  const cache = new Map<string, number>();
  return (marker, from) => {
    const cached = cache.get(marker);
    if (cached !== undefined && (cached === -1 || cached >= from)) return cached;
    const at = text.indexOf(marker, from);
    cache.set(marker, at);
    return at;
  };
}

/** Index of `marker` closing an emphasis that starts at `from`, within the window. */
function findCloser(text: string, marker: string, from: number, nextAt: NextAt): number {
  const end = Math.min(text.length, from + CLOSER_WINDOW);
  let at = nextAt(marker, from);
  while (at !== -1 && at < end) {
    const isSingle = marker.length === 1;
    const doubled = isSingle && (text[at + 1] === marker || text[at - 1] === marker);
    const before = text[at - 1] ?? ' ';
    if (at > from && !doubled && !/\s/.test(before)) return at;
    at = nextAt(marker, at + 1);
  }
  return -1;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

export function parseInline(text: string, depth: number): Inline[] {
  const out: Inline[] = [];
  const nextAt = nextAtFor(text);
  let buffer = '';
  const push = (node: Inline) => {
    if (buffer !== '') out.push({ t: 'text', v: buffer });
    buffer = '';
    out.push(node);
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\n') {
      push({ t: 'br' });
      i++;
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(text.slice(i, i + 16))?.[0] ?? '`';
      const close = nextAt(run, i + run.length);
      if (close !== -1 && close - i <= CODE_WINDOW) {
        push({ t: 'code', v: text.slice(i + run.length, close) });
        i = close + run.length;
        continue;
      }
    }
    if (depth < MAX_DEPTH && (ch === '*' || ch === '_')) {
      const double = text[i + 1] === ch ? ch + ch : ch;
      const opensWord = !/\s/.test(text[i + double.length] ?? ' ');
      const isIntraword = ch === '_' && isWordChar(text[i - 1]);
      if (opensWord && !isIntraword) {
        const close = findCloser(text, double, i + double.length, nextAt);
        if (close !== -1 && !(ch === '_' && isWordChar(text[close + double.length]))) {
          const inner = parseInline(text.slice(i + double.length, close), depth + 1);
          push(double.length === 2 ? { t: 'strong', c: inner } : { t: 'em', c: inner });
          i = close + double.length;
          continue;
        }
      }
    }
    if (ch === '!' && text[i + 1] === '[') {
      const image = IMAGE.exec(text.slice(i, i + 2600));
      const src = image ? safeHttpUrl(image[2] as string) : undefined;
      if (image && src) {
        push({ t: 'image', src, alt: image[1] as string });
        i += image[0].length;
        continue;
      }
    }
    if (ch === '[' && depth < MAX_DEPTH) {
      const link = LINK.exec(text.slice(i, i + 2600));
      const href = link ? safeHttpUrl(link[2] as string) : undefined;
      if (link && href) {
        push({ t: 'link', href, c: parseInline(link[1] as string, depth + 1) });
        i += link[0].length;
        continue;
      }
    }
    buffer += ch;
    i++;
  }
  if (buffer !== '') out.push({ t: 'text', v: buffer });
  return out;
}
