import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR } from '../../cli/builtin-pack';
import { loadPackFrom } from '../../cli/pack-source';
import { compilePacks } from '../../rules/index';
import { ORDINARY_DAY } from '../helpers/ordinary-day';

// The default pack's money classes (issue 9, round 4) on drafts that are not the rules' own examples:
// the guarantee class and the risk statements that negate it, earnings shown as results, price targets,
// and warnings that quote a lure without making it.
const checker = compilePacks([loadPackFrom(DEFAULT_PACK_DIR)]);
const rules = (text: string, locale: 'en' | 'ja') =>
  checker
    .check(text, { platform: 'x', locale, now: ORDINARY_DAY })
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

// Round 5: one claim gives one finding (a phrase rule that a class covers was folded into the class), and the
// classes learnt from the round-5 fresh set, on drafts that are not the rules' own examples.
const MONEY_RULES =
  /^legal\.(financial-guarantee|guarantee-claim|certain-profit|conditional-profit|price-prediction|investment-gain-claim|income-claim|easy-money-claim|get-rich-quick|performance-projection)$/;
const moneyRules = (text: string, locale: 'en' | 'ja') => rules(text, locale).filter((id) => MONEY_RULES.test(id));

describe('one finding per money claim', () => {
  it.each([
    ['この副業は必ず儲かる', 'legal.certain-profit'],
    ['FXは確実に稼げる', 'legal.certain-profit'],
    ['元本保証の資産運用プラン', 'legal.guarantee-claim'],
    ['高配当株ファンド、配当保証つき', 'legal.guarantee-claim'],
    ['株式投資で儲かる', 'legal.investment-gain-claim'],
    ['Profits guaranteed with my crypto signals.', 'legal.certain-profit'],
  ] as const)('%s gives %s alone', (text, rule) => {
    expect(moneyRules(text, /[ぁ-んァ-ン一-龯]/.test(text) ? 'ja' : 'en')).toEqual([rule]);
  });

  // Round 31: a claims firm's "could be owed £N … claim" also read as a get-rich-quick lure and as compensation
  // presented as owed: three warnings on one sentence.
  it('a claims-management promotion gives one finding', () => {
    expect(rules('Was your flight cancelled? You could be owed £500 in compensation. Claim now!', 'en')).toEqual([
      'legal.claims-management-promo',
    ]);
  });
});

describe('income and pay for doing something (round 5: ASA 2025, FTC, ERSP, 消費者庁, 国民生活センター)', () => {
  it.each([
    ['Another client hits a £45K month with our proven system.', 'legal.income-claim'],
    ['My students make $8,000 net profit using this method.', 'legal.income-claim'],
    ["Honestly there's no limit to how much money you could make with my method.", 'legal.income-claim'],
    ['Some weeks I make $12,500 in a single day with this strategy.', 'legal.income-claim'],
    ['在宅で月数十万円稼げるお仕事', 'legal.income-claim'],
    ['アンケートに答えるだけで3万円がもらえる副業です', 'legal.income-claim'],
    ['写真を送れば報酬が入る簡単なお仕事', 'legal.conditional-profit'],
    ['このコインを買えば、50万円が1年後に3倍になります', 'legal.conditional-profit'],
    ['知り合いを紹介すれば紹介料がもらえる仕組みです', 'legal.conditional-profit'],
    ['投稿した分だけ報酬がもらえます', 'legal.easy-money-claim'],
    ['急騰銘柄を無料配信中！LINEで受け取れます', 'legal.free-stock-tips'],
  ] as const)('flags %s', (text, rule) => {
    expect(rules(text, /[ぁ-んァ-ン一-龯]/.test(text) ? 'ja' : 'en')).toContain(rule);
  });

  it.each([
    ['Two-bed flats from £1,450/month, bills included.', 'en'],
    ['ご成約のお客さまに1万円がもらえるキャッシュバックを実施中です', 'ja'],
    ['紹介するだけで報酬がもらえるという勧誘にご注意ください。', 'ja'],
    ['Scammers ask investors to deposit more money before they can withdraw anything.', 'en'],
    [
      'Our buyers guide: film in daylight, keep it short, and please include the hashtag #ad on every sponsored post you make for us this summer.',
      'en',
    ],
  ] as const)('passes %s', (text, locale) => {
    expect(rules(text, locale)).toEqual([]);
  });
});

describe('price calls, rates and loss-free records (round 5: FCA FG24/1, FINRA 2210, 金融庁・日証協)', () => {
  it.each([
    ['$DOGE is about to 30x, loading my bags', 'legal.price-prediction'],
    ['ADA to $12 this cycle, mark my words', 'legal.price-prediction'],
    ['この仮想通貨は今後20倍になる', 'legal.price-prediction'],
    ['この銘柄の株価はここから上がるしかない', 'legal.price-prediction'],
    ['Our pool pays 0.8% daily to every staker', 'legal.performance-projection'],
    ['Members get our crypto signals at 88% accuracy', 'legal.performance-projection'],
    ['月利5%保証の投資ファンド', 'legal.guarantee-claim'],
    ['運用で出た損失は弊社が補償します', 'legal.guarantee-claim'],
    ['No losing trades this year, zero losses with my strategy', 'legal.financial-guarantee'],
  ] as const)('flags %s', (text, rule) => {
    expect(rules(text, /[ぁ-んァ-ン一-龯]/.test(text) ? 'ja' : 'en')).toContain(rule);
  });

  it.each([
    ['「月利10%保証」などとうたう投資話は詐欺です。', 'ja'],
    ['株価は上がる一方だと思っていませんか？株式には価格変動のリスクがあります。', 'ja'],
    ['元本は減りませんか？というご質問にお答えします。', 'ja'],
    ['売上が増えるほど報酬がアップする歩合制です。販売スタッフ募集中！', 'ja'],
    ['Our winter sale is about to end: grab a coat before Sunday.', 'en'],
  ] as const)('passes %s', (text, locale) => {
    expect(rules(text, locale)).toEqual([]);
  });
});
