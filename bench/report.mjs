/**
 * Prints the bench figures (one line each) and writes bench/results.md with the same numbers
 * beside Jaeger UI's reference figures on this machine (issue #8).
 */
import { writeFileSync } from 'node:fs';

/** Jaeger UI on this machine, from issue #8 (ms, MB, fps). */
const JAEGER_UI = {
  1000: { firstRowMs: 2300, apiToFirstRowMs: 1300, heapMb: 57, fps100: 28, fps1000: 4 },
  100000: {
    firstRowMs: 4200,
    apiToFirstRowMs: 3000,
    jsonParseMs: 430,
    heapMb: 283,
    fps100: 36,
    worstFrameMs: 650,
  },
  200000: { firstRowMs: 6800, apiToFirstRowMs: 5200, jsonParseMs: 1000, heapMb: 514, fps100: 37 },
};

const MB = 1024 * 1024;
const label = (n) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : `${n}`);
const num = (value, digits = 0) =>
  value === undefined || value === null || Number.isNaN(value) ? 'n/a' : value.toFixed(digits);

/** Every figure of one size, as [name, value, unit, note]. */
export function figuresOf(r) {
  const apiToRow =
    r.firstRowMs !== undefined && r.responseEndMs !== undefined
      ? r.firstRowMs - r.responseEndMs
      : undefined;
  const after = (r.longTasks ?? []).filter(
    (t) => r.firstRowMs !== undefined && t.startMs >= r.firstRowMs,
  );
  const longest = (tasks) => (tasks.length ? Math.max(...tasks.map((t) => t.durationMs)) : 0);
  const parseMs = r.jsonParse?.parseMs;
  const filterMs = r.filters?.length ? Math.max(...r.filters.map((f) => f.latencyMs)) : undefined;
  const heapTotal = (r.heapMainBytes ?? NaN) + (r.heapWorkerBytes ?? NaN);
  const heapWithBuffers = heapTotal + (r.buffersBytes ?? NaN);
  return [
    ['payload', num(r.bytes / MB, 1), 'MB', r.isGzip ? 'served gzipped' : 'served as is'],
    [
      'opened',
      r.failure ? 'NO' : r.isAlive ? 'yes' : 'unknown',
      '',
      r.failure ?? (r.errors?.join('; ') || ''),
    ],
    [
      'first-row',
      num(r.firstRowMs),
      'ms',
      (r.firstRowRunsMs?.length ?? 0) > 1
        ? `navigation start → first row painted; median of ${r.firstRowRunsMs.length} runs: ${r.firstRowRunsMs.map((ms) => num(ms)).join(', ')}`
        : 'navigation start → first row painted',
    ],
    ['api-done-to-first-row', num(apiToRow), 'ms', 'trace response end → first row'],
    ['json-parse', num(parseMs), 'ms', 'JSON.parse of the same payload in the same page'],
    [
      'api-to-row-over-parse',
      parseMs ? num(apiToRow / parseMs, 2) : 'n/a',
      'x',
      'target ≤ 1.5 at 100k',
    ],
    [
      'derived-after-first-row',
      // Ready before the first row painted (a small trace) counts as no wait at all.
      num(Math.max(0, r.derivedMs - r.firstRowMs)),
      'ms',
      'summary numbers + critical path',
    ],
    [
      'packed-after-first-row',
      r.packedMs === undefined ? 'n/a' : num(Math.max(0, r.packedMs - r.firstRowMs)),
      'ms',
      'kept payload deflated in idle time (streamed payloads only)',
    ],
    ['longest-task', num(longest(r.longTasks ?? [])), 'ms', 'main thread, whole load'],
    ['longest-task-after-first-row', num(longest(after)), 'ms', 'target ≤ 200'],
    ['heap-main', num(r.heapMainBytes / MB, 1), 'MB', 'page isolate, after GC'],
    ['heap-worker', num(r.heapWorkerBytes / MB, 1), 'MB', 'trace worker isolate, after GC'],
    ['heap-total', num(heapTotal / MB, 1), 'MB', 'page + worker JS heaps'],
    [
      'array-buffers',
      num(r.buffersBytes / MB, 1),
      'MB',
      `ArrayBuffers: page ${num(r.buffersMainBytes / MB, 1)} + worker ${num(
        (r.buffersBytes - r.buffersMainBytes) / MB,
        1,
      )} MB`,
    ],
    [
      'heap-with-buffers',
      num(heapWithBuffers / MB, 1),
      'MB',
      'JS heaps + ArrayBuffers: compared with Jaeger UI',
    ],
    [
      'renderer-memory',
      num(r.rendererBytes / MB, 1),
      'MB',
      'renderer private memory: JS heaps + ArrayBuffers (raw payload) + external strings + DOM',
    ],
    [
      'scroll-100px-fps',
      num(r.scroll100?.fps, 1),
      'fps',
      `worst frame ${num(r.scroll100?.worstFrameMs, 1)} ms`,
    ],
    [
      'scroll-1000px-fps',
      num(r.scroll1000?.fps, 1),
      'fps',
      `worst frame ${num(r.scroll1000?.worstFrameMs, 1)} ms`,
    ],
    [
      'filter',
      num(filterMs),
      'ms',
      (r.filters ?? []).map((f) => `"${f.text}" ${num(f.latencyMs)} ms → ${f.count}`).join(', '),
    ],
  ];
}

export function printFigures(result) {
  const size = label(result.spanCount).padEnd(4);
  for (const [name, value, unit, note] of figuresOf(result)) {
    console.log(
      `bench ${size} ${name.padEnd(30)} ${`${value} ${unit}`.trim().padStart(10)}  ${note}`,
    );
  }
}

const NOTES = [
  '- heap: `usedSize` of the page and of the trace worker after a forced GC (CDP',
  '  `HeapProfiler.collectGarbage`, then `Runtime.getHeapUsage` in each). array-buffers is what',
  '  V8 keeps outside that heap (`backingStorageSize`): typed-array columns, the payload bytes',
  '  the page keeps for opening a span later (deflated in idle time after the first rows; memory',
  '  is measured once that is done, see packed-after-first-row) and external strings (the',
  "  worker's search text). heap-with-buffers (their sum, what `performance.memory` reports) is",
  "  the figure compared with Jaeger UI's JS heap. renderer-memory is the whole renderer's",
  '  private memory, those included, plus the DOM and the compositor.',
  '- derived-after-first-row: the summary numbers and the critical path arrive that long after',
  '  the rows. The worker starts them once the page says the rows are painted, so that the two',
  '  threads do not compete for the cores while the first rows render (decision 0009).',
  '- json-parse: `JSON.parse` of the same payload text, fetched and timed in the same page after',
  '  the trace has been opened. At 1M the text is over the longest string V8 can make.',
  '- 1M is served gzipped: the server refuses proxied bodies over 512 MB.',
  '- Scroll: the waterfall is scrolled by a fixed step every animation frame for 2 s; fps is',
  '  frames per second of wall clock, the worst frame the longest gap between two frames.',
];

export function writeResults(file, results, chromiumVersion, bundle) {
  const date = new Date().toISOString().slice(0, 10);
  const repeated = results.filter((r) => (r.firstRowRunsMs?.length ?? 1) > 1);
  const repeats = repeated.length
    ? `${repeated.map((r) => label(r.spanCount)).join(' and ')} open ${repeated[0].firstRowRunsMs.length} times each; their column is the run with the median first row (every run listed below).`
    : '';
  const lines = [
    '# Large-trace benchmark (issue #8)',
    '',
    `Run on ${date} with \`npm run bench\` (scripts/bench.mjs): Debian Chromium ${chromiumVersion},`,
    'headless, 1600×1000 viewport, the built server proxying a loopback Jaeger stand-in, 2 cores.',
    'Traces are generated with the issue-8 shape (bench/jaeger-payload.mjs, seed 8). Each size',
    `opens in a fresh browser context. Times are wall clock in the page. ${repeats}`,
    '',
    '| figure | ' + results.map((r) => label(r.spanCount)).join(' | ') + ' |',
    '|---|' + results.map(() => '---:').join('|') + '|',
  ];
  const rows = results.map(figuresOf);
  (rows[0] ?? []).forEach(([name, , unit], i) => {
    const cells = rows.map((figures) => `${figures[i]?.[1] ?? ''} ${unit}`.trim());
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  });
  for (const r of results) {
    if ((r.firstRowRunsMs?.length ?? 0) < 2) continue;
    const runs = r.firstRowRunsMs.map((ms) => num(ms)).join(', ');
    lines.push('', `${label(r.spanCount)} first row in each run: ${runs} ms.`);
  }
  lines.push('', '## Jaeger UI on this machine (issue #8 reference)', '');
  lines.push(
    '| size | first row | API → first row | JSON.parse | heap | scroll 100 px | scroll 1000 px |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const [size, j] of Object.entries(JAEGER_UI)) {
    lines.push(
      `| ${label(Number(size))} | ${j.firstRowMs} ms | ${j.apiToFirstRowMs} ms | ${j.jsonParseMs ?? '—'} ms | ${j.heapMb} MB | ${j.fps100} fps | ${j.fps1000 ?? '—'} fps |`,
    );
  }
  const bundleKb = bundle.gzipBytes / 1024;
  lines.push('', '## Against the targets', '');
  lines.push(
    `- all: ${bundleKb <= 150 ? 'met' : 'NOT met'}: initial JavaScript ${bundleKb.toFixed(1)} KB gzipped ≤ 150 KB (${bundle.files} files)`,
    ...verdicts(results),
  );
  lines.push('', '## Reading the figures', '', ...NOTES, '');
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function verdicts(results) {
  const out = [];
  for (const r of results) {
    const figures = Object.fromEntries(figuresOf(r).map(([name, value]) => [name, Number(value)]));
    const ref = JAEGER_UI[r.spanCount];
    const check = (ok, text) =>
      out.push(`- ${label(r.spanCount)}: ${ok ? 'met' : 'NOT met'}: ${text}`);
    if (r.spanCount === 1000) {
      check(figures['first-row'] <= 400, `first row ${figures['first-row']} ms ≤ 400 ms`);
    }
    if (r.spanCount === 100000) {
      check(
        figures['api-to-row-over-parse'] <= 1.5,
        `API → first row ${figures['api-to-row-over-parse']}× JSON.parse ≤ 1.5×`,
      );
      check(
        figures['longest-task-after-first-row'] <= 200,
        `longest task after first row ${figures['longest-task-after-first-row']} ms ≤ 200 ms`,
      );
      check(figures['filter'] <= 100, `filter ${figures['filter']} ms ≤ 100 ms`);
    }
    if (ref && (r.spanCount === 100000 || r.spanCount === 200000)) {
      check(
        figures['heap-with-buffers'] <= ref.heapMb / 2,
        `JS heap with ArrayBuffers ${figures['heap-with-buffers']} MB ≤ ${ref.heapMb / 2} MB (half of Jaeger UI's)`,
      );
    }
    if (r.spanCount <= 200000) {
      for (const px of ['100', '1000']) {
        const fps = figures[`scroll-${px}px-fps`];
        const worst = px === '100' ? r.scroll100?.worstFrameMs : r.scroll1000?.worstFrameMs;
        check(
          fps >= 55 && worst <= 50,
          `scroll ${px} px/frame ${fps} fps ≥ 55, worst frame ${num(worst, 1)} ms ≤ 50`,
        );
      }
    }
    if (r.spanCount >= 1000000) check(!r.failure, 'opens without crashing');
  }
  return out;
}
