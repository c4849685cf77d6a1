/** The second-opinion experiment's model (scripts/second-opinion): features and training behave as its note says. */
import { describe, expect, it } from 'vitest';
import { type Example, ngrams, train, Vocab, verdict } from '../../scripts/second-opinion/model';

describe('the experiment’s n-grams', () => {
  it('takes English words and word pairs, lower-cased, each once', () => {
    expect(ngrams('Guaranteed returns, guaranteed', 'en').sort()).toEqual(
      ['guaranteed', 'returns', 'guaranteed returns', 'returns guaranteed'].sort(),
    );
  });

  it('takes Japanese character pairs and triples after NFKC', () => {
    expect(ngrams('ｶﾞﾝ治る', 'ja').sort()).toEqual(['ガン', 'ン治', '治る', 'ガン治', 'ン治る'].sort());
  });
});

describe('the experiment’s model', () => {
  const classes = ['clean', 'etiquette', 'legal', 'risk'];
  const texts: [string, number][] = [
    ['guaranteed returns every month', 2],
    ['risk free guaranteed profit', 2],
    ['double your money guaranteed', 2],
    ['earthquake sale today only', 3],
    ['storm deals shop the hurricane', 3],
    ['flood sale everything must go', 3],
    ['new menu this weekend', 0],
    ['thanks for visiting our store', 0],
    ['our team is here to help', 0],
  ];
  const vocab = new Vocab();
  const examples: Example[] = [...texts, ...texts].map(([text, label]) => ({
    feats: vocab.encode(ngrams(text, 'en')),
    label,
  }));
  const model = train(examples, classes, vocab.grams.length, { epochs: 20, minCount: 1 });
  const judge = (text: string) => verdict(model, vocab.encode(ngrams(text, 'en'), false));

  it('separates what it was shown and names the likely category', () => {
    expect(judge('guaranteed profit')).toMatchObject({ category: 'legal' });
    expect(judge('guaranteed profit').score).toBeGreaterThan(0.5);
    expect(judge('hurricane sale')).toMatchObject({ category: 'risk' });
    expect(judge('thanks to our team').score).toBeLessThan(0.5);
  });

  it('is deterministic for a seed', () => {
    const again = train(examples, classes, vocab.grams.length, { epochs: 20, minCount: 1 });
    expect([...again.weights]).toEqual([...model.weights]);
  });
});
