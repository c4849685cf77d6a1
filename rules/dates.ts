/**
 * Dates a rule or set is in force (`dates` in a pack): checked at the moment of each check, in the
 * operator's own time zone, so a composer left open over midnight on 3/11 starts warning at 00:00.
 */
import { type DateSpec, WEEKDAYS } from './schema';

/** A local calendar day. */
export interface Day {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0 = Sunday */
  weekday: number;
}

export function dayOf(date: Date): Day {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), weekday: date.getDay() };
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthDay = (d: Day) => `${pad(d.month)}-${pad(d.day)}`;
const full = (d: Day) => `${d.year}-${monthDay(d)}`;

/** Whether `spec` ("MM-DD" or "YYYY-MM-DD") is `day`, or on which side of it it lies. */
function compare(spec: string, d: Day): number {
  const own = spec.length === 5 ? monthDay(d) : full(d);
  return own < spec ? -1 : own > spec ? 1 : 0;
}

function daysInMonth(year: number, month: number): number {
  return new Date(year, month, 0).getDate();
}

/** The day of the month of the n-th (or last) `weekday` in that month. */
function nthWeekday(year: number, month: number, weekday: number, week: number | 'last'): number {
  const firstWeekday = new Date(year, month - 1, 1).getDay();
  const first = 1 + ((weekday - firstWeekday + 7) % 7);
  if (week !== 'last') return first + 7 * (week - 1);
  let day = first;
  while (day + 7 <= daysInMonth(year, month)) day += 7;
  return day;
}

export function matchesDate(spec: DateSpec, d: Day): boolean {
  if ('on' in spec) return compare(spec.on, d) === 0;
  if ('from' in spec) {
    const afterStart = compare(spec.from, d) >= 0;
    const beforeEnd = compare(spec.to, d) <= 0;
    // "12-28" to "01-03" crosses New Year: either side is enough.
    const wraps = spec.from.length === 5 && spec.to.length === 5 && spec.from > spec.to;
    return wraps ? afterStart || beforeEnd : afterStart && beforeEnd;
  }
  if (d.month !== spec.month) return false;
  const start = nthWeekday(d.year, spec.month, WEEKDAYS.indexOf(spec.weekday), spec.week);
  return d.day >= start && d.day < start + spec.days;
}

/** The first spec that holds on `day`, or undefined. */
export function dateInForce(specs: readonly DateSpec[], d: Day): DateSpec | undefined {
  return specs.find((spec) => matchesDate(spec, d));
}
