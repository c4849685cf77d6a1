/** The default pack's model: how it is trained, stored in a pack folder, and counted by `npm run eval`. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR } from '../../cli/builtin-pack';
import { loadPackFrom } from '../../cli/pack-source';
import { exampleFindings } from '../../rules/examples';
import { compileModel } from '../../rules/model/model';
import { corpusCheckers, isHeldOut, readCorpus } from '../../scripts/eval';
import { train } from '../../scripts/train-model';

describe('training a model', () => {
  const examples = [
    { text: 'This tea cures arthritis in a week.', head: 0 },
    { text: 'Our cream cures eczema overnight.', head: 0 },
    { text: 'Drink this and your diabetes is cured.', head: 0 },
    { text: 'Our shop opens at nine on Saturday.', head: undefined },
    { text: 'Thanks for visiting, see you next week.', head: undefined },
    { text: 'New flavours in store this weekend.', head: undefined },
  ];

  it('gives the same weights every time', () => {
    expect(train(examples)).toEqual(train(examples));
  });

  it('learns what it was shown, in the form the checker reads', () => {
    const model = compileModel(train(examples));
    const legal = model.head('legal');
    expect(model.score('Our balm cures arthritis.')(legal)!.probability).toBeGreaterThan(0.5);
    expect(model.score('Our shop opens on Saturday.')(legal)!.probability).toBeLessThan(0.5);
  });
});

describe('models in a pack folder', () => {
  it('are read from models/<id>.json, one per file', () => {
    const pack = loadPackFrom(DEFAULT_PACK_DIR);
    expect(pack.models.map((m) => m.id)).toEqual(['cited-texts']);
    expect(pack.models[0]!.sources.join(' ')).toMatch(/held-out sets .* left out/);
    expect(pack.rules.filter((r) => r.kind === 'model').map((r) => r.id)).toEqual(['model.cited-legal']);
  });

  it('show reviewers what the model rule says, from its first example (the options page)', () => {
    const finding = exampleFindings(loadPackFrom(DEFAULT_PACK_DIR), 'en').get('model.cited-legal');
    expect(finding?.excerpt).toBe('Our new drink clears toxins and gives you glowing skin in days.');
    expect(finding?.message).toMatch(/weighing most: “toxins”/);
  });

  it('must be named as their file is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'preflight-models-'));
    const model = loadPackFrom(DEFAULT_PACK_DIR).models[0]!;
    writeFileSync(
      join(dir, 'pack.yaml'),
      'id: team\nname: Team\nversion: 1.0.0\nlocales: [en]\nsets: [{ id: main, title: Main }]\n',
    );
    mkdirSync(join(dir, 'models'));
    writeFileSync(join(dir, 'models', 'other.json'), JSON.stringify(model));
    expect(() => loadPackFrom(dir)).toThrow(/the id "cited-texts" differs from the file's name "other"/);
  });
});

describe('the evaluation and the model', () => {
  const pack = loadPackFrom(DEFAULT_PACK_DIR);
  const { checkerFor } = corpusCheckers(pack);
  const items = readCorpus();
  const heldOut = items.find(isHeldOut)!;
  const trained = items.find((item) => !isHeldOut(item))!;
  const hasModel = (item: typeof heldOut) => checkerFor('brand', item).rules.some((r) => r.rule.kind === 'model');

  it('counts the model only on the judges’ sets, which it never learned from', () => {
    expect(heldOut.id).toMatch(/-fresh\d+-collect/);
    expect(hasModel(heldOut)).toBe(true);
    expect(hasModel(trained)).toBe(false);
  });
});
