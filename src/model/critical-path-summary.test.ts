import { describe, expect, it } from 'vitest';
import { computeCriticalPath } from './critical-path';
import { readSpanModel, summarizeCriticalPath } from './critical-path-summary';
import { specToSpan, timingTree } from './test-timing-tree';

const tree = timingTree([
  { id: 'o1', parent: 'gone', start: 0, duration: 10, attributes: { 'llm.model_name': 'm1' } },
  { id: 'o2', parent: 'gone', start: 30, duration: 40 },
  {
    id: 'call',
    parent: 'o2',
    start: 40,
    duration: 20,
    attributes: { 'gen_ai.request.model': 'm2' },
  },
  { id: 'late', start: 90, duration: 10, attributes: { 'gen_ai.request.model': 'm1' } },
]);
const cp = computeCriticalPath(tree);

describe('summarizeCriticalPath', () => {
  it('ranks nodes by own path time, shares of the trace duration, ties in node order, placeholders included', () => {
    const summary = summarizeCriticalPath(tree, cp);
    expect([summary.traceDurationNs, summary.pathNs]).toEqual([100, 80]);
    expect(
      summary.items.map((item) => [item.spanId, item.onPathNs, item.share, item.isMissingSpan]),
    ).toEqual([
      ['o2', 20, 0.2, false],
      ['call', 20, 0.2, false],
      ['gone', 20, 0.2, true],
      ['o1', 10, 0.1, false],
      ['late', 10, 0.1, false],
    ]);
    expect(summary.items[2]?.name).toBe('missing span');
    expect(summary.models).toEqual([
      { model: 'm1', spanCount: 2, onPathNs: 20, share: 0.2 },
      { model: 'm2', spanCount: 1, onPathNs: 20, share: 0.2 },
    ]);
  });

  it('honours the limit and a custom model reader', () => {
    const summary = summarizeCriticalPath(tree, cp, {
      limit: 2,
      readModel: (span) => (span.spanId === 'o2' ? 'custom' : undefined),
    });
    expect(summary.items.map((item) => [item.spanId, item.model])).toEqual([
      ['o2', 'custom'],
      ['call', undefined],
    ]);
    expect(summary.models.map((m) => m.model)).toEqual(['custom']);
  });
});

describe('readSpanModel', () => {
  it('prefers the requested model and skips empty values', () => {
    const span = (attributes: Record<string, string>) =>
      specToSpan({ id: 'x', start: 0, duration: 1, attributes });
    expect(readSpanModel(span({ 'llm.model_name': 'b', 'gen_ai.request.model': 'a' }))).toBe('a');
    expect(readSpanModel(span({ 'gen_ai.request.model': '', 'llm.model_name': 'b' }))).toBe('b');
    expect(readSpanModel(span({ 'gen_ai.response.model': 'c' }))).toBeUndefined();
  });
});
