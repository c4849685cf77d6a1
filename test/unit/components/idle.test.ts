import { describe, expect, it, vi } from 'vitest';
import { drainWhenIdle, type IdleScheduler } from '../../../components/idle';

/** A scheduler the test drives: each queued slice runs when `run` is called, with a fixed budget. */
function manualScheduler() {
  const queue: Parameters<IdleScheduler>[0][] = [];
  let budget = 0;
  const schedule: IdleScheduler = (slice) => queue.push(slice);
  const run = (steps: number) => {
    // timeRemaining() is read after each step: `steps` steps fit in this slice.
    let left = steps;
    budget = 0;
    queue.shift()?.({ timeRemaining: () => (--left > 0 ? 10 : budget) });
  };
  return { schedule, run, pending: () => queue.length };
}

function* count(to: number, seen: number[]) {
  for (let i = 1; i <= to; i++) {
    seen.push(i);
    yield i;
  }
}

describe('drainWhenIdle', () => {
  it('runs as many steps as a slice has time for, yields between slices, and hands over every value at the end', () => {
    const { schedule, run, pending } = manualScheduler();
    const seen: number[] = [];
    const done = vi.fn();
    drainWhenIdle(count(5, seen), done, schedule);
    expect(seen).toEqual([]);
    run(2);
    expect(seen).toEqual([1, 2]);
    expect(done).not.toHaveBeenCalled();
    expect(pending()).toBe(1);
    run(1);
    expect(seen).toEqual([1, 2, 3]);
    run(10);
    expect(done).toHaveBeenCalledWith([1, 2, 3, 4, 5]);
    expect(pending()).toBe(0);
  });

  it('still takes one step in a slice with no time left, so a busy page makes progress', () => {
    const { schedule, run } = manualScheduler();
    const seen: number[] = [];
    drainWhenIdle(count(3, seen), () => {}, schedule);
    run(0);
    expect(seen).toEqual([1]);
  });

  it('stops when cancelled: no more steps, no result', () => {
    const { schedule, run, pending } = manualScheduler();
    const seen: number[] = [];
    const done = vi.fn();
    const cancel = drainWhenIdle(count(5, seen), done, schedule);
    run(1);
    cancel();
    run(10);
    expect(seen).toEqual([1]);
    expect(done).not.toHaveBeenCalled();
    expect(pending()).toBe(0);
  });

  it('hands over an empty list when there is nothing to do', () => {
    const { schedule, run } = manualScheduler();
    const done = vi.fn();
    drainWhenIdle(count(0, []), done, schedule);
    run(1);
    expect(done).toHaveBeenCalledWith([]);
  });
});
