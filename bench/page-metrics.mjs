/**
 * What the bench measures inside the page. Each function is self-contained: Playwright sends
 * its source to the page (`page.evaluate(fn, arg)`), so nothing here may use module scope.
 */

/** Installed before any page script: collects long tasks (over 50 ms) from the start. */
export function installObservers() {
  const bench = { longTasks: [] };
  Object.defineProperty(window, 'tracefallBench', { value: bench });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      bench.longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
}

/** Marks the app set (ms since navigation start), and the long tasks seen so far. */
export function readMarks() {
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
  return {
    firstRowMs: at('tracefall:first-row'),
    responseEndMs: at('tracefall:trace-response-end'),
    requestStartMs: at('tracefall:trace-request-start'),
    derivedMs: at('tracefall:trace-derived'),
    packedMs: at('tracefall:payload-packed'),
    longTasks: window.tracefallBench?.longTasks ?? [],
    rowCount: document.querySelectorAll('[data-testid="span-row"]').length,
  };
}

/** Time of JSON.parse on the trace payload, fetched again in this page (text first, then parse). */
export async function timeJsonParse(url) {
  const response = await fetch(url);
  const text = await response.text();
  const started = performance.now();
  const value = JSON.parse(text);
  const parseMs = performance.now() - started;
  return { parseMs, chars: text.length, spans: value?.data?.[0]?.spans?.length ?? 0 };
}

/** Scrolls the waterfall by `pxPerFrame` every animation frame for `durationMs`. */
export async function scrollTest({ pxPerFrame, durationMs }) {
  const box = document.querySelector('.waterfall-scroll');
  if (!box) throw new Error('no waterfall');
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  box.scrollTop = 0;
  for (let i = 0; i < 10; i++) await nextFrame();
  const times = [];
  const end = performance.now() + durationMs;
  for (;;) {
    const now = await nextFrame();
    times.push(now);
    if (now >= end) break;
    const max = box.scrollHeight - box.clientHeight;
    box.scrollTop = box.scrollTop + pxPerFrame >= max ? 0 : box.scrollTop + pxPerFrame;
  }
  let worstMs = 0;
  for (let i = 1; i < times.length; i++) worstMs = Math.max(worstMs, times[i] - times[i - 1]);
  const elapsedMs = times[times.length - 1] - times[0];
  return {
    fps: ((times.length - 1) * 1000) / elapsedMs,
    worstFrameMs: worstMs,
    frames: times.length,
  };
}

/**
 * Types `text` into the filter (one input event, as a paste would) and waits for the match
 * count to show, then for the next frame. Starts from an empty filter.
 */
export async function filterLatency({ text, timeoutMs }) {
  const input = document.querySelector('[data-testid="filter-text"]');
  if (!input) throw new Error('no filter input');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  // The count carries data-value once the answer for the current text is in (not while pending).
  const countOf = () => document.querySelector('[data-testid="filter-match-count"][data-value]');
  const anyCount = () => document.querySelector('[data-testid="filter-match-count"]');
  const type = (value) => {
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  type('');
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  for (let i = 0; i < 5 && anyCount(); i++) await nextFrame();
  const started = performance.now();
  type(text);
  const count = await new Promise((resolve, reject) => {
    const check = () => {
      const element = countOf();
      if (element) {
        observer.disconnect();
        resolve(Number(element.getAttribute('data-value')));
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no match count after ${timeoutMs} ms`));
    }, timeoutMs);
    check();
  });
  await nextFrame();
  const latencyMs = performance.now() - started;
  type('');
  return { latencyMs, count };
}

/** Heap of the page's main JavaScript isolate (needs --enable-precise-memory-info). */
export function mainHeapBytes() {
  return performance.memory?.usedJSHeapSize ?? NaN;
}
