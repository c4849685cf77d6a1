import { describe, expect, it } from 'vitest';
import { dayOf, matchesDate } from '../../rules/dates';
import { compilePacks, loadPack } from '../../rules/index';
import type { DateSpec } from '../../rules/schema';
import { testPack } from '../helpers/pack';

const on = (iso: string) => dayOf(new Date(`${iso}T12:00:00`));

describe('dates', () => {
  it('matches a yearly day, a day of one year, and ranges that may cross New Year', () => {
    const yearly: DateSpec = { on: '03-11' };
    expect(matchesDate(yearly, on('2027-03-11'))).toBe(true);
    expect(matchesDate(yearly, on('2027-03-12'))).toBe(false);
    expect(matchesDate({ on: '2026-12-10' }, on('2026-12-10'))).toBe(true);
    expect(matchesDate({ on: '2026-12-10' }, on('2027-12-10'))).toBe(false);
    const range: DateSpec = { from: '08-06', to: '08-15' };
    expect(
      [on('2026-08-05'), on('2026-08-06'), on('2026-08-15'), on('2026-08-16')].map((d) => matchesDate(range, d)),
    ).toEqual([false, true, true, false]);
    const newYear: DateSpec = { from: '12-28', to: '01-03' };
    expect(
      [on('2026-12-27'), on('2026-12-31'), on('2027-01-03'), on('2027-01-04')].map((d) => matchesDate(newYear, d)),
    ).toEqual([false, true, true, false]);
  });

  it('finds the n-th and the last weekday of a month (Memorial Day, Remembrance Sunday)', () => {
    const memorial: DateSpec = { month: 5, weekday: 'mon', week: 'last', days: 1 };
    expect(matchesDate(memorial, on('2026-05-25'))).toBe(true);
    expect(matchesDate(memorial, on('2026-05-18'))).toBe(false);
    expect(matchesDate(memorial, on('2027-05-31'))).toBe(true);
    const remembrance: DateSpec = { month: 11, weekday: 'sun', week: 2, days: 1 };
    expect(matchesDate(remembrance, on('2026-11-08'))).toBe(true);
    expect(matchesDate(remembrance, on('2026-11-01'))).toBe(false);
  });

  it('runs a dated rule only on its dates, naming the occasion, and a dated set likewise', () => {
    const pack = testPack(
      [
        {
          id: 'dated.promo',
          kind: 'terms',
          terms: ['sale'],
          message: { en: 'A sale on {occasion}', ja: '{occasion}にセール' },
          dates: [{ on: '03-11', label: { en: 'the anniversary of the 2011 earthquake', ja: '東日本大震災の日' } }],
        },
        { id: 'set.dated', kind: 'terms', terms: ['deal'], set: 'dated' },
      ],
      {
        sets: [
          { id: 'main', title: 'Main' },
          { id: 'dated', title: 'Dated', dates: [{ from: '09-01', to: '09-02' }] },
        ],
      },
    );
    const checker = compilePacks([pack]);
    const at = (iso: string, locale = 'en') =>
      checker.check('sale deal', { now: new Date(`${iso}T09:00:00`), locale }).map((f) => [f.ruleId, f.message]);
    expect(at('2027-03-11')).toEqual([['dated.promo', 'A sale on the anniversary of the 2011 earthquake']]);
    expect(at('2027-03-11', 'ja')).toEqual([['dated.promo', '東日本大震災の日にセール']]);
    expect(at('2027-03-12')).toEqual([]);
    expect(at('2027-09-02').map(([id]) => id)).toEqual(['set.dated']);
  });

  it('refuses a range that mixes yearly and one-off days, or runs backwards', () => {
    const pack = (dates: unknown) =>
      JSON.stringify({
        id: 'p',
        name: 'P',
        version: '1.0.0',
        locales: ['en'],
        sets: [{ id: 'main', title: 'Main', dates }],
      });
    expect(() => loadPack(pack([{ from: '03-01', to: '2026-03-02' }]), 'p.json')).toThrow(
      /sets\[0\]\.dates\[0\]: `from` and `to` are both/,
    );
    expect(() => loadPack(pack([{ from: '2026-03-02', to: '2026-03-01' }]), 'p.json')).toThrow(/`from` is after `to`/);
    expect(() => loadPack(pack([{ on: '3/11' }]), 'p.json')).toThrow(/MM-DD/);
  });
});
