import { describe, expect, it } from 'vitest';
import { compilePacks } from '../../rules/index';
import { inflect } from '../../rules/text/inflect';
import { spellings } from '../../rules/text/variants';
import { matched, testPack } from '../helpers/pack';

const lemmas = (terms: string[], extra: Record<string, unknown> = {}) => [
  { id: 'l', kind: 'terms', terms, inflect: true, ...extra },
];

describe('Japanese inflection', () => {
  it('conjugates a godan verb and brings its transitive twin (治る, 治す)', () => {
    expect(inflect('治る')).toEqual(
      expect.arrayContaining(['治る', '治ら', '治り', '治ります', '治った', '治って', '治れば', '治ろう']),
    );
    expect(inflect('治る')).toEqual(expect.arrayContaining(['治す', '治せる', '治して', '治した', '治します']));
    expect(inflect('効く')).toEqual(
      expect.arrayContaining(['効く', '効か', '効き', '効きます', '効いて', '効いた', '効ける', '効けば']),
    );
    expect(inflect('飲む')).toEqual(expect.arrayContaining(['飲んで', '飲んだ', '飲める']));
    expect(inflect('行く')).toEqual(expect.arrayContaining(['行って', '行った']));
    expect(inflect('行く')).not.toContain('行いて');
  });

  it('reaches the colloquial perfective 〜ちゃう/〜じゃう of a godan verb, so 「治っちゃった」 is a form of 治る', () => {
    expect(inflect('治る')).toEqual(expect.arrayContaining(['治っちゃ', '治しちゃ']));
    expect(inflect('飲む')).toContain('飲んじゃ');
    expect(inflect('効く')).toContain('効いちゃ');
    expect(matched(lemmas(['治る']), 'アトピーが治っちゃった')).toEqual(['治っちゃ']);
  });

  it('tells ichidan from godan verbs ending in る', () => {
    expect(inflect('消える')).toEqual(
      expect.arrayContaining(['消え', '消えた', '消えます', '消えれば', '消す', '消せる']),
    );
    expect(inflect('消える')).not.toContain('消えら');
    expect(inflect('下がる')).toEqual(expect.arrayContaining(['下がら', '下がった', '下げ', '下げる', '下げた']));
    expect(inflect('減る')).toEqual(expect.arrayContaining(['減ら', '減った', '減らす', '減らした']));
    // One-kanji ichidan stems (見) are never a form on their own.
    expect(inflect('見る')).toEqual(expect.arrayContaining(['見る', '見た', '見ます']));
    expect(inflect('見る')).not.toContain('見');
    expect(inflect('かえる')).toContain('かえった');
  });

  it('conjugates する and 来る compounds and i-adjectives', () => {
    expect(inflect('改善する')).toEqual(
      expect.arrayContaining(['改善', '改善し', '改善した', '改善します', '改善され', '改善できる', '改善すれば']),
    );
    expect(inflect('やって来る')).toEqual(expect.arrayContaining(['やって来た', 'やって来ます']));
    expect(inflect('増えてくる')).toEqual(expect.arrayContaining(['増えてきた', '増えてきます']));
    expect(inflect('高い')).toEqual(
      expect.arrayContaining(['高い', '高く', '高くて', '高かった', '高ければ', '高くなる']),
    );
    expect(inflect('いい')).toEqual(expect.arrayContaining(['よかった', 'よければ']));
    expect(inflect('きれい')).toEqual(['きれい']);
  });

  it('never lists a negative form, so that ない stays a negation cue', () => {
    for (const lemma of ['治る', '消える', '改善する', '高い', '効く'])
      expect(inflect(lemma).filter((form) => /ない|ません|なかった/.test(form))).toEqual([]);
  });

  it('drops short forms of a kana-only lemma (きか would match 機会 written in kana)', () => {
    expect(inflect('きく')).toEqual(expect.arrayContaining(['きく', 'きいて', 'ききます']));
    expect(inflect('きく')).not.toContain('きか');
  });

  it('matches forms in drafts, with spans over the form', () => {
    const text = 'ひざの痛みが治りました。腰痛も治せる。治らない人も。';
    expect(matched(lemmas(['治る']), text)).toEqual(['治りました', '治せる', '治ら']);
    expect(matched([{ id: 'x', kind: 'terms', terms: ['治る'] }], text)).toEqual([]);
    expect(matched(lemmas(['血圧が下がる']), '血圧が下がった人、血圧が下げられる')).toEqual([
      '血圧が下がった',
      '血圧が下げられる',
    ]);
  });

  it("applies a lexicon's own `inflect` to its terms only", () => {
    const rules = [{ id: 'r', kind: 'terms', terms: [{ lexicon: 'verbs' }, '効く'] }];
    const lexicons = [{ id: 'verbs', sources: ['test'], inflect: true, terms: ['消える'] }];
    const text = 'シミが消えた。よく効いた。';
    const found = compilePacks([testPack(rules, { lexicons })])
      .check(text)
      .map((f) => text.slice(f.start, f.end));
    expect(found).toEqual(['消えた']);
  });
});

describe('English inflection', () => {
  it('adds regular forms to the first word of a term', () => {
    expect(inflect('cure')).toEqual(['cure', 'cures', 'cured', 'curing']);
    expect(inflect('fix')).toEqual(['fix', 'fixes', 'fixed', 'fixing']);
    expect(inflect('apply')).toEqual(['apply', 'applies', 'applied', 'applying']);
    expect(inflect('stop')).toEqual(['stop', 'stops', 'stopped', 'stopping']);
    expect(inflect('guarantee')).toEqual(['guarantee', 'guarantees', 'guaranteed', 'guaranteeing']);
    expect(inflect('heal')).toEqual(['heal', 'heals', 'healed', 'healing']);
    expect(inflect('occur')).toEqual(['occur', 'occurs', 'occurred', 'occurring']);
    expect(inflect('clear up')).toEqual(['clear up', 'clears up', 'cleared up', 'clearing up']);
  });

  it('knows irregular verbs', () => {
    expect(inflect('lose weight')).toEqual(['lose weight', 'loses weight', 'lost weight', 'losing weight']);
    expect(inflect('grow')).toEqual(['grow', 'grows', 'grew', 'grown', 'growing']);
  });

  it('matches forms whole-word, in any case', () => {
    expect(matched(lemmas(['cure', 'lose weight']), 'It Cured me. I LOST WEIGHT; curable? losing weights')).toEqual([
      'Cured',
      'LOST WEIGHT',
    ]);
  });
});

describe('spelling variants', () => {
  it('add the kanji or kana spelling of a word, only where the table says', () => {
    expect(spellings('癌')).toEqual(['癌', 'がん']);
    expect(spellings('がん予防')).toEqual(['がん予防', '癌予防']);
    expect(spellings('出来る')).toEqual(['出来る', 'できる']);
    expect(spellings('下がる')).toEqual(['下がる', 'さがる']);
    expect(spellings('地下')).toEqual(['地下']);
    expect(spellings('綺麗')).toEqual(['綺麗', '奇麗', 'きれい']);
    expect(spellings('sale')).toEqual(['sale']);
  });

  it('let one written form match the others in drafts, katakana included', () => {
    const rules = [{ id: 'v', kind: 'terms', terms: ['がん', '痩せる', '無くなる'] }];
    expect(matched(rules, '癌とガンとがん、やせる薬、シワがなくなる')).toEqual([
      '癌',
      'ガン',
      'がん',
      'やせる',
      'なくなる',
    ]);
    expect(matched(lemmas(['出来る']), '今すぐできます')).toEqual(['できます']);
    expect(matched(lemmas(['下がる']), '血圧がさがった')).toEqual(['さがった']);
  });
});
