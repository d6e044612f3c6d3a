/**
 * Runs `task` once the next frame has been painted: the animation frame callback runs before
 * the frame, a task queued from it after. At once where there are no frames (tests, workers).
 */
export function afterNextPaint(task: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    task();
    return;
  }
  requestAnimationFrame(() => setTimeout(task, 0));
}
