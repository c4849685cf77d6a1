/**
 * Work a page does without freezing it: steps run in the browser's idle moments, a few at a time,
 * and the result arrives once all are done.
 */
export interface IdleDeadlineLike {
  timeRemaining(): number;
}
export type IdleScheduler = (slice: (deadline: IdleDeadlineLike) => void) => void;

/** A frame's worth of time where `requestIdleCallback` is missing (Safari, test DOMs). */
const FALLBACK_SLICE_MS = 12;

export const whenIdle: IdleScheduler = (slice) => {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(slice, { timeout: 1000 });
    return;
  }
  setTimeout(() => {
    const end = performance.now() + FALLBACK_SLICE_MS;
    slice({ timeRemaining: () => Math.max(0, end - performance.now()) });
  }, 0);
};

/**
 * Takes `steps` in idle slices (at least one step per slice, so a busy page still progresses) and
 * hands every value to `onDone` at the end. Returns a cancel function: after it, nothing more runs.
 */
export function drainWhenIdle<T>(
  steps: Iterator<T>,
  onDone: (values: T[]) => void,
  schedule: IdleScheduler = whenIdle,
): () => void {
  const values: T[] = [];
  let cancelled = false;
  const slice = (deadline: IdleDeadlineLike) => {
    if (cancelled) return;
    do {
      const next = steps.next();
      if (next.done) {
        onDone(values);
        return;
      }
      values.push(next.value);
    } while (deadline.timeRemaining() > 1);
    schedule(slice);
  };
  schedule(slice);
  return () => {
    cancelled = true;
  };
}
