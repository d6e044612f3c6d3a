import { describe, expect, it } from 'vitest';
import { loadJaegerTree } from '../../test/parsed-fixtures';
import { buildFilteredRows } from './rows';
import {
  EMPTY_FILTER,
  formatDurationParam,
  listFacetOptions,
  matchSpans,
  parseDuration,
  parseTextQuery,
  type SpanFacets,
  type SpanFilter,
} from './search';
import { nodeIdOf, type SpanTree } from './span-tree';
import { traceFromTable } from './span-table';

function genaiTree(): SpanTree {
  return loadJaegerTree('jaeger/trace-object_genai_57spans_10procs.json');
}

function matchedIds(tree: SpanTree, filter: Partial<SpanFilter>, facets?: SpanFacets[]): string[] {
  const matches = matchSpans(tree, { ...EMPTY_FILTER, ...filter }, facets);
  const ids: string[] = [];
  matches.forEach((flag, node) => flag === 1 && ids.push(nodeIdOf(tree, node)));
  return ids;
}

describe('parseTextQuery', () => {
  it('splits words, quoted phrases and key=value terms', () => {
    expect(
      parseTextQuery('Checkout "GET /api" http.route=/api/v1/pods status="server error"'),
    ).toEqual([
      { type: 'text', needle: 'checkout' },
      { type: 'text', needle: 'get /api' },
      { type: 'attribute', key: 'http.route', value: '/api/v1/pods' },
      { type: 'attribute', key: 'status', value: 'server error' },
    ]);
  });
});

describe('matchSpans on the 57-span GenAI trace', () => {
  const tree = genaiTree();

  it('matches a phrase against span names', () => {
    // The agent lists pods three times; the first call fails.
    expect(matchedIds(tree, { text: '"GET /api/v1/pods"' })).toEqual([
      '0000000000000011',
      '0000000000000020',
      '000000000000002f',
    ]);
  });

  it('matches service names and attribute values, case-insensitively', () => {
    expect(matchedIds(tree, { text: 'K8S-API' })).toHaveLength(3);
    expect(
      matchedIds(tree, { text: 'https://api.example-ai.test/v1/messages' }).length,
    ).toBeGreaterThan(0);
  });

  it('matches key=value on one attribute only', () => {
    const failing = matchedIds(tree, { text: 'http.response.status_code=500' });
    expect(failing).toEqual(['0000000000000011']);
  });

  it('combines parts with AND', () => {
    expect(matchedIds(tree, { errorsOnly: true })).toEqual(['0000000000000011']);
    expect(matchedIds(tree, { errorsOnly: true, services: ['auth-service'] })).toEqual([]);
    // Six MCP calls take 850 ms; one takes 3.9 s.
    expect(matchedIds(tree, { text: 'mcp', minDurationNs: parseDuration('800ms') })).toHaveLength(
      7,
    );
    expect(matchedIds(tree, { text: 'mcp', minDurationNs: parseDuration('900ms') })).toEqual([
      '0000000000000033',
    ]);
    expect(matchedIds(tree, { text: 'mcp', minDurationNs: parseDuration('4s') })).toEqual([]);
  });

  it('filters by model and kind through per-span facets', () => {
    const facets: SpanFacets[] = traceFromTable(tree.trace).spans.map((span) =>
      span.name.startsWith('chat ')
        ? { kind: 'llm', models: ['model-a', 'model-a-2026'] }
        : { kind: 'other', models: [] },
    );
    const chats = traceFromTable(tree.trace).spans.filter((span) =>
      span.name.startsWith('chat '),
    ).length;
    expect(matchedIds(tree, { models: ['MODEL-A-2026'] }, facets)).toHaveLength(chats);
    expect(matchedIds(tree, { kinds: ['llm'] }, facets)).toHaveLength(chats);
    expect(listFacetOptions(tree, facets).models).toEqual([
      { value: 'model-a', count: chats },
      { value: 'model-a-2026', count: chats },
    ]);
  });

  it('keeps the ancestors of matches in the hide view and counts hidden children', () => {
    const matches = matchSpans(tree, { ...EMPTY_FILTER, errorsOnly: true });
    const { rows, hiddenChildren } = buildFilteredRows(tree, new Set(), matches);
    const ids = [...rows].map((node) => nodeIdOf(tree, node));
    expect(ids[0]).toBe('0000000000000001');
    expect(ids.at(-1)).toBe('0000000000000011');
    // Every kept row is an ancestor of the error span or the span itself.
    for (let i = 1; i < rows.length; i++) {
      expect(tree.parent[rows[i] as number]).toBe(rows[i - 1]);
    }
    expect(hiddenChildren[ids.indexOf('0000000000000004')]).toBeGreaterThan(0);
  });
});

describe('duration parameters', () => {
  it('parses and formats the units users type', () => {
    expect(parseDuration('250ms')).toBe(250e6);
    expect(parseDuration('1.5s')).toBe(1.5e9);
    expect(parseDuration('800µs')).toBe(800e3);
    expect(parseDuration('2m')).toBe(120e9);
    expect(parseDuration('40')).toBe(40e6);
    expect(parseDuration('soon')).toBeNull();
    expect(formatDurationParam(parseDuration('1.5s')!)).toBe('1500ms');
    expect(formatDurationParam(parseDuration('2s')!)).toBe('2s');
  });
});
