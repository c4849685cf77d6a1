/**
 * The built-in pack: valid, broad, self-testing, and quiet on ordinary posts. Every pass example
 * of every rule must raise no warn or block from any rule (runExamples' false-alarm check).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR } from '../../cli/builtin-pack';
import { loadPackFrom } from '../../cli/pack-source';
import { Category, compilePacks, runExamples } from '../../rules/index';

const pack = loadPackFrom(DEFAULT_PACK_DIR);
const checker = compilePacks([pack]);

describe('the default pack', () => {
  it('covers the six categories with at least 50 rules, in English and Japanese', () => {
    expect(pack.rules.length).toBeGreaterThanOrEqual(50);
    expect(new Set(pack.rules.map((r) => r.category))).toEqual(new Set(Category.options));
    expect(pack.locales).toEqual(['en', 'ja']);
    for (const rule of pack.rules) {
      expect(rule.message, rule.id).toMatchObject({ en: expect.any(String), ja: expect.any(String) });
    }
  });

  it('ships the manual (at least the 19 sections of the first version), with rules linking to at least 14 sections', () => {
    expect(pack.manual.length).toBeGreaterThanOrEqual(19);
    expect(new Set(pack.rules.map((r) => r.manual)).size).toBeGreaterThanOrEqual(14);
    for (const section of pack.manual) {
      expect(section.body, section.id).toMatchObject({
        en: expect.stringMatching(/\S/),
        ja: expect.stringMatching(/\S/),
      });
    }
  });

  it('keeps the quiet period and the profiles’ own sets off by default, everything else on', () => {
    const off = pack.sets.filter((s) => !s.enabled).map((s) => s.id);
    const profileSets = pack.profiles.flatMap((profile) => Object.keys(profile.sets));
    expect(off.sort()).toEqual(['quiet-period', ...profileSets].sort());
    expect(pack.profiles.find((profile) => profile.default)?.id).toBe('brand');
    expect(pack.rules.some((r) => r.set === 'quiet-period' && r.severity === 'block')).toBe(true);
  });

  it('gives every rule flag and pass examples, and every example holds', () => {
    const report = runExamples(pack, { requireExamples: true });
    expect(report.failures.map((f) => `${f.ruleId} ${f.kind}: ${f.detail}`)).toEqual([]);
    expect(report.examples).toBeGreaterThanOrEqual(pack.rules.length * 2);
  }, 180_000); // A thousand examples, each compiled and checked: slow on a loaded two-core machine.

  it.each([
    ['en', "We're open 10:00–19:00 today. See you soon!"],
    ['en', 'Your order has shipped! You can track it any time from your account page.'],
    ['en', "@user Thanks for your patience. We've refunded the charge; it should appear within 3–5 business days."],
    ['en', '#ad Thanks to Glow Co. for the free serum. My honest take: light texture, no scent.'],
    ['en', 'Election Day: we open at 9 so our staff can vote.'],
    ['en', 'Past performance does not guarantee future results.'],
    ['en', 'Our new 100% cotton tees come in moss and slate. https://example.com/tees'],
    ['ja', '本日の営業時間は10時〜19時です。皆さまのご来店をお待ちしております。'],
    ['ja', 'ご注文の商品を本日発送いたしました。到着まで今しばらくお待ちください。'],
    ['ja', '台風10号の影響により、本日は臨時休業いたします。お客様の安全を第一に考えての判断です。'],
    ['ja', '#PR ABC化粧品様から新作美容液をご提供いただきました。'],
    ['ja', '@tanaka ご不便をおかけし申し訳ありません。詳しい状況をDMで伺えますか？'],
    ['ja', '綿100%のTシャツに新色が加わりました。'],
    ['ja', '投資信託は元本が保証されるものではありません。'],
    ['ja', '元本保証はありません。投資信託は値動きのある商品です。'],
    ['ja', '「スマホで簡単に稼げる」という副業の勧誘にご注意ください。'],
    ['en', 'Beware of anyone promising easy money from home: it is a scam.'],
    ['en', 'Today we remember the lives lost on 9/11. #NeverForget'],
  ])('raises no warn or block on an everyday %s post: %s', (locale, text) => {
    for (const platform of ['x', 'instagram', 'threads', 'bluesky', 'linkedin'] as const) {
      const alarms = checker.check(text, { platform, locale }).filter((f) => f.severity !== 'info');
      expect(alarms.map((f) => `${platform}: ${f.ruleId} "${f.excerpt}"`)).toEqual([]);
    }
  });
});

// Claim classes, worded apart from the rules' own examples: each must be caught by its class's rule.
describe('the default pack catches claim classes, not only its sample phrases', () => {
  it.each([
    ['legal.income-claim', 'ja', '在宅ワークで月30万円稼いでいます'],
    ['legal.income-claim', 'en', 'I earn $3,000 a week trading from my couch.'],
    ['legal.easy-money-claim', 'ja', 'アプリを開くだけで毎日報酬が入ります'],
    ['legal.certain-profit', 'ja', 'この方法なら絶対に儲かります'],
    ['legal.financial-guarantee', 'en', 'Zero-risk returns on every crypto deposit.'],
    ['legal.price-prediction', 'ja', 'この仮想通貨は値上がり間違いなし'],
    ['legal.survey-unsourced', 'ja', '継続率92%の定期便'],
    ['legal.survey-unsourced', 'en', "Britain's favourite sunscreen is back."],
    ['legal.creator-code-undisclosed', 'en', 'Obsessed with these leggings, my code LEAH20 gets you 20% off'],
    ['etq.insult', 'ja', '@user 頭悪すぎて話にならない'],
    ['etq.insult-addressed', 'en', '@user you are clueless.'],
    ['etq.threat-expose', 'en', '@user Careful. We know where you live.'],
    ['risk.disaster-promo', 'en', 'Snowstorm special: free delivery on every order tonight!'],
    ['risk.disaster-promo', 'ja', '豪雨で外出できない今こそ、送料無料でお買い物を'],
    ['risk.sensitive-hashtag-promo', 'en', '#MeToo Treat yourself: 30% off all handbags today.'],
    ['risk.group-stereotype', 'ja', '主婦には無理な難しい設定は一切なし'],
    ['risk.group-stereotype', 'en', "Mums can't read maps, so we made the sat-nav talk."],
    ['risk.gender-stereotype', 'ja', 'ママ感ゼロのきれいめコーデ'],
    ['risk.pejorative-group-label', 'ja', 'あなたはどれ？勘違い系女子あるある'],
    ['risk.equality-mockery', 'en', 'Equal pay is a myth, but our prices are real.'],
    ['etq.insult', 'en', '@user sounds like a you problem'],
    ['etq.threat-expose', 'ja', '@user 投稿者のアカウント名ありでスクショを載せますね'],
    ['pii.named-visitor', 'ja', 'さっき佐藤さんがお買い物に来てくれたよ'],
    ['pii.customer-shaming', 'en', 'Party of six no-showed again tonight. Thanks, Mark.'],
    ['risk.charity-per-engagement', 'en', 'Every retweet = $1 for hurricane victims'],
    ['risk.disaster-promo', 'en', 'Stuck inside? Enter IRMASALE at checkout for 15% off.'],
    ['risk.disaster-excitement', 'ja', '大雪キター！！スノボ行こう'],
  ])('%s catches a %s text', (ruleId, locale, text) => {
    const ids = checker.check(text, { platform: 'x', locale }).map((f) => f.ruleId);
    expect(ids).toContain(ruleId);
  });

  it('keeps names in capitals, legal rights, relief and safety notices quiet', () => {
    for (const [locale, text, postType] of [
      ['ja', 'NIKEの新作スニーカー、SHIBUYA店とHARAJUKU店で本日発売。NEW BALANCEも入荷。', 'post'],
      ['ja', 'UNIQLO×KAWSのコラボTシャツ、GINZA店で販売中', 'post'],
      ['en', '@sam You are entitled to a refund within 30 days of delivery.', 'reply'],
      ['en', 'Our stores in the affected area are closed; stay safe.', 'post'],
      ['en', 'Due to the hurricane, our spring collection launch is postponed. Please stay safe.', 'post'],
      ['en', 'We are donating $50,000 to wildfire relief and matching customer donations.', 'post'],
      ['ja', '被災された皆様に心よりお見舞い申し上げます。', 'post'],
      ['ja', '台風の接近に伴い、明日は臨時休業いたします。オンラインショップの発送も再開後となります。', 'post'],
    ] as const) {
      const alarms = checker.check(text, { platform: 'x', locale, postType }).filter((f) => f.severity !== 'info');
      expect(alarms.map((f) => `${f.ruleId} "${f.excerpt}"`)).toEqual([]);
    }
  });

  it('keeps a negated or cautioned claim quiet', () => {
    for (const [locale, text] of [
      ['ja', '元本保証はありません'],
      ['ja', '「必ずもうかる」などと勧誘する投資話は詐欺です'],
      ['en', 'No one can guarantee returns, and you could lose money.'],
    ] as const) {
      const alarms = checker.check(text, { platform: 'x', locale }).filter((f) => f.severity !== 'info');
      expect(alarms.map((f) => `${f.ruleId} "${f.excerpt}"`)).toEqual([]);
    }
  });
});

// Session 27: the creator set's `activatedBy` words. Under the default profile (nobody picked one), a draft in a
// creator's own voice about a code, a link or a gift still needs the label at the start; a brand's own promotion,
// which names its code or its bio link in the same words minus the "my", does not.
describe("a creator's own words under the brand profile", () => {
  const alarms = (text: string) =>
    checker
      .check(text, { platform: 'instagram', locale: /[ぁ-ん]/.test(text) ? 'ja' : 'en' })
      .filter((f) => f.severity !== 'info' && f.category === 'legal')
      .map((f) => `${f.ruleId} "${text.slice(f.start, f.end)}"`);

  it.each([
    ['"LEAH20" is my code 🥂', 'legal.creator-label-upfront ""LEAH20" is my code 🥂"'],
    ['Bag linked on stories, 15% off', 'legal.creator-label-upfront "Bag linked on stories, 15% off"'],
    ['Here is the link to my boots', 'legal.creator-label-upfront "Here is the link to my boots"'],
    ['Obsessed with this serum! Ad/Gifted', 'legal.creator-label-upfront "Obsessed with this serum! Ad/Gifted"'],
    ['楽天ROOMに載せてます♪', 'legal.creator-label-upfront "楽天ROOMに載せてます♪"'],
    // ASA 2020 (an influencer's story for a retailer): the shop link on the creator's own LTK profile
    ['Skirt is on my @liketoknowit page', 'legal.creator-label-upfront "Skirt is on my @liketoknowit page"'],
  ])('flags %s', (text, expected) => {
    expect(alarms(text)).toContain(expected);
  });

  it.each([
    '#ad "LEAH20" is my code 🥂',
    'Use code SPRING10 for 10% off, link in bio',
    'New episode of my podcast is out. Link in my bio!',
    'We gifted 500 meals to the food bank this week',
    'Our founder was gifted this recipe by her grandmother',
  ])('passes %s', (text) => {
    expect(alarms(text)).toEqual([]);
  });
});

const CONFORMANCE = fileURLToPath(new URL('../../../shared/eval/twitter-text/validate.json', import.meta.url));

// Data nobody here wrote: twitter-text's own conformance cases, read from ../shared/eval.
describe.skipIf(!existsSync(CONFORMANCE))("X's weighted count, against twitter-text's conformance cases", () => {
  const cases = existsSync(CONFORMANCE)
    ? (JSON.parse(readFileSync(CONFORMANCE, 'utf8')) as { description: string; text: string; over280: boolean }[])
    : [];
  it('flags a platform limit on X exactly when a case is over 280', () => {
    const wrong = cases.filter(({ text, over280 }) => {
      const flagged = checker
        .check(text, { platform: 'x' })
        .some((f) => f.category === 'platform' && f.severity !== 'info');
      return flagged !== over280;
    });
    expect(cases.length).toBeGreaterThan(100);
    expect(wrong.map((c) => c.description)).toEqual([]);
  });
});
