import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR } from '../../cli/builtin-pack';
import { loadPackFrom } from '../../cli/pack-source';
import { compilePacks } from '../../rules/index';
import { colonLists, quotations, quotedLists } from '../../rules/reported';
import { testPack } from '../helpers/pack';

const slice = (text: string) => (span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('quotations', () => {
  it('finds Japanese, curly, straight and nested quotations with exact spans', () => {
    const text = 'He said "it is \'clinically proven\' to work" and 「痩せる」';
    expect(quotations(text)).toEqual([
      { start: 8, end: 43 },
      { start: 15, end: 34 },
      { start: 48, end: 53 },
    ]);
    expect(quotations(text).map(slice(text))).toEqual([
      '"it is \'clinically proven\' to work"',
      "'clinically proven'",
      '「痩せる」',
    ]);
  });

  it('takes apostrophes for what they are', () => {
    expect(quotations('don’t miss America’s #1 deal, it’s here')).toEqual([]);
    expect(quotations("it's the 'best' one")).toEqual([{ start: 9, end: 15 }]);
  });

  it('closes a curly quotation with a straight mark, and never across a line in Latin text', () => {
    expect(quotations('proclaimed, “America’s #1 supplement."')).toEqual([{ start: 12, end: 38 }]);
    expect(quotations('“open\nnever closed”')).toEqual([]);
    expect(quotations('「一行目\n二行目」')).toEqual([{ start: 0, end: 9 }]);
  });

  it('finds the lists a colon introduces, from the colon to the last item', () => {
    const text = 'Practices the FTC listed:\n- Lose weight fast.\n1) Eat anything\nThanks';
    expect(colonLists(text)).toEqual([{ start: 24, end: 62 }]);
    expect(colonLists(text).map(slice(text))).toEqual([':\n- Lose weight fast.\n1) Eat anything\n']);
    expect(colonLists('Note: lose weight fast.\nOr not.')).toEqual([]);
    expect(colonLists('例：\n・飲むだけで痩せる')).toEqual([{ start: 1, end: 12 }]);
  });

  it('joins quotations of one list into one span', () => {
    const text = '「1ヶ月限定」、「今だけ」等と, “fast” and “easy”';
    expect(quotedLists(text, quotations(text)).map(slice(text))).toEqual([
      '「1ヶ月限定」、「今だけ」',
      '“fast” and “easy”',
    ]);
  });
});

const guard = {
  categories: ['legal' as const],
  before: { terms: ['claimed', 'the ad stated', '広告に'], within: 40 },
  after: { terms: ['表示', 'claims were'], within: 12 },
};
const pack = testPack(
  [
    { id: 't.cure', kind: 'terms', category: 'legal', terms: ['cures acne', 'lost 20lbs', '痩せる'] },
    { id: 't.taste', kind: 'terms', category: 'risk', terms: ['cures acne'] },
  ],
  { reported: guard },
);
/** The findings of one pack as [rule, start, end]: exact spans, as textlint's tester reads them. */
const spansOf = (checked: typeof pack) => {
  const checker = compilePacks([checked]);
  return (text: string) => checker.check(text).map((f) => [f.ruleId, f.start, f.end]);
};
const spans = spansOf(pack);

describe('reported quotations', () => {
  it('drops a legal finding inside a quotation its sentence attributes to someone', () => {
    expect(spans('The firm claimed its gel “cures acne” overnight.')).toEqual([['t.taste', 26, 36]]);
    expect(spans('「飲むだけで痩せる」などと表示していた')).toEqual([]);
    expect(spans('SNSの広告に「飲むだけで痩せる」というサプリ')).toEqual([]);
    expect(spans('"Our gel cures acne" claims were banned.')).toEqual([['t.taste', 9, 19]]);
  });

  it('keeps the brand’s own claim and its quoted testimonial', () => {
    expect(spans('“It cures acne!” says Sarah.')).toEqual([
      ['t.cure', 4, 14],
      ['t.taste', 4, 14],
    ]);
    expect(spans('Our gel cures acne, as claimed.')).toEqual([
      ['t.cure', 8, 18],
      ['t.taste', 8, 18],
    ]);
    expect(spans('「飲むだけで痩せる」と大好評!')).toEqual([['t.cure', 6, 9]]);
  });

  it('reads the frame in the quotation’s own sentence and within reach', () => {
    expect(spans('They claimed a lot. “It cures acne”')).toEqual([
      ['t.cure', 24, 34],
      ['t.taste', 24, 34],
    ]);
    expect(spans('「飲むだけで痩せる」。表示は正しい')).toEqual([['t.cure', 6, 9]]);
    expect(spans('「飲むだけで痩せる」と何度も何度も何度も何度も言って表示')).toEqual([['t.cure', 6, 9]]);
    // A full stop inside a number or an abbreviation does not end the sentence.
    expect(spans('The ad stated the U.S. gel “lost 20lbs” in 1.5 weeks')).toEqual([]);
  });

  it('ends a sentence at a break inside another quotation only when that quotation holds the match', () => {
    const text = '"Lunada claimed it \'cures acne\' for years. Really," she said';
    expect(spans(text)).toEqual([['t.taste', 20, 30]]);
    expect(spans('"It works. Lunada claimed it \'cures acne\'."')).toEqual([['t.taste', 30, 40]]);
  });
});

describe('narrated sentences', () => {
  const narratedPack = testPack(
    [{ id: 't.cure', kind: 'terms', category: 'legal', terms: ['cures acne', '元本保証'] }],
    { reported: { ...guard, narrated: { terms: ['allegedly', 'などとうたい', '容疑'] } } },
  );
  const found = spansOf(narratedPack);

  it('drops a finding whose own sentence narrates someone else’s act, quoted or not', () => {
    expect(found('The firm allegedly said its gel cures acne.')).toEqual([]);
    expect(found('Its gel cures acne, the firm allegedly said.')).toEqual([]);
    expect(found('元本保証などとうたい、出資金を集めた')).toEqual([]);
    // A stop inside a quotation does not end the sentence that quotes it.
    expect(found('「安心。元本保証」などとうたい、集めた')).toEqual([]);
  });

  it('reads a list its colon introduces as part of the narrating sentence', () => {
    expect(found('The firm allegedly told buyers:\n- Our gel cures acne.\n- 元本保証')).toEqual([]);
    // not the other way: a cue in an item does not narrate the item before it, nor a line after the list
    expect(found('Our list:\n- Our gel cures acne.\n- Rivals were allegedly fined.')).toEqual([['t.cure', 20, 30]]);
    expect(found('The firm allegedly said:\n- it is safe\nOur gel cures acne!')).toEqual([['t.cure', 46, 56]]);
  });

  it('lets the sentence right after quotations that stand alone credit them', () => {
    expect(found('“Our gel cures acne.”\n\nThe firm allegedly ran that ad.')).toEqual([]);
    // a quotation inside the brand's own sentence, or a sentence between, keeps the finding
    expect(found('Our gel “cures acne”. The firm allegedly copied us.')).toEqual([['t.cure', 9, 19]]);
    expect(found('“Our gel cures acne.” Love it! Rivals were allegedly fined.')).toEqual([['t.cure', 9, 19]]);
  });

  it('keeps the finding when the narration is in another sentence', () => {
    expect(found('Rivals were allegedly fined. Our gel cures acne!')).toEqual([['t.cure', 37, 47]]);
    expect(found('詐欺の容疑で逮捕。元本保証の当社へ!')).toEqual([['t.cure', 9, 13]]);
  });
});

describe('sentences that deny such a product exists', () => {
  const deniedPack = testPack(
    [
      {
        id: 't.cure',
        kind: 'terms',
        category: 'legal',
        terms: ['melts belly fat', 'cure arthritis', 'がんが治る', '副作用はありません', '飲み続けないと'],
      },
      { id: 't.taste', kind: 'terms', category: 'risk', terms: ['melts belly fat'] },
    ],
    {
      reported: {
        ...guard,
        denied: { terms: ['pill', 'supplement', 'サプリ', '作用', '効果'], unless: ['other', 'but', 'ほど'] },
      },
    },
  );
  const found = spansOf(deniedPack);

  it('drops a claim whose sentence says no product of the kind exists, in either language', () => {
    // only the guarded category: the risk rule's finding stays
    expect(found('There is no pill that melts belly fat.')).toEqual([['t.taste', 22, 37]]);
    expect(found('No supplement can cure arthritis.')).toEqual([]);
    expect(found('がんが治るサプリはありません。')).toEqual([]);
    expect(found('がんが治るサプリなんて存在しません')).toEqual([]);
  });

  it('keeps the claim when the sentence compares, boasts or is another one', () => {
    expect(found('There is no other pill that melts belly fat so fast.')).toEqual([
      ['t.cure', 28, 43],
      ['t.taste', 28, 43],
    ]);
    expect(found('No pill can, but our tea melts belly fat.')).toEqual([
      ['t.cure', 25, 40],
      ['t.taste', 25, 40],
    ]);
    expect(found('これほどがんが治るサプリはありません')).toEqual([['t.cure', 4, 9]]);
    // 他に is no denial of existence: the product is the only one
    expect(found('がんが治るサプリは他にありません')).toEqual([['t.cure', 0, 5]]);
    expect(found('No pill needed. Our tea melts belly fat.')).toEqual([
      ['t.cure', 24, 39],
      ['t.taste', 24, 39],
    ]);
  });

  it('reads a question answered no as the claim denied, and an answer that goes on pitching as no answer', () => {
    expect(found('Will this supplement cure arthritis? No. See your GP.')).toEqual([]);
    expect(found('がんが治るサプリですか？いいえ、違います。')).toEqual([]);
    expect(found('Will it cure arthritis? Yes! It will cure arthritis.')).toEqual([
      ['t.cure', 8, 22],
      ['t.cure', 37, 51],
    ]);
    expect(found('Stiff joints? No more: our balm will cure arthritis.')).toEqual([['t.cure', 37, 51]]);
  });

  it('reads the noun as its own word: not inside a compound, not after a condition', () => {
    expect(found('がんが治る効果はありません')).toEqual([]);
    // 副作用 is no 作用 denied: "no side effects" is a safety claim
    expect(found('副作用はありません')).toEqual([['t.cure', 0, 9]]);
    // 「…ないと効果はありません」 promises the effect once the condition is met
    expect(found('飲み続けないと効果はありません')).toEqual([['t.cure', 0, 7]]);
  });

  it('reaches the claim in its own clause only', () => {
    expect(found('がんが治る、そんなサプリはありません')).toEqual([['t.cure', 0, 5]]);
    expect(found('No pill can do that: ours will cure arthritis')).toEqual([['t.cure', 31, 45]]);
  });
});

describe('rules named by the guard', () => {
  const namedPack = testPack(
    [
      { id: 't.blank', kind: 'terms', category: 'etiquette', terms: ['〇〇'] },
      { id: 't.other', kind: 'terms', category: 'etiquette', terms: ['〇〇'] },
    ],
    { reported: { ...guard, rules: ['t.blank'] } },
  );
  const found = spansOf(namedPack);

  it('applies the guard to a named rule outside its categories, and to that rule only', () => {
    expect(found('広告に「〇〇大学教授監修」とあった')).toEqual([['t.other', 4, 6]]);
    expect(found('「〇〇医師推薦」などと表示していた')).toEqual([['t.other', 1, 3]]);
  });

  it('keeps the named rule’s finding outside a reported quotation', () => {
    expect(found('新商品〇〇が発売!')).toEqual([
      ['t.blank', 3, 5],
      ['t.other', 3, 5],
    ]);
  });
});

describe('the default pack’s guard', () => {
  const checker = compilePacks([loadPackFrom(DEFAULT_PACK_DIR)]);
  const legal = (text: string) =>
    checker
      .check(text)
      .filter((f) => f.category === 'legal')
      .map((f) => f.ruleId);

  it('lets reports of a claim pass', () => {
    expect(legal('In its ads, the company claimed the pill was “clinically proven to melt fat”.')).toEqual([]);
    expect(legal('「飲むだけで10kg痩せる」などと表示していたとして、消費者庁は措置命令を出した。')).toEqual([]);
    expect(legal('The company falsely claimed its tea would melt fat and cure diabetes.')).toEqual([]);
    expect(legal('がんが治るなどとうたい、未承認の健康食品を販売した疑いで逮捕された。')).toEqual([]);
  });

  it('still flags the claim in the brand’s voice, quoted testimonials included', () => {
    expect(legal('“I lost 20 pounds in 2 weeks!” says Jane, one of our customers.')).not.toEqual([]);
    expect(legal('「飲むだけで10kg痩せた!」(40代女性) 今なら初回半額!')).not.toEqual([]);
    expect(legal('Clinically proven to melt fat. Try it today!')).not.toEqual([]);
    // 「騙されたと思って」 is a seller's idiom, not a report of a fraud.
    expect(legal('騙されたと思って飲んでみて!がんが治るサプリ')).not.toEqual([]);
    expect(legal('Deceptively simple: our tea cures diabetes.')).not.toEqual([]);
  });

  it('reads a blank in a reported quotation as the report’s 伏せ字, and keeps a template left in', () => {
    const blanks = (text: string) =>
      checker
        .check(text)
        .filter((f) => f.ruleId === 'etq.placeholder-left')
        .map((f) => [f.start, f.end]);
    expect(blanks('ネット上で「認知症予防の救世主〇〇大学教授監修」などとうたっていた。')).toEqual([]);
    expect(blanks('新商品〇〇が発売!詳細はプロフィールから')).toEqual([[3, 5]]);
  });
});
