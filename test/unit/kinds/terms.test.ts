import { describe, expect, it } from 'vitest';
import { check, matched } from '../../helpers/pack';

const rule = (extra: Record<string, unknown> = {}) => ({
  id: 'r',
  kind: 'terms',
  terms: ['guaranteed returns', '元本保証', 'no risk'],
  ...extra,
});

describe('terms', () => {
  it('is case- and width-insensitive and reports offsets in the draft', () => {
    const text = 'Ｇｕａｒａｎｔｅｅｄ RETURNS for all';
    const [finding] = check([rule()], text);
    expect(finding).toMatchObject({ ruleId: 'r', start: 0, end: 18, excerpt: 'Ｇｕａｒａｎｔｅｅｄ RETURNS' });
    expect(finding?.message).toBe('Found Ｇｕａｒａｎｔｅｅｄ RETURNS');
  });

  it('matches half-width katakana as full-width', () => {
    expect(matched([{ id: 'k', kind: 'terms', terms: ['キャンペーン'] }], '夏のｷｬﾝﾍﾟｰﾝ開始')).toEqual(['ｷｬﾝﾍﾟｰﾝ']);
  });

  it('is whole-word for Latin and substring for Japanese', () => {
    expect(matched([rule()], 'no risks; no risk. 元本保証型')).toEqual(['no risk', '元本保証']);
  });

  it('can be case-sensitive, with a suggestion per term', () => {
    const brand = {
      id: 'b',
      kind: 'terms',
      caseSensitive: true,
      terms: [{ term: 'Youtube', suggest: 'YouTube' }],
      message: 'Write {suggestion}, not {match}',
    };
    const findings = check([brand], 'Youtube, YouTube, youtube');
    expect(findings.map((f) => [f.excerpt, f.message, f.suggestions])).toEqual([
      ['Youtube', 'Write YouTube, not Youtube', ['YouTube']],
    ]);
  });

  it('lets a term carry its own severity, message and manual section', () => {
    const pack = {
      id: 'p',
      kind: 'terms',
      terms: [
        'mild',
        { term: 'severe', severity: 'block', message: { en: 'Never {match}', ja: '{match}は不可' }, manual: 'other' },
      ],
    };
    const findings = check([pack], 'mild and severe', { locale: 'ja' });
    expect(findings.map((f) => [f.excerpt, f.severity, f.message])).toEqual([
      ['mild', 'warn', 'mildがあります'],
      ['severe', 'block', 'severeは不可'],
    ]);
  });

  it('prefers the longest of overlapping terms', () => {
    expect(
      matched([{ id: 'o', kind: 'terms', terms: ['guaranteed', 'guaranteed returns'] }], 'guaranteed returns'),
    ).toEqual(['guaranteed returns']);
  });

  it('skips matches inside exceptions (綿100%, 100% cotton)', () => {
    const absolute = { id: 'a', kind: 'terms', terms: ['100%'], exceptions: ['綿100%', '100% cotton'] };
    expect(matched([absolute], '綿100%のシャツ、100% cotton tee, 100% effective')).toEqual(['100%']);
    expect(check([absolute], '100% effective')[0]?.start).toBe(0);
  });

  it('reports co-occurring terms only when both lists appear, within a distance if asked', () => {
    const promo = { id: 'd', kind: 'terms', terms: ['sale', 'セール'], with: { terms: ['hurricane', '台風'] } };
    expect(matched([promo], 'Big sale today')).toEqual([]);
    expect(matched([promo], 'Hurricane sale! 30% off')).toEqual(['sale']);
    expect(matched([promo], '台風に負けるな！セール開催')).toEqual(['セール']);
    const near = { ...promo, with: { terms: ['hurricane'], within: 10 } };
    expect(matched([near], `hurricane ${'x'.repeat(40)} sale`)).toEqual([]);
  });

  it('drops a match that a nearby negation cancels', () => {
    const guarantee = {
      id: 'g',
      kind: 'terms',
      terms: ['guarantee', 'guaranteed', '保証されます'],
      negation: { before: ['not', 'does not', 'no'], after: ['ものではありません'], within: 12 },
    };
    expect(matched([guarantee], 'Past performance does not guarantee future results.')).toEqual([]);
    expect(matched([guarantee], 'Returns are guaranteed.')).toEqual(['guaranteed']);
    expect(matched([guarantee], 'We cannot say it is not true, but guaranteed!')).toEqual(['guaranteed']);
  });

  it('suppresses a match when a `without` term is present', () => {
    const gift = { id: 'w', kind: 'terms', terms: ['gifted'], without: { terms: ['#ad'] } };
    expect(matched([gift], 'gifted by @brand')).toEqual(['gifted']);
    expect(matched([gift], '#ad gifted by @brand')).toEqual([]);
  });

  it('limits the findings per draft', () => {
    expect(matched([{ id: 'l', kind: 'terms', terms: ['x'], limit: 2 }], 'x x x x')).toEqual(['x', 'x']);
  });
});
