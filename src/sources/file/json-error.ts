/**
 * Where a JSON text first goes wrong, as line and column, with a message that is the same in
 * every browser (engines word `JSON.parse` errors differently and some give no position).
 * Only called after `JSON.parse` failed. Iterative, so deep nesting cannot overflow the stack.
 */

export interface JsonErrorLocation {
  /** 0-based offset into the text. */
  readonly offset: number;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

type Expect =
  'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const WHITESPACE = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// JSON forbids raw control characters (U+0000–U+001F) inside strings.
// oxlint-disable-next-line no-control-regex
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERAL = /true|false|null/y;

function matchAt(re: RegExp, text: string, offset: number): number {
  re.lastIndex = offset;
  return re.test(text) ? re.lastIndex : -1;
}

/** Line and column (1-based) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function describeChar(c: string): string {
  return c === '\n' ? 'a line break' : `"${c}"`;
}

function afterValue(stack: readonly string[]): Expect {
  return stack.length > 0 ? 'comma-or-close' : 'end';
}

/** The first syntax error of `text`, or null when it is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | null {
  const stack: string[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const fail = (offset: number, message: string): JsonErrorLocation => ({
    offset,
    ...lineColumn(text, offset),
    message,
  });
  for (;;) {
    i = matchAt(WHITESPACE, text, i);
    if (i >= text.length) {
      return expect === 'end'
        ? null
        : fail(text.length, 'the JSON ends too early (unfinished value)');
    }
    const c = text[i] as string;
    if (expect === 'end')
      return fail(i, `unexpected ${describeChar(c)} after the end of the JSON value`);
    if (expect === 'colon') {
      if (c !== ':') return fail(i, `expected ":" after a property name, found ${describeChar(c)}`);
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'comma-or-close') {
      const close = stack.at(-1) === '{' ? '}' : ']';
      if (c === ',') expect = close === '}' ? 'key' : 'value';
      else if (c === close) {
        stack.pop();
        expect = afterValue(stack);
      } else return fail(i, `expected "," or "${close}", found ${describeChar(c)}`);
      i++;
      continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (c === '}' && expect === 'key-or-close') {
        stack.pop();
        expect = afterValue(stack);
        i++;
        continue;
      }
      const end = c === '"' ? matchAt(STRING, text, i) : -1;
      if (end < 0) {
        return fail(
          i,
          c === '"'
            ? 'invalid or unterminated string'
            : `expected a double-quoted property name, found ${describeChar(c)}`,
        );
      }
      i = end;
      expect = 'colon';
      continue;
    }
    // A value is expected.
    if (c === ']' && expect === 'value-or-close') {
      stack.pop();
      expect = afterValue(stack);
      i++;
      continue;
    }
    if (c === '{' || c === '[') {
      stack.push(c);
      expect = c === '{' ? 'key-or-close' : 'value-or-close';
      i++;
      continue;
    }
    const end =
      c === '"'
        ? matchAt(STRING, text, i)
        : Math.max(matchAt(NUMBER, text, i), matchAt(LITERAL, text, i));
    if (end < 0) {
      return fail(
        i,
        c === '"' ? 'invalid or unterminated string' : `expected a value, found ${describeChar(c)}`,
      );
    }
    i = end;
    expect = afterValue(stack);
  }
}
