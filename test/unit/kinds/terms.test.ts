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

  it('lets a verb’s negation reach every item of the list it heads, and no further', () => {
    const cure = {
      id: 'c',
      kind: 'terms',
      terms: ['cure', 'cures', 'guaranteed'],
      negation: { before: ['does not', "doesn't", 'no', 'not'], within: 24 },
    };
    expect(matched([cure], 'It does not treat, cure or prevent any disease.')).toEqual([]);
    expect(matched([cure], 'It does not diagnose, treat, cure or prevent any disease.')).toEqual([]);
    // a list needs its conjunction, a verb's negation and no contrast
    expect(matched([cure], 'It does not sting, cures acne fast.')).toEqual(['cures']);
    expect(matched([cure], 'No fees, guaranteed returns and fast payouts.')).toEqual(['guaranteed']);
    expect(matched([cure], 'It does not sting, but cures and soothes.')).toEqual(['cures']);
    const treat = {
      id: 't',
      kind: 'terms',
      terms: ['治療'],
      negation: { after: ['を目的としたものではありません', 'ない'], within: 24, afterKanaOnly: true },
    };
    expect(matched([treat], '病気の治療や予防を目的としたものではありません。')).toEqual([]);
    expect(matched([treat], '病気の治療・予防・診断を目的としたものではありません。')).toEqual([]);
    expect(matched([treat], '病気の治療、予防を目的としたものではありません。')).toEqual([]);
    // a clause's end is no list's: 「治療できます、今までにない」, 「治療、始めない?」 (a verb after the comma)
    expect(matched([treat], '治療できます、今までにないサプリです。')).toEqual(['治療']);
    expect(matched([treat], '治療、始めない?')).toEqual(['治療']);
    // a kanji word that is no list item still keeps the claim: 「治療する今までにない」
    expect(matched([treat], '治療できる今までにないサプリです。')).toEqual(['治療']);
  });

  it('suppresses a match when a `without` term is present', () => {
    const gift = { id: 'w', kind: 'terms', terms: ['gifted'], without: { terms: ['#ad'] } };
    expect(matched([gift], 'gifted by @brand')).toEqual(['gifted']);
    expect(matched([gift], '#ad gifted by @brand')).toEqual([]);
  });

  it('takes several `without` windows, each with its own reach', () => {
    const overclaim = {
      id: 'o',
      kind: 'terms',
      terms: ['removes wrinkles'],
      without: [{ terms: ['the look of'], within: 1 }, { terms: ['banned for'] }],
    };
    expect(matched([overclaim], 'Removes wrinkles overnight.')).toEqual(['Removes wrinkles']);
    // the permitted wording reaches only the match beside it
    expect(matched([overclaim], 'Smooths the look of lines. Removes wrinkles overnight.')).toEqual([
      'Removes wrinkles',
    ]);
    expect(matched([overclaim], 'Smooths the look of removes wrinkles')).toEqual([]);
    // the ruling's words reach the whole draft
    expect(matched([overclaim], 'A cream was banned for saying it removes wrinkles.')).toEqual([]);
  });

  it('limits the findings per draft', () => {
    expect(matched([{ id: 'l', kind: 'terms', terms: ['x'], limit: 2 }], 'x x x x')).toEqual(['x', 'x']);
  });

  it('matches katakana and hiragana as one script, with offsets in the draft', () => {
    const rules = [{ id: 'k', kind: 'terms', terms: ['がん予防', 'シミ'] }];
    const text = '毎日一杯でガン予防！しみが消える';
    expect(check(rules, text).map((f) => [f.start, f.end, f.excerpt])).toEqual([
      [5, 9, 'ガン予防'],
      [10, 12, 'しみ'],
    ]);
  });

  it('is not hidden by invisible characters inside a term or an emoji before it', () => {
    const rules = [{ id: 'i', kind: 'terms', terms: ['guaranteed returns', '元本保証'] }];
    const spans = (text: string) => check(rules, text).map((f) => [f.start, f.end]);
    expect(spans('Guaran\u00adteed returns')).toEqual([[0, 19]]);
    expect(spans('Get guaran\u200bteed\u2060 re\u200dturns now')).toEqual([[4, 25]]);
    expect(spans('\u2764\ufe0fGuaranteed returns')).toEqual([[2, 20]]);
    expect(spans('1\ufe0f\u20e3Guaranteed returns')).toEqual([[3, 21]]);
    expect(spans('\u{1f680}\u{1f3fd}Guaranteed returns')).toEqual([[4, 22]]);
    expect(spans('元本\ufe0e保\u{e0100}証')).toEqual([[0, 7]]);
    // A letter glued on still ends the word: invisible characters do not make words of their own.
    expect(spans('Guaran\u00adteed returnsx')).toEqual([]);
  });

  it('lets a claim with its basis in the draft pass (basis)', () => {
    const claim = { id: 'n1', kind: 'terms', terms: ['No.1', '満足度'] };
    const rules = [{ ...claim, basis: { pattern: '※.{0,30}(調べ|調査)', terms: ['source:'] } }];
    expect(matched(rules, '満足度98%！顧客満足度No.1')).toEqual(['満足度', '満足度', 'No.1']);
    expect(matched(rules, '満足度98%！※2025年当社調べ')).toEqual([]);
    expect(matched(rules, "Japan's No.1 sunscreen. Source: Example Research, 2025")).toEqual([]);
    const near = [{ ...claim, basis: { terms: ['※1'], within: 10 } }];
    expect(matched(near, `No.1※1 ${'x'.repeat(20)} No.1`)).toEqual(['No.1']);
  });

  it('can count a Japanese negation only when kana join it to the match (afterKanaOnly)', () => {
    const rule = (afterKanaOnly: boolean) => ({
      id: 'g',
      kind: 'terms',
      terms: ['元本保証'],
      negation: { after: ['ない'], within: 12, afterKanaOnly },
    });
    expect(matched([rule(true)], '元本保証ではない')).toEqual([]);
    expect(matched([rule(true)], '元本保証の今までにない商品')).toEqual(['元本保証']);
    expect(matched([rule(false)], '元本保証の今までにない商品')).toEqual([]);
  });

  it('reads the ない of a tag question as no negation (「無能すぎない？」 asserts)', () => {
    const rule = {
      id: 'q',
      kind: 'terms',
      terms: ['無能', '治る'],
      negation: { after: ['ない'], within: 12, afterKanaOnly: true },
    };
    expect(matched([rule], '店長って無能すぎない？')).toEqual(['無能']);
    expect(matched([rule], 'これで腰痛が治るんじゃないですか?')).toEqual(['治る']);
    // A plain question or statement keeps its negation: 「治らない？」 asks about a problem, it claims nothing.
    expect(matched([rule], '店長は無能ではない。')).toEqual([]);
    expect(matched([rule], 'これで治るわけじゃない。')).toEqual([]);
  });

  it('reads a negation that turns the next word around as no negation ("let\'s not forget", "not only")', () => {
    const rule = {
      id: 'a',
      kind: 'terms',
      terms: ['yelling at our staff', 'cures acne'],
      negation: { before: ['not', "can't"], within: 24 },
    };
    expect(matched([rule], "Let's not forget you were yelling at our staff")).toEqual(['yelling at our staff']);
    expect(matched([rule], 'It not only cures acne, it soothes')).toEqual(['cures acne']);
    expect(matched([rule], "I can't believe it cures acne")).toEqual(['cures acne']);
    expect(matched([rule], 'It does not cure acne and is not cures acne')).toEqual([]);
    const denial = { ...rule, negation: { before: ["don't", 'never'], within: 24 } };
    expect(matched([denial], "Don't believe it cures acne")).toEqual([]);
    expect(matched([denial], "Don't forget: it cures acne")).toEqual(['cures acne']);
  });
});
