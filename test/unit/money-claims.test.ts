import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR } from '../../cli/builtin-pack';
import { loadPackFrom } from '../../cli/pack-source';
import { compilePacks } from '../../rules/index';

// The default pack's money classes (issue 9, round 4) on drafts that are not the rules' own examples:
// the guarantee class and the risk statements that negate it, earnings shown as results, price targets,
// and warnings that quote a lure without making it.
const checker = compilePacks([loadPackFrom(DEFAULT_PACK_DIR)]);
const rules = (text: string, locale: 'en' | 'ja') =>
  checker
    .check(text, { platform: 'x', locale })
    .filter((f) => f.severity !== 'info')
    .map((f) => f.ruleId);

describe('guarantees of principal, profit or losses (金融商品取引法37–39条, FINRA 2210)', () => {
  it.each([
    ['元金保証で年利6%の運用プラン', 'legal.guarantee-claim'],
    ['万一の損失も全額補てんいたします', 'legal.guarantee-claim'],
    ['元本割れリスクはほぼゼロの投資です', 'legal.guarantee-claim'],
    ["We'll cover all losses on your first three trades.", 'legal.guarantee-claim'],
  ])('flags %s', (text, rule) => {
    expect(rules(text, /[ぁ-ん]/.test(text) ? 'ja' : 'en')).toContain(rule);
  });

  it.each([
    ['元本保証ではありません。価格の変動により損失が生じることがあります。', 'ja'],
    ['投資元本は保証されておらず、元本割れすることがあります。', 'ja'],
    ['損失補てんの約束は法律で禁止されています。', 'ja'],
    ['普通預金は元本保証、投資信託は元本保証がありません。', 'ja'],
    ['Your capital is not guaranteed and you may get back less than you invest.', 'en'],
    ['Deposits are protected by the FSCS up to £85,000 per person.', 'en'],
  ] as const)('passes the risk statement %s', (text, locale) => {
    expect(rules(text, locale)).toEqual([]);
  });
});

describe('earnings shown as results and investing sold as money-making (FTC, ASA)', () => {
  it('flags an earned amount from a trading course and passes one from a market stall', () => {
    expect(rules('My mentee banked over $8,500 in his first month of trading.', 'en')).toContain(
      'legal.earnings-result',
    );
    expect(rules('We made $3,400 at the school fair for the new library!', 'en')).toEqual([]);
  });

  it('flags crypto sold as the way to get rich and a headline price target', () => {
    expect(rules('Everyone is getting rich with bitcoin right now.', 'en')).toContain('legal.asset-money-making');
    expect(rules('BTC to $250,000 next year. Load up!', 'en')).toContain('legal.price-prediction');
    expect(rules('Some analysts think BTC could go to $250,000; nobody knows.', 'en')).toEqual([]);
  });
});

describe('warnings that quote the lure (消費者庁・国民生活センターの注意喚起)', () => {
  it.each([
    '「誰でも簡単に稼げる」といった広告をうのみにしないようにしましょう。',
    '「元本保証」「必ず儲かる」といった文言で勧誘する投資話にご注意ください。',
    'Be wary of claims like "guaranteed returns" from accounts you do not know.',
  ])('passes %s', (text) => {
    expect(rules(text, /[ぁ-ん]/.test(text) ? 'ja' : 'en')).toEqual([]);
  });
});
