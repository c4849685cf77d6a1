import { describe, expect, it } from 'vitest';
import { compilePacks, runExamples } from '../../../rules/index';
import { check, matched, testPack } from '../../helpers/pack';

const health = (extra: Record<string, unknown> = {}) => ({
  id: 'c',
  kind: 'claim',
  subject: ['アトピー', 'ガン', 'eczema', 'arthritis pain'],
  predicate: ['改善', '治る', '予防', 'clears up', 'relieves'],
  message: { en: '{predicate} {subject}: "{match}"', ja: '{subject}が{predicate}' },
  ...extra,
});

describe('claim', () => {
  it('finds a subject and a predicate in either order, spanning both, and names both', () => {
    const text = 'アトピーが改善しました。This clears up eczema fast.';
    const findings = check([health()], text);
    expect(findings.map((f) => [f.start, f.end, f.excerpt, f.message])).toEqual([
      [0, 7, 'アトピーが改善', '改善 アトピー: "アトピーが改善"'],
      [17, 33, 'clears up eczema', 'clears up eczema: "clears up eczema"'],
    ]);
  });

  it('keeps to one clause and to `within` characters', () => {
    expect(matched([health()], 'アトピー。改善')).toEqual([]);
    expect(matched([health()], 'アトピー、改善')).toEqual(['アトピー、改善']);
    expect(matched([health()], 'eczema.\nRelieves')).toEqual([]);
    expect(matched([health({ crossClause: true })], 'eczema. Relieves')).toEqual(['eczema. Relieves']);
    // an ellipsis trails a clause off; it does not end one, spaced or not
    expect(matched([health()], 'relieves . . . eczema')).toEqual(['relieves . . . eczema']);
    expect(matched([health()], 'relieves... eczema')).toEqual(['relieves... eczema']);
    expect(matched([health()], 'relieves. Eczema')).toEqual([]);
    expect(matched([health()], `eczema ${'x'.repeat(18)} relieves`)).toEqual([`eczema ${'x'.repeat(18)} relieves`]);
    expect(matched([health()], `eczema ${'x'.repeat(19)} relieves`)).toEqual([]);
    expect(matched([health({ within: 30 })], `eczema ${'x'.repeat(19)} relieves`)).toHaveLength(1);
  });

  it('honours `order`', () => {
    expect(matched([health({ order: 'subject-first' })], 'relieves eczema; ガンが治る')).toEqual(['ガンが治る']);
    expect(matched([health({ order: 'predicate-first' })], 'relieves eczema; ガンが治る')).toEqual(['relieves eczema']);
  });

  it('is cancelled by a negation before, after or between its parts', () => {
    expect(matched([health()], 'ガンが治るものではありません')).toEqual([]);
    expect(matched([health()], 'This does not relieve eczema, and never relieves arthritis pain')).toEqual([]);
    expect(matched([health()], 'eczema is not relieved by it; arthritis pain: relieves')).toEqual([
      'arthritis pain: relieves',
    ]);
    // A negation in another clause does not reach the claim.
    expect(matched([health()], '副作用はない。アトピーが改善')).toEqual(['アトピーが改善']);
    // Japanese negation is joined to the verb by kana: 今までにない praises the product, it does not negate.
    expect(matched([health()], 'ガンが治るわけではない')).toEqual([]);
    expect(matched([health()], 'ガンが治ることはありません')).toEqual([]);
    expect(matched([health()], 'ガンが治る今までにない薬')).toEqual(['ガンが治る']);
    expect(matched([health()], 'ガンが治る副作用のない薬')).toEqual(['ガンが治る']);
    // A negated pair cancels the pairs that share a part with it, not the others.
    const skin = { id: 's', kind: 'claim', subject: ['シミ', 'シワ'], predicate: ['消える'], inflect: true };
    expect(matched([skin], 'シミが消える、シワは消えない')).toEqual(['シミが消える']);
    expect(matched([skin], 'シミもシワも消えません')).toEqual([]);
    // A subject denied one predicate can still be claimed by another after the denial.
    expect(matched([health()], '治るとは言えませんが、このクリームでアトピーが改善')).toEqual(['アトピーが改善']);
  });

  it("across sentences, a negation reaches the claim from the predicate's sentence only", () => {
    const across = health({
      crossClause: true,
      within: 80,
      predicate: ['relieves', 'relieved', 'cleared', 'clears up'],
    });
    // The first sentence's "not" is about the eczema before: the next sentence claims it cleared.
    expect(matched([across], 'My eczema would not go away. After a week of this balm it cleared.')).toEqual([
      'eczema would not go away. After a week of this balm it cleared',
    ]);
    expect(matched([across], 'Eczema? This balm does not clears up anything.')).toEqual([]);
    // Predicate first: the negation in the subject's sentence does not reach back either.
    expect(matched([across], 'It relieved it. That was not just any eczema')).toEqual([
      'relieved it. That was not just any eczema',
    ]);
    expect(matched([across], 'It never relieved it. That eczema')).toEqual([]);
  });

  it('takes the allow-list and co-occurrence controls', () => {
    expect(matched([health({ exceptions: ['ガン予防研究'] })], 'ガン予防研究に寄付')).toEqual([]);
    expect(matched([health({ with: { terms: ['cream'] } })], 'ガン予防')).toEqual([]);
    expect(matched([health({ with: { terms: ['cream'] } })], 'ガン予防 cream')).toEqual(['ガン予防']);
  });

  it('reports non-overlapping claims, tightest first, up to the limit', () => {
    expect(matched([health()], 'ガン予防、アトピー改善')).toEqual(['ガン予防', 'アトピー改善']);
    expect(matched([health({ limit: 1 })], 'ガン予防、アトピー改善')).toEqual(['ガン予防']);
  });

  it('takes lexicons and lemmas: one frame covers the class, in either script and any form', () => {
    const rules = [
      {
        id: 'h',
        kind: 'claim',
        subject: [{ lexicon: 'conditions' }],
        predicate: [{ lexicon: 'efficacy' }],
        message: '{subject} / {predicate}',
      },
    ];
    const lexicons = [
      { id: 'conditions', sources: ['test'], terms: ['がん', 'アトピー', '腫瘍', 'eczema', 'belly fat'] },
      {
        id: 'efficacy',
        sources: ['test'],
        inflect: true,
        terms: ['治る', '改善する', '小さくなる', 'clear up', 'melt'],
      },
    ];
    const checker = compilePacks([testPack(rules, { lexicons })]);
    const found = (text: string) => checker.check(text).map((f) => [f.start, f.end, f.message]);
    expect(found('ガンが治った')).toEqual([[0, 6, 'ガン / 治った']]);
    expect(found('腫瘍が小さくなりました')).toEqual([[0, 11, '腫瘍 / 小さくなりました']]);
    expect(found('It cleared up my eczema and melts belly fat')).toEqual([
      [3, 23, 'eczema / cleared up'],
      [28, 43, 'belly fat / melts'],
    ]);
    expect(found('アトピーを改善します')).toEqual([[0, 10, 'アトピー / 改善します']]);
    // Negated forms: the lemma's form is found, and the negation after it cancels the claim.
    expect(found('がんが治らない')).toEqual([]);
    expect(found('アトピーが改善しません')).toEqual([]);
    expect(found('がんを治せるものではありません')).toEqual([]);
    expect(found("It doesn't clear up eczema")).toEqual([]);
  });

  it("uses the rule's own negation cues instead of the built-in ones", () => {
    const rules = [health({ negation: { after: ['とは限りません'] } })];
    expect(matched(rules, 'ガンが治るとは限りません')).toEqual([]);
    expect(matched(rules, 'ガンが治らない')).toEqual([]);
    expect(matched(rules, 'does not relieve arthritis pain')).toEqual([]);
    expect(matched(rules, 'not relieves arthritis pain')).toEqual(['relieves arthritis pain']);
  });

  it('passes when the draft states the basis of the claim', () => {
    const rules = [
      {
        id: 'rank',
        kind: 'claim',
        subject: ['売上', 'satisfaction', '満足度'],
        predicate: ['日本一', 'No.1', '98%'],
        basis: { pattern: ['※.{0,40}(調べ|調査)', 'source: [^\\n]{0,80}20\\d\\d'] },
      },
    ];
    expect(matched(rules, '売上日本一のクリーム')).toEqual(['売上日本一']);
    expect(matched(rules, '売上日本一のクリーム※2025年 当社調べ')).toEqual([]);
    expect(matched(rules, 'No.1 in satisfaction')).toEqual(['No.1 in satisfaction']);
    expect(matched(rules, 'No.1 in satisfaction. Source: Example Survey, 2025')).toEqual([]);
  });

  it("checks a flag example's exact match in `pack test`", () => {
    const rule = {
      ...health(),
      examples: {
        flag: [
          { text: 'ガン予防に毎日一杯', match: 'ガン予防' },
          { text: 'It relieves eczema', match: 'relieves' },
        ],
        pass: ['ガンの研究'],
      },
    };
    const report = runExamples(testPack([rule]));
    expect(report.failures.map((f) => [f.kind, f.index, f.detail])).toEqual([
      ['flag', 1, 'should flag "relieves", but flagged "relieves eczema" (3–18): It relieves eczema'],
    ]);
  });

  it('takes patterns for a part: amounts and time units as a class', () => {
    const income = {
      id: 'money',
      kind: 'claim',
      subjectPattern: ['(月|日給|年収)\\d{1,4}万円', '\\$\\d{1,6} (a|per) (day|week|month)'],
      predicate: ['稼げる', '副業', 'make', 'earn'],
      inflect: true,
      message: '{subject} + {predicate}',
    };
    const findings = (text: string) => check([income], text).map((f) => [f.start, f.end, f.message]);
    expect(findings('副業で月50万円！')).toEqual([[0, 8, '月50万円 + 副業']]);
    expect(findings('Make $500 a day from your phone')).toEqual([[0, 15, '$500 a day + Make']]);
    expect(findings('I earned $500 a week')).toEqual([[2, 20, '$500 a week + earned']]);
    expect(findings('月50万円の家賃')).toEqual([]);
    expect(findings('副業で月50万円稼げるわけではありません')).toEqual([]);
    const predicateOnly = { ...income, subject: ['在宅'], subjectPattern: undefined, predicatePattern: '\\d{1,3}万円' };
    expect(matched([predicateOnly], '在宅で30万円')).toEqual(['在宅で30万円']);
  });
});
