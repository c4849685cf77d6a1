/**
 * The day the evaluation checks a text on when the text carries none (`postedOn`, and every real post): an
 * ordinary day (no day of mourning or remembrance in en or ja), so rules limited to dates never make a
 * result depend on the day it runs.
 */
export const DEFAULT_DAY = '2025-06-04';

/** Noon UTC: the same calendar day in every time zone from UTC-11 to UTC+11. */
export function dayAt(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}
