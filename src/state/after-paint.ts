/**
 * Runs `task` once the next frame has been painted: the animation frame callback runs before
 * the frame, a message posted from it is handled after (a message, not a timeout: timeouts may
 * be clamped). At once where there are no frames (tests, workers).
 */
export function afterNextPaint(task: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    task();
    return;
  }
  requestAnimationFrame(() => {
    if (typeof MessageChannel !== 'function') {
      setTimeout(task, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.addEventListener('message', () => {
      channel.port1.close();
      task();
    });
    channel.port1.start();
    channel.port2.postMessage(undefined);
  });
}
