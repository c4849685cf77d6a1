import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR } from '../../cli/builtin-pack';
import { loadPackFrom } from '../../cli/pack-source';
import { compilePacks } from '../../rules/index';
import { ORDINARY_DAY } from '../helpers/ordinary-day';

// The default pack's Japanese 景品表示法 classes (有利誤認 by a limited-time price, a strong claim without its
// conditions), on drafts that are not the rules' own examples.
const checker = compilePacks([loadPackFrom(DEFAULT_PACK_DIR)]);
const alarms = (text: string) =>
  checker
    .check(text, { platform: 'x', locale: 'ja', now: ORDINARY_DAY })
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.ruleId} ${f.excerpt}`);

describe('limited-time prices (価格表示ガイドライン)', () => {
  it.each([
    ['いまだけ、定期コースが初回半額', 'legal.limited-time-unstated いまだけ、定期コースが初回半額'],
    ['今月限り！ご成約で1万円キャッシュバック', 'legal.limited-time-unstated 今月限り！ご成約で1万円キャッシュバック'],
  ])('flags %s when no period is given', (text, expected) => {
    expect(alarms(text)).toContain(expected);
  });

  it.each([
    '今だけ半額！ 7月31日(木)23:59まで',
    '期間限定 12/1〜12/25 クリスマスケーキ早割10%OFF',
    'キャンペーン期間：8月1日から8月20日。期間限定で送料無料です。',
    '期間限定の抹茶ラテ、今年も始まりました。',
    '今なら窓口が空いています。',
  ])('passes a stated period or no price: %s', (text) => {
    expect(alarms(text)).toEqual([]);
  });
});

describe('"unlimited" claims without their conditions (打消し表示に関する実態調査報告書)', () => {
  it('flags a bare claim and passes one with its limit stated', () => {
    expect(alarms('英会話レッスン受け放題のプランが登場')).toEqual(['legal.unlimited-claim 受け放題']);
    expect(alarms('英会話レッスン受け放題※1日2回まで')).toEqual([]);
    expect(alarms('データ容量は無制限ではありません。')).toEqual([]);
  });
});

describe("celebrations on Japan's days of mourning", () => {
  const onDay = (text: string, day: string) =>
    checker
      .check(text, { platform: 'x', locale: 'ja', now: new Date(`${day}T12:00:00`) })
      .filter((f) => f.ruleId === 'risk.memorial-date-celebration')
      .map((f) => f.excerpt);

  it('warns on 8/6 and 3/11 and not the day after', () => {
    expect(onDay('店長、お誕生日おめでとうございます！', '2027-08-06')).toEqual(['誕生日']);
    expect(onDay('創業20周年パーティーを開きました', '2027-03-11')).toEqual(['パーティー']);
    expect(onDay('店長、お誕生日おめでとうございます！', '2027-08-07')).toEqual([]);
  });
});

// Classes added from 消費者庁 措置命令, 国民生活センター and 金融庁 warnings (fresh-jaclaims set), on drafts written
// for this test: each flags with its exact excerpt, and its everyday or compliant neighbour passes.
describe('Japanese claim classes from regulators’ cases', () => {
  const legal = (text: string, profile?: string) =>
    compilePacks([loadPackFrom(DEFAULT_PACK_DIR)], profile ? { profile } : {})
      .check(text, { platform: 'x', locale: 'ja', now: ORDINARY_DAY })
      .filter((f) => f.severity !== 'info' && f.category === 'legal')
      .map((f) => `${f.ruleId} ${text.slice(f.start, f.end)}`);

  it.each([
    ['体験モニターBさん ヒップ98cm→91cm', 'legal.body-measurement-result ヒップ98cm→91'],
    ['8週間で内臓脂肪が12cm2ダウン', 'legal.body-measurement-result 脂肪が12cm2'],
    ['座るだけで300回のスクワットに相当', 'legal.exercise-equivalent-claim 300回のスクワットに相当'],
    ['まゆげがぐんぐん伸びるエッセンス', 'legal.eyelash-growth-claim まゆげがぐんぐん伸びる'],
    ['塗って寝るだけで目元アップ', 'legal.face-lift-claim 目元アップ'],
    ['ビットコインで稼いだ方法を教えます', 'legal.investment-gain-claim ビットコインで稼いだ'],
    ['ほったらかしでも30万円が入る仕組み', 'legal.passive-income-amount ほったらかしでも30万円'],
    ['歯科医の8割が推奨する歯ブラシ', 'legal.high-rating-ratio-unsourced 歯科医の8割が'],
    ['動脈硬化が気になる方へ、話題のサプリメント', 'legal.disease-targeting 動脈硬化が気になる方'],
  ])('flags %s', (text, expected) => {
    expect(legal(text)).toContain(expected);
  });

  it.each([
    'ウエスト調整ボタン付きで、サイズはS→M→Lの3展開です。',
    'まつげパーマ後、自まつげが伸びてきたらご来店ください。',
    'ハイライトで小顔に見せるメイクをご紹介します。',
    '暗号資産で得た利益は雑所得です。確定申告をお忘れなく。',
    '「何もしなくても毎月10万円」という勧誘にご注意ください。',
    '歯科医の8割が推奨※ ※2025年4月 歯科医師200名へのアンケート（当社調べ）',
    '元本が保証されていない商品ですので、リスクをご確認ください。',
  ])('passes %s', (text) => {
    expect(legal(text)).toEqual([]);
  });

  it('flags a celebrity vouching for a clinic only for clinics (医療広告)', () => {
    const text = '有名人も院長を推薦する美容クリニック';
    expect(legal(text, 'regulated-health')).toContain('medical.endorsement-ja 有名人も院長を推薦');
  });
});
