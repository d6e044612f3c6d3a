/**
 * One trace size through the real page: open it, wait for the first row and the derived data,
 * then measure heap, long tasks, JSON.parse of the same payload, scrolling and filtering.
 * Returns plain figures; scripts/bench.mjs prints and records them.
 */
import { pageHeapBytes, workerHeapBytes } from './cdp-heap.mjs';
import { rendererPrivateBytes } from './proc-memory.mjs';
import {
  filterLatency,
  installObservers,
  readMarks,
  scrollTest,
  timeJsonParse,
} from './page-metrics.mjs';

const FILTER_QUERIES = ['op-17', 'http.method=post', 'upstream returned'];

/**
 * @param {{ browser: import('playwright-core').Browser, appUrl: string, traceId: string,
 *   spanCount: number, timeoutMs: number, canParseJson: boolean, isStreamed: boolean }} options
 */
export async function benchTracePage(options) {
  const { browser, appUrl, traceId, timeoutMs } = options;
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.addInitScript(installObservers);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const out = { errors };
  try {
    await page.goto(`${appUrl}/trace/jaeger/${traceId}`, {
      waitUntil: 'commit',
      timeout: timeoutMs,
    });
    // Waited for through a bare CDP evaluation: Playwright's waitForFunction would first load
    // its injected script into the page, some 50 ms of main-thread work in the middle of the load.
    const cdp = await context.newCDPSession(page);
    await waitForMark(cdp, 'tracefall:first-row', timeoutMs);
    await waitForMark(cdp, 'tracefall:trace-derived', timeoutMs).catch(() => undefined);
    // A streamed payload (over 4 MB) is packed in idle time after that: memory is measured
    // once it is, as the page stays from then on.
    if (options.isStreamed) {
      await waitForMark(cdp, 'tracefall:payload-packed', timeoutMs).catch(() => undefined);
    }
    await cdp.detach().catch(() => undefined);
    // Let whatever the page does after the derived data (panels, minimap) settle.
    await page.waitForTimeout(1500);
    Object.assign(out, await page.evaluate(readMarks));
    const mainHeap = await pageHeapBytes(page);
    const workerHeap = await workerHeapBytes(browser);
    out.heapMainBytes = mainHeap.used;
    out.heapWorkerBytes = workerHeap.used;
    out.buffersBytes = mainHeap.buffers + workerHeap.buffers;
    out.buffersMainBytes = mainHeap.buffers;
    out.rendererBytes = rendererPrivateBytes();
    out.scroll100 = await page.evaluate(scrollTest, { pxPerFrame: 100, durationMs: 2000 });
    out.scroll1000 = await page.evaluate(scrollTest, { pxPerFrame: 1000, durationMs: 2000 });
    out.filters = [];
    for (const text of FILTER_QUERIES) {
      out.filters.push({
        text,
        ...(await page.evaluate(filterLatency, { text, timeoutMs: 30_000 })),
      });
    }
    if (options.canParseJson) {
      const url = `${appUrl}/api/sources/jaeger/api/traces/${traceId}`;
      out.jsonParse = await page.evaluate(timeJsonParse, url);
    }
    out.isAlive = await page.evaluate(
      () => document.querySelectorAll('[data-testid="span-row"]').length > 0,
    );
  } catch (error) {
    out.failure = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await context.close().catch(() => undefined);
  }
  return out;
}

/** Resolves once the page has a performance mark `name` (checked every 20 ms, in the page). */
async function waitForMark(cdp, name, timeoutMs) {
  const expression = `new Promise((resolve, reject) => {
    const until = performance.now() + ${Number(timeoutMs)};
    const check = () => {
      if (performance.getEntriesByName(${JSON.stringify(name)}).length > 0) resolve(true);
      else if (performance.now() > until) reject(new Error('timed out waiting for ${name}'));
      else setTimeout(check, 20);
    };
    check();
  })`;
  const { exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    awaitPromise: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? `no ${name}`);
}
