/**
 * The quality gate on the project's own real-text corpus (eval/corpus, `npm run eval`): the default
 * pack may not fall back below what it reached. Deterministic: counts, no timing. The studied floors
 * only ever rise; issue 9's goal is recall of at least 0.8 in each language with at most 2% false alarms.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR } from '../../cli/builtin-pack';
import { loadPackFrom } from '../../cli/pack-source';
import { checkersFor, evaluate, readCorpus, tally, tallyBy } from '../../scripts/eval';

/**
 * Each round adds texts the rules were never tuned on, and they enter with their misses (the honest
 * estimate of hidden sets). So the floors reached hold on the texts already studied, and the whole
 * corpus, the newest round included, has its own floor. Rounds three to seven entered with their misses,
 * so they stay out of the studied texts. The whole corpus's floor follows what its newest texts bring:
 * round 7 (203 violations, 33% caught before tuning; held-out sets after tuning 10/44) took the whole
 * corpus from en 79.4% / ja 80.2% to the figures below the floors' comment in docs/evaluation.md.
 */
const NEWEST_ROUND = /-fresh[3-8]-/;
const FLOORS = { studied: { en: 0.86, ja: 0.84 }, whole: { en: 0.77, ja: 0.78 }, falseAlarms: 0.02 };

describe('the default pack on the real-text corpus', () => {
  const items = readCorpus();
  const { checkerFor } = checkersFor(loadPackFrom(DEFAULT_PACK_DIR));
  const outcomes = evaluate(items, checkerFor);
  const byLanguage = tallyBy(outcomes, (item) => item.lang);
  const studied = tallyBy(
    outcomes.filter((outcome) => !NEWEST_ROUND.test(outcome.item.id)),
    (item) => item.lang,
  );

  it.each(Object.entries(FLOORS.studied))('catches at least its floor of the studied %s violations', (lang, floor) => {
    const counts = studied[lang]!;
    expect(counts.flag).toBeGreaterThanOrEqual(200);
    expect(counts.recall).toBeGreaterThanOrEqual(floor);
  });

  it.each(Object.entries(FLOORS.whole))(
    'catches at least its floor of all %s violations, the newest round included',
    (lang, floor) => {
      const counts = byLanguage[lang]!;
      expect(counts.flag).toBeGreaterThan(studied[lang]!.flag);
      expect(counts.recall).toBeGreaterThanOrEqual(floor);
    },
  );

  it('flags at most 2% of the clean texts, in each language and overall', () => {
    expect(tally(outcomes).falseRate).toBeLessThanOrEqual(FLOORS.falseAlarms);
    for (const counts of Object.values(byLanguage)) {
      expect(counts.pass).toBeGreaterThanOrEqual(200);
      expect(counts.falseRate).toBeLessThanOrEqual(FLOORS.falseAlarms);
    }
  });
});
