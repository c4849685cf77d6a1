import { describe, expect, it } from 'vitest';
import { compilePacks, loadPack, PACK_LIMITS, PackError } from '../../../rules/index';
import { featuresOf, normalizeSentence, quotable, sentencesOf } from '../../../rules/model/features';
import { compileModel, encodeWeights, MIN_FEATURES, type Model, modelProblem } from '../../../rules/model/model';
import { testPack } from '../../helpers/pack';

const BITS = 16;

/** A model whose one head weighs the given words (and their letter n-grams) as problems. */
function modelOf(words: Record<string, number>, bias = -40): Model {
  const weights = new Map<number, number>();
  for (const [word, weight] of Object.entries(words))
    for (const feature of featuresOf(normalizeSentence(word), BITS)) weights.set(feature.hash, weight);
  const keys = [...weights.keys()].sort((a, b) => a - b);
  return {
    id: 'toy',
    sources: ['written for this test'],
    features: 'ngrams-2-4-words-1',
    bits: BITS,
    heads: [{ id: 'legal', bias }],
    scale: 1,
    ...encodeWeights(keys, Int8Array.from(keys.map((key) => weights.get(key)!))),
  };
}

const toy = modelOf({ miracle: 20, cure: 20 });
const modelRule = {
  id: 'model.toy',
  kind: 'model',
  category: 'legal',
  model: 'toy',
  head: 'legal',
  threshold: 0.8,
  message: 'score {score}: {words}',
};
const claimRule = { id: 'terms.guaranteed', kind: 'terms', category: 'legal', terms: ['guaranteed'] };

const checker = (rules: Record<string, unknown>[], model: Model = toy) =>
  compilePacks([testPack(rules as never, { models: [model] })]);

describe('a model’s reading of a draft', () => {
  it('cuts sentences at their ends, without the space around them', () => {
    const text = ' Hi there. 新商品です！ Next\nline? e.g.x';
    expect(sentencesOf(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Hi there.',
      '新商品です！',
      'Next',
      'line?',
      'e.g.x',
    ]);
  });

  it('reads full-width letters and capitals as plain lower case, one space between words', () => {
    expect(normalizeSentence('ＭＩＲＡＣＬＥ  Cure\tｶﾞﾝ')).toBe('miracle cure ガン');
  });

  it('takes each feature once, the same way every time, within its bits', () => {
    const features = featuresOf('cure cure', BITS);
    expect(new Set(features.map((f) => f.hash)).size).toBe(features.length);
    expect(features).toEqual(featuresOf('cure cure', BITS));
    expect(features.every((f) => f.hash < 2 ** BITS)).toBe(true);
  });

  it('quotes a piece of a Latin word as the whole word, and never an emoji or half of one', () => {
    const sentence = 'abcde👨‍👩‍👧 wins';
    const quoted = featuresOf(sentence, BITS, true).map((f) => quotable(f, sentence));
    expect(quoted).toContain('abcde');
    expect(quoted).toContain('wins');
    expect(quoted.some((q) => q !== undefined && /\p{Extended_Pictographic}|[\uD800-\uDFFF]/u.test(q))).toBe(false);
  });
});

describe('model weights in a pack', () => {
  it('decode to the scores they were written with', () => {
    const score = compileModel(toy).score('A miracle cure.')(0)!;
    expect(score.probability).toBeGreaterThan(0.99);
    expect(compileModel(toy).score('A fine day.')(0)!.probability).toBeLessThan(0.01);
  });

  it('name what is wrong with weights that cannot be read', () => {
    expect(modelProblem(toy)).toBeUndefined();
    expect(modelProblem({ ...toy, weights: 'AAAA' })).toMatch(/3 weights for \d+ keys and 1 heads/);
    // Gaps 5 and 0: the key 5 twice.
    const twice = { keys: btoa(String.fromCharCode(5, 0)), weights: btoa(String.fromCharCode(1, 1)) };
    expect(modelProblem({ ...toy, ...twice })).toMatch(/keys must rise/);
    const outside = encodeWeights([2 ** BITS], Int8Array.from([1]));
    expect(modelProblem({ ...toy, ...outside })).toMatch(/under 2\^16/);
    expect(modelProblem({ ...toy, keys: '////' })).toMatch(/end inside a gap|past 32 bits/);
  });
});

describe('model rules', () => {
  it('flag the sentence that weighs most, with its words and score', () => {
    const text = 'Good morning! This miracle cream works. See you soon.';
    const [finding, ...rest] = checker([modelRule]).check(text);
    expect(rest).toEqual([]);
    expect(text.slice(finding!.start, finding!.end)).toBe('This miracle cream works.');
    expect(finding!.message).toMatch(/^score 1: “miracle”/);
    expect(finding!.severity).toBe('warn');
  });

  it('stay silent under their threshold', () => {
    expect(checker([modelRule]).check('Welcome back! See you soon.')).toEqual([]);
    const mild = modelOf({ miracle: 1 }, 0);
    const text = 'A miracle for the whole family, every day.';
    expect(checker([{ ...modelRule, threshold: 0.5 }], mild).check(text)).toHaveLength(1);
    expect(checker([{ ...modelRule, threshold: 0.999999 }], mild).check(text)).toEqual([]);
  });

  it('need some thirty features before they speak: a one-word reply is the bias over a tiny root, not evidence', () => {
    // A bias that alone clears the threshold: without the floor, "ok" scored 0.9 and got a warning.
    const eager = checker([modelRule], modelOf({ miracle: 1 }, 10));
    for (const reply of ['ok', 'Yes!', '最高！', '#aaaaaaaaaaaaaaaaaaaa']) expect(eager.check(reply)).toEqual([]);
    expect(eager.check('This miracle cream works wonders.')).toHaveLength(1);
    expect(featuresOf(normalizeSentence('Yes!'), BITS).length).toBeLessThan(MIN_FEATURES);
  });

  it('give a sentence said again no more weight', () => {
    const model = compileModel(modelOf({ miracle: 3 }, -2));
    const once = model.score('A miracle. Shop now.')(0)!.probability;
    expect(model.score('A miracle. A miracle. A miracle. Shop now.')(0)!.probability).toBeCloseTo(once, 12);
  });

  it('read a sentence the same after more sentences than its stamps count (the table is reset, not misread)', () => {
    const reading = compileModel(toy);
    const expected = compileModel(toy).score('A miracle cure. Seen twice: cure.')(0)!.probability;
    for (let i = 0; i < 70_000; i++) reading.score(`Item ${i}.`);
    expect(reading.score('A miracle cure. Seen twice: cure.')(0)!.probability).toBe(expected);
  });

  it('score an edited draft as a fresh checker does (sentences read earlier come from memory)', () => {
    const typing = checker([modelRule]);
    const drafts = ['Hello.', 'Hello. A mir', 'Hello. A miracle', 'Hello. A miracle cure!', 'Hello. A cure!', 'Hello.'];
    for (const draft of drafts) expect(typing.check(draft)).toEqual(checker([modelRule]).check(draft));
  });

  it('yield to a warning or block of their own category, not to another category or a note', () => {
    const text = 'Guaranteed: a miracle cure.';
    const ids = (rules: Record<string, unknown>[]) =>
      checker(rules)
        .check(text)
        .map((f) => f.ruleId);
    expect(ids([modelRule, claimRule])).toEqual(['terms.guaranteed']);
    expect(ids([modelRule, { ...claimRule, category: 'risk' }]).sort()).toEqual(['model.toy', 'terms.guaranteed']);
    expect(ids([modelRule, { ...claimRule, severity: 'info' }]).sort()).toEqual(['model.toy', 'terms.guaranteed']);
  });

  it('keep quiet where a rule of their category that a person switched off, or lowered to a note, would speak', () => {
    const text = 'Guaranteed: a miracle cure.';
    const sets = [
      { id: 'main', title: 'Main' },
      { id: 'claims', title: 'Claims' },
      { id: 'creator', title: 'Creator', enabled: false },
    ];
    const pack = testPack([modelRule, { ...claimRule, set: 'claims' }] as never, { models: [toy], sets });
    const ids = (options: Parameters<typeof compilePacks>[1]) =>
      compilePacks([pack], options)
        .check(text)
        .map((f) => `${f.ruleId} ${f.severity}`);
    expect(ids({})).toEqual(['terms.guaranteed warn']);
    expect(ids({ sets: { claims: false } })).toEqual([]);
    expect(ids({ disabledRules: ['terms.guaranteed'] })).toEqual([]);
    expect(ids({ severities: { 'terms.guaranteed': 'info' } })).toEqual(['terms.guaranteed info']);
    // Where the silenced rule finds nothing, the model speaks as before.
    expect(compilePacks([pack], { sets: { claims: false } }).check('A miracle cure.')).toHaveLength(1);
    // A set that is off by default (a profile's) silences nothing: the model speaks.
    const offByDefault = testPack([modelRule, { ...claimRule, set: 'creator' }] as never, { models: [toy], sets });
    expect(
      compilePacks([offByDefault])
        .check(text)
        .map((f) => f.ruleId),
    ).toEqual(['model.toy']);
  });

  it('never block: the schema refuses it, and an override that asks for it gets a warning', () => {
    expect(() => testPack([{ ...modelRule, severity: 'block' }] as never, { models: [toy] })).toThrow(/never blocks/);
    const pack = testPack([modelRule] as never, { models: [toy] });
    const louder = { ...testPack([], { id: 'team' }), overrides: [{ rule: 'model.toy', severity: 'block' as const }] };
    const strict = compilePacks([pack, louder]);
    expect(strict.check('A miracle cure.')[0]!.severity).toBe('warn');
    expect(strict.warnings).toContain("model.toy is a model's rule: it warns, never blocks");
  });
});

describe('loading a pack with models', () => {
  const document = (rule: Record<string, unknown>, models: unknown[] = [toy]) =>
    JSON.stringify({
      id: 'team',
      name: 'Team',
      version: '1.0.0',
      locales: ['en'],
      sets: [{ id: 'main', title: 'Main' }],
      manual: [{ id: 'guide', title: 'Guide', body: 'Body' }],
      models,
      rules: [{ set: 'main', severity: 'warn', manual: 'guide', ...modelRule, ...rule }],
    });
  const issues = (text: string) => {
    try {
      loadPack(text, 'team.json');
      return [];
    } catch (error) {
      if (error instanceof PackError) return error.issues.map((i) => `${i.path}: ${i.message}`);
      throw error;
    }
  };

  it('accepts a model and the rules that read it', () => {
    expect(issues(document({}))).toEqual([]);
  });

  it('names a model or head the pack does not have', () => {
    expect(issues(document({ model: 'other' }))).toEqual([
      'rules[0].model: no model "other" in this pack (models: toy)',
    ]);
    expect(issues(document({ head: 'risk' }))).toEqual([
      'rules[0].head: model "toy" has no head "risk" (heads: legal)',
    ]);
  });

  it('names weights that cannot be read, and tables too large for a tab', () => {
    expect(issues(document({}, [{ ...toy, weights: 'AAAA' }]))[0]).toMatch(
      /^models\[0\]\.weights: the model's weights cannot be read: 3 weights/,
    );
    const huge = { ...toy, bits: 20, heads: Array.from({ length: 16 }, (_, i) => ({ id: `h${i}`, bias: 0 })) };
    expect(issues(document({}, [huge]))).toContain(
      `models[0]: the models' tables would hold ${2 ** 24} weights; the limit is ${PACK_LIMITS.modelCells}`,
    );
  });
});
