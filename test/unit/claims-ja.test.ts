import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR } from '../../cli/builtin-pack';
import { loadPackFrom } from '../../cli/pack-source';
import { compilePacks } from '../../rules/index';

// The default pack's Japanese 景品表示法 classes (有利誤認 by a limited-time price, a strong claim without its
// conditions), on drafts that are not the rules' own examples.
const checker = compilePacks([loadPackFrom(DEFAULT_PACK_DIR)]);
const alarms = (text: string) =>
  checker
    .check(text, { platform: 'x', locale: 'ja' })
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
