/**
 * JS heap of the page and of its workers through the Chrome DevTools Protocol, after a forced
 * garbage collection. Workers are reached from a browser-level session (Playwright gives no
 * page-level session for them), with Target.sendMessageToTarget.
 */

/**
 * Heap of the page's main isolate after GC, in bytes: `used` is the JS heap, `buffers` the
 * ArrayBuffer backing stores V8 keeps outside it (typed-array columns, raw payload bytes).
 */
export async function pageHeapBytes(page) {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    const usage = await session.send('Runtime.getHeapUsage');
    return { used: usage.usedSize, buffers: usage.backingStorageSize ?? NaN };
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** Sum over every dedicated worker in the browser, after GC, as `pageHeapBytes`; NaN when unreachable. */
export async function workerHeapBytes(browser) {
  let session;
  try {
    session = await browser.newBrowserCDPSession();
    const { targetInfos } = await session.send('Target.getTargets');
    const total = { used: 0, buffers: 0 };
    for (const target of targetInfos.filter((t) => t.type === 'worker')) {
      const { sessionId } = await session.send('Target.attachToTarget', {
        targetId: target.targetId,
        flatten: false,
      });
      await sendToTarget(session, sessionId, 'HeapProfiler.collectGarbage', {});
      const usage = await sendToTarget(session, sessionId, 'Runtime.getHeapUsage', {});
      total.used += usage?.usedSize ?? NaN;
      total.buffers += usage?.backingStorageSize ?? NaN;
      await session.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    }
    return total;
  } catch {
    return { used: NaN, buffers: NaN };
  } finally {
    await session?.detach().catch(() => undefined);
  }
}

let nextId = 1;

function sendToTarget(session, sessionId, method, params) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      session.off('Target.receivedMessageFromTarget', onMessage);
      reject(new Error(`${method}: no answer from the worker`));
    }, 20_000);
    function onMessage(event) {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message);
      if (message.id !== id) return;
      clearTimeout(timer);
      session.off('Target.receivedMessageFromTarget', onMessage);
      if (message.error) reject(new Error(message.error.message));
      else resolve(message.result);
    }
    session.on('Target.receivedMessageFromTarget', onMessage);
    session
      .send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      })
      .catch(reject);
  });
}
