import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayAt } from '../../scripts/eval-day';
import { flagShares, type RealPost } from '../../scripts/real-posts';

// A laugh is ordinary on most days and a warning on a day of mourning (risk.mourning-day-joke, 7 December).
const posts: RealPost[] = [{ id: 'p1', source: 'sample', lang: 'en', platform: 'x', text: 'Monday again lol' }];
const flagged = (shares: ReturnType<typeof flagShares>) => shares.reduce((n, share) => n + share.flagged, 0);

describe('real posts', () => {
  afterEach(() => vi.useRealTimers());

  it("are checked on the evaluation's ordinary day, whatever day it runs", () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T09:00:00Z'));
    expect(flagged(flagShares(posts))).toBe(0);
  });

  it('are checked on the day asked for', () => {
    expect(flagged(flagShares(posts, dayAt('2025-12-07')))).toBe(1);
  });
});
