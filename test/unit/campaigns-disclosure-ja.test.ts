import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR } from '../../cli/builtin-pack';
import { loadPackFrom } from '../../cli/pack-source';
import { compilePacks } from '../../rules/index';

// The default pack's Japanese classes of 定期購入 (特定商取引法 12条・12条の6), 有利誤認 by scarcity and reference
// prices, and ステマ告示 (reviews for a reward, a creator's post that claims independence), on drafts written for
// this test: each flags with its exact excerpt, and its compliant neighbour passes.
const pack = loadPackFrom(DEFAULT_PACK_DIR);
const legal = (text: string, profile?: string) =>
  compilePacks([pack], profile ? { profile } : {})
    .check(text, { platform: 'x', locale: 'ja' })
    .filter((f) => f.severity !== 'info' && f.category === 'legal')
    .map((f) => `${f.ruleId} ${text.slice(f.start, f.end)}`);

describe('trial prices and easy cancellation without the subscription terms', () => {
  it.each([
    ['酵素ドリンク初回1,480円！今すぐチェック', 'legal.trial-offer-terms-missing 初回1,480円'],
    ['ＵＶクリーム、回数しばりなしで始めよう', 'legal.trial-offer-terms-missing 回数しばりなし'],
    // "Cancel any time" lures only beside what it sells (a plain monthly plan passes): the product is in the span.
    ['育毛ローション、いつでも休止できます', 'legal.trial-offer-terms-missing 育毛ローション、いつでも休止'],
    ['月額プランの青汁、いつでも解約OK', 'legal.trial-offer-terms-missing 青汁、いつでも解約'],
  ])('flags %s', (text, expected) => {
    expect(legal(text)).toContain(expected);
  });

  it.each([
    '酵素ドリンク初回1,480円、2回目以降は5,980円（税込）の定期コースです。',
    'いつでも休止できます。休止の手続は次回発送日の5日前までにお電話で。',
    '「初回無料」の広告で定期購入になったという相談が寄せられています。',
    '月額プラン、いつでも解約できます。',
  ])('passes %s', (text) => {
    expect(legal(text)).toEqual([]);
  });
});

describe('scarcity on a deal and reference prices without their basis (有利誤認)', () => {
  it.each([
    ['人気のタンブラーが30%オフ、残りあとわずか！', 'legal.scarcity-unstated 残りあとわずか'],
    ['先着50名様に限り特別価格', 'legal.scarcity-unstated 先着50名'],
    ['通常価格12,000円が今だけ4,980円', 'legal.reference-price-ja 通常価格12,000円'],
  ])('flags %s', (text, expected) => {
    expect(legal(text)).toContain(expected);
  });

  it.each([
    '先着50名様、9月1日（月）10:00から受付',
    '人気のタンブラー、残りあとわずかです。',
    '残りわずか、残り2枠です',
    '通常価格12,000円（2025年1月〜3月の販売価格）を、4月1日から4,980円に。',
  ])('passes %s', (text) => {
    expect(legal(text)).toEqual([]);
  });
});

describe('stealth marketing (ステマ告示)', () => {
  it('flags a reward for reviews, and passes a request without one', () => {
    expect(legal('口コミを書いてくれた方には次回500円引き！')).toEqual([
      'legal.review-incentive 口コミを書いてくれた方には次回500円引',
    ]);
    expect(legal('よろしければ口コミで率直なご感想をお聞かせください。')).toEqual([]);
  });

  it("blocks a creator's claim of independence even after #PR, and not on a brand's account", () => {
    expect(legal('#PR 正直これは案件じゃないです、本当に好き', 'creator')).toContain(
      'legal.creator-independence-claim 案件じゃない',
    );
    expect(legal('#PR ABC化粧品様から新作をご提供いただきました', 'creator')).toEqual([]);
    // On a brand's account the creator rule stays silent (the pack's model may still find the words ad-like).
    expect(legal('正直これは案件じゃないです、本当に好き').filter((f) => f.startsWith('legal.'))).toEqual([]);
  });
});
