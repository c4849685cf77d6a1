import { describe, expect, it } from 'vitest';
import { check, matched } from '../../helpers/pack';

describe('pattern', () => {
  it('matches on the width-folded draft and maps back to the original characters', () => {
    const rule = { id: 'p', kind: 'pattern', pattern: '\\{\\{[^}]{0,40}\\}\\}' };
    const text = 'Join us on ｛｛date｝｝!';
    const [finding] = check([rule], text);
    expect(text.slice(finding!.start, finding!.end)).toBe('｛｛date｝｝');
  });

  it('runs several expressions and full-width digits match \\d', () => {
    const rule = { id: 'p', kind: 'pattern', pattern: ['年利\\d{1,3}%', 'will (double|triple)'] };
    expect(matched([rule], '年利１０％確実！This WILL double.')).toEqual(['年利１０％', 'WILL double']);
  });

  it('refuses to compile a pattern that could freeze a page', () => {
    expect(() => matched([{ id: 'evil', kind: 'pattern', pattern: '(a+)+$' }], 'aaaa')).toThrow(/unbounded repetition/);
  });

  it('shares exceptions and co-occurrence with terms', () => {
    const rule = { id: 'p', kind: 'pattern', pattern: '\\d{1,3}%', exceptions: ['綿100%'], with: { terms: ['効果'] } };
    expect(matched([rule], '綿100%。効果100%')).toEqual(['100%']);
    expect(matched([rule], '100%')).toEqual([]);
  });

  it('runs on the draft without its invisible characters, and takes a basis', () => {
    const rule = {
      id: 'p',
      kind: 'pattern',
      pattern: '\\d{1,3}% (of users )?satisfied',
      basis: { pattern: 'survey of \\d{1,9}' },
    };
    expect(check([rule], 'Over 98% sat\u00adisfied!').map((f) => [f.start, f.end])).toEqual([[5, 19]]);
    expect(matched([rule], '98% satisfied (survey of 1,200 users)')).toEqual([]);
  });
});
