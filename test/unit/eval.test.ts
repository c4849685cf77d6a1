import { describe, expect, it } from 'vitest';
import { CorpusItem } from '../../eval/schema';
import type { Checker, CheckOptions, Pack } from '../../rules/index';
import {
  checkersFor,
  DEFAULT_DAY,
  dayAt,
  evaluate,
  formatReport,
  gate,
  heldOutByRound,
  parseCorpus,
  profileSets,
  report,
  tallyBy,
  underProfile,
} from '../../scripts/eval';
import { testPack } from '../helpers/pack';

const source = { title: 'A ruling', publisher: 'A regulator', url: 'https://example.org/ruling', date: '2024-05-01' };
const item = (id: string, text: string, expect: 'flag' | 'pass', extra: Partial<CorpusItem> = {}): CorpusItem =>
  CorpusItem.parse({
    id: `en-${id}`,
    lang: 'en',
    text,
    expect,
    law: 'FTC Act §5',
    class: 'health-efficacy',
    source,
    ...extra,
  });

const base = testPack(
  [
    { id: 't.cure', kind: 'terms', terms: ['cures'], category: 'legal', severity: 'warn' },
    { id: 't.lol', kind: 'terms', terms: ['lol'], category: 'legal', severity: 'info' },
    { id: 't.sale', kind: 'terms', terms: ['sale'], category: 'risk', severity: 'block', set: 'quiet' },
  ],
  {
    sets: [
      { id: 'main', title: 'Main' },
      { id: 'quiet', title: 'Quiet', enabled: false },
    ],
  },
);
// Profiles arrive in the pack schema on another branch; the runner reads them from the pack as data.
const withProfiles = {
  ...base,
  profiles: [
    { id: 'brand', title: 'Brand', sets: {} },
    { id: 'creator', title: 'Creator', sets: { quiet: true } },
  ],
} as Pack;

const corpus = [
  item('caught', 'This tea cures colds', 'flag', { category: 'legal' }),
  item('info-only', 'lol', 'flag', { category: 'legal' }),
  item('wrong-category', 'It cures everything', 'flag', { category: 'risk', law: 'ASA CAP Code 12.1' }),
  item('clean', 'Our new tea is here', 'pass'),
  item('false-alarm', 'Nothing cures a Monday like tea', 'pass', { class: 'ordinary' }),
  item('info-pass', 'lol what a day', 'pass', { class: 'ordinary' }),
  item('creator-sale', 'Big sale today', 'flag', { category: 'risk', profile: 'creator', class: 'disaster-promo' }),
  item('brand-sale', 'Big sale today', 'flag', { category: 'risk', class: 'disaster-promo' }),
];

describe('the evaluation runner', () => {
  it('counts a violation caught only by a warn or block of its category, and any warn or block on a clean text', () => {
    const { checkerFor, unknownProfiles } = checkersFor(withProfiles);
    const outcomes = evaluate(corpus, checkerFor);
    const result = report(withProfiles, outcomes, [...unknownProfiles]);
    expect(result.overall).toEqual({ flag: 5, caught: 2, recall: 0.4, pass: 3, falseAlarms: 1, falseRate: 1 / 3 });
    expect(result.misses.map((m) => m.id)).toEqual(['en-info-only', 'en-wrong-category', 'en-brand-sale']);
    expect(result.misses[1]?.got).toEqual(['warn legal t.cure "cures"']);
    expect(result.falseAlarms).toEqual([
      { id: 'en-false-alarm', law: 'FTC Act §5', class: 'ordinary', got: ['warn legal t.cure "cures"'] },
    ]);
    expect(result.groups.profile).toEqual({
      brand: { flag: 4, caught: 1, recall: 0.25, pass: 3, falseAlarms: 1, falseRate: 1 / 3 },
      creator: { flag: 1, caught: 1, recall: 1, pass: 0, falseAlarms: 0, falseRate: null },
    });
    expect(result.groups.law['ASA CAP Code 12.1']).toMatchObject({ flag: 1, caught: 0, recall: 0 });
    expect(result.groups.class['disaster-promo']).toMatchObject({ flag: 2, caught: 1, recall: 0.5 });
    expect(result.groups.language.en).toMatchObject({ flag: 5, pass: 3 });
    expect(result.caughtRules).toEqual({ 't.cure': 1, 't.sale': 1 });
    expect(result.falseAlarmRules).toEqual({ 't.cure': 1 });
    expect(result.unknownProfiles).toEqual([]);
  });

  it('uses the default sets when the pack has no profiles, and names profiles a pack lacks', () => {
    expect(profileSets(base, 'creator')).toEqual({ known: true });
    expect(profileSets(withProfiles, 'creator')).toEqual({ sets: { quiet: true }, known: true });
    const { checkerFor, unknownProfiles } = checkersFor(withProfiles);
    const [outcome] = evaluate(
      [item('employee', 'Big sale today', 'flag', { category: 'risk', profile: 'employee' })],
      checkerFor,
    );
    expect(outcome?.correct).toBe(false);
    expect([...unknownProfiles]).toEqual(['employee']);
    const plain = checkersFor(base);
    expect(evaluate([corpus[6]!], plain.checkerFor)[0]?.correct).toBe(false);
  });

  it('measures every item again under one profile, as when nobody picks one', () => {
    const { checkerFor } = checkersFor(withProfiles);
    const own = evaluate(corpus, checkerFor);
    expect(own.find((o) => o.item.id === 'en-creator-sale')?.correct).toBe(true);
    const asBrand = underProfile('brand', own, checkerFor);
    expect(asBrand.find((o) => o.item.id === 'en-creator-sale')?.correct).toBe(false);
    // Items already of that profile keep their outcome.
    expect(asBrand.filter((o) => o.item.profile === undefined)).toEqual(
      own.filter((o) => o.item.profile === undefined),
    );
    const en = tallyBy(asBrand, (i) => i.lang).en!;
    expect([en.caught, en.flag]).toEqual([tallyBy(own, (i) => i.lang).en!.caught - 1, 5]);
  });

  it('checks each item on the day it was posted, else on one fixed day, with its platform, post type and language', () => {
    const seen: (CheckOptions & { now?: Date })[] = [];
    const recorder = {
      check: (_text: string, options: CheckOptions) => {
        seen.push(options);
        return [];
      },
    } as unknown as Checker;
    const posted = item('posted', 'Never forget', 'pass', { postedOn: '2013-09-11', platform: 'x', postType: 'reply' });
    evaluate([posted, corpus[3]!], () => recorder);
    evaluate([corpus[3]!], () => recorder, '2024-03-11');
    expect(seen.map((o) => [o.now?.toISOString().slice(0, 10), o.platform, o.postType, o.locale])).toEqual([
      ['2013-09-11', 'x', 'reply', 'en'],
      [DEFAULT_DAY, undefined, undefined, 'en'],
      ['2024-03-11', undefined, undefined, 'en'],
    ]);
    expect(dayAt('2025-06-04').getUTCHours()).toBe(12);
  });

  it("gives each judge's round apart, in the rounds' order, rules alone and with the model", () => {
    const judged = [
      item('fresh9-collect9-001', 'This tea cures colds', 'flag', { category: 'legal' }),
      item('fresh10-collect10en-001', 'It cures everything', 'flag', { category: 'legal' }),
      item('fresh10-collect10en-002', 'Feel better with our tea', 'flag', { category: 'legal' }),
      item('fresh10-collect10en-c001', 'Nothing cures a Monday like tea', 'pass'),
    ];
    const { checkerFor } = checkersFor(base);
    const alone = evaluate(judged, checkerFor);
    // A model that also catches "feel better": the round's figure with it is one more.
    const withModel = alone.map((o) =>
      o.item.text.startsWith('Feel') ? { ...o, correct: true, findings: [] as typeof o.findings } : o,
    );
    const rounds = heldOutByRound(withModel, alone);
    expect(Object.keys(rounds)).toEqual(['round 9 en', 'round 10 en']);
    expect(rounds['round 10 en']?.rulesAlone).toMatchObject({ flag: 2, caught: 1, pass: 1, falseAlarms: 1 });
    expect(rounds['round 10 en']?.withModel).toMatchObject({ flag: 2, caught: 2 });
    const result = report(base, alone);
    result.heldOut = { withModel: {}, rulesAlone: {}, byRound: rounds };
    expect(formatReport(result, false)).toMatch(/round 10 en\s+1\/2 \/ 2\/2\s+clean 1\/1 \/ 1\/1/);
  });

  it('gates on recall and false alarms', () => {
    const t = { flag: 10, caught: 8, recall: 0.8, pass: 50, falseAlarms: 1, falseRate: 0.02 };
    expect(gate(t, 0.8, 0.02)).toEqual([]);
    expect(gate({ ...t, caught: 7, recall: 0.7 }, 0.8, 0.02)).toEqual(['recall 70.0% < 80%']);
    expect(gate({ ...t, falseAlarms: 2, falseRate: 0.04 }, 0.8, 0.02)).toEqual(['false alarms 4.0% > 2%']);
  });

  it('names the file and line of every bad corpus line, and repeated ids', () => {
    const good = JSON.stringify({
      id: 'en-a',
      lang: 'en',
      text: 't',
      expect: 'pass',
      law: 'x',
      class: 'ordinary',
      source,
    });
    const flagWithoutCategory = good.replace('"pass"', '"flag"');
    const text = [good, '{oops', flagWithoutCategory.replace('en-a', 'en-b'), '', good].join('\n');
    expect(() => parseCorpus([{ file: 'c.jsonl', text }])).toThrowError(
      /c\.jsonl:2: not JSON[\s\S]*c\.jsonl:3: category: a flag item needs the category[\s\S]*c\.jsonl:5: id "en-a" is already used at c\.jsonl:1/,
    );
    expect(parseCorpus([{ file: 'c.jsonl', text: good }])).toHaveLength(1);
  });
});
