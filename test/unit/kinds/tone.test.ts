import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../helpers/pack';

const hostile = {
  id: 'tone',
  kind: 'tone',
  message: 'score {score} ≥ {threshold}: {words}',
  threshold: 4,
  exclamationWeight: 0.5,
  lexicon: [
    { term: 'stupid', weight: 3 },
    { term: 'obviously you', weight: 2 },
    { term: 'learn to read', weight: 3 },
    { term: 'バカ', weight: 3 },
    { term: '文句があるなら', weight: 3 },
    { term: '買わなければいい', weight: 2 },
    { term: 'sorry', weight: -2 },
    { term: '申し訳ありません', weight: -2 },
  ],
};

describe('tone', () => {
  it('flags an angry reply with its score and the words behind it', () => {
    const [finding] = check([hostile], "@sam Obviously you didn't read the manual. Stupid question.");
    expect(finding?.message).toBe('score 5 ≥ 4: Obviously you, Stupid');
    expect(finding?.start).toBe(5);
  });

  it('flags Japanese contempt', () => {
    expect(check([hostile], '@tanaka 文句があるなら買わなければいいのでは？')).toHaveLength(1);
  });

  it('lets a calm apology through, even with one harsh word', () => {
    expect(check([hostile], '@tanaka ご不便をおかけし申し訳ありません。詳しい状況をDMで伺えますか？')).toEqual([]);
    expect(check([hostile], "Sorry, that was a stupid bug on our side — it's fixed now.")).toEqual([]);
  });

  it('adds shouting to the score', () => {
    expect(check([hostile], 'Stupid!!!!')).toHaveLength(1);
    expect(check([hostile], 'Stupid!')).toEqual([]);
  });

  it('does not take the capitals of a required notice for shouting', () => {
    const loud = { ...hostile, capsWeight: 0.5, ignoreLinesWith: ['no purchase necessary'] };
    const notice =
      'Enter our giveaway today.\nNO PURCHASE NECESSARY. OPEN TO LEGAL RESIDENTS OF THE UNITED STATES AGED EIGHTEEN AND OVER.';
    expect(check([loud], notice)).toEqual([]);
    // The same capitals on a line without the notice are shouting.
    expect(
      check([loud], 'Enter our giveaway today.\nOPEN TO LEGAL RESIDENTS OF THE UNITED STATES AGED EIGHTEEN AND OVER.'),
    ).toHaveLength(1);
  });

  it('reports a draft exactly when its score reaches the threshold (the early exit never drops one)', () => {
    const words = ['stupid', 'obviously', 'sorry', 'great', 'バカ', 'すごい', 'great deal'];
    const lexicon = fc
      .uniqueArray(fc.constantFrom(...words), { minLength: 1 })
      .chain((terms) =>
        fc.tuple(
          ...terms.map((term) => fc.record({ term: fc.constant(term), weight: fc.integer({ min: -30, max: 30 }) })),
        ),
      );
    const draft = fc
      .array(fc.constantFrom(...words, 'STUPID', 'NOW', ' ', '!', '！', 'ok', '。'), { maxLength: 30 })
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(lexicon, draft, fc.constantFrom(0, 0.5), fc.constantFrom(0, 1.5), (entries, text, bang, caps) => {
        // Weights in tenths, so that scores land on the grid the message rounds to.
        const rule = (threshold: number) => ({
          ...hostile,
          threshold,
          exclamationWeight: bang,
          capsWeight: caps,
          lexicon: entries.map((e) => ({ term: e.term, weight: e.weight / 10 })),
        });
        const [atZero] = check([rule(0)], text);
        const score = atZero ? Number(/score (-?[\d.]+)/.exec(atZero.message)![1]) : undefined;
        for (const threshold of [0.5, 1, 2, 3.3, 5, 8]) {
          const found = check([rule(threshold)], text);
          if (score !== undefined && score >= threshold + 0.05) {
            expect(found).toHaveLength(1);
            expect(found[0]!.message.replace(/≥ [\d.]+/, '')).toBe(atZero!.message.replace(/≥ [\d.]+/, ''));
          } else if (score === undefined || score <= threshold - 0.05) expect(found).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
