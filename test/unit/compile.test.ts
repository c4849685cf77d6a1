import { describe, expect, it } from 'vitest';
import { MATCH_LIMITS } from '../../rules/draft';
import { compilePacks, Pack } from '../../rules/index';
import { testPack } from '../helpers/pack';

const org = testPack(
  [
    { id: 'org.slang', kind: 'terms', terms: ['lol'], severity: 'info' },
    { id: 'org.secret', kind: 'terms', terms: ['falcon'], severity: 'block', set: 'privacy' },
    { id: 'org.hype', kind: 'terms', terms: ['insane'], severity: 'warn' },
  ],
  {
    id: 'org',
    sets: [
      { id: 'main', title: 'Main' },
      { id: 'privacy', title: 'Privacy' },
      { id: 'quiet', title: 'Quiet', enabled: false },
    ],
  },
);

describe('compilePacks', () => {
  it('returns findings sorted by position, with the manual section and set', () => {
    const findings = compilePacks([org]).check('insane falcon lol');
    expect(findings.map((f) => [f.ruleId, f.start, f.set, f.manual])).toEqual([
      ['org.hype', 0, 'main', { id: 'guide', title: 'Guide' }],
      ['org.secret', 7, 'privacy', { id: 'guide', title: 'Guide' }],
      ['org.slang', 14, 'main', { id: 'guide', title: 'Guide' }],
    ]);
  });

  it('picks the message and manual title in the draft’s locale, falling back to the pack’s', () => {
    const [ja] = compilePacks([org]).check('falcon', { locale: 'ja-JP' });
    expect(ja).toMatchObject({ message: 'falconがあります', manual: { title: 'ガイド' } });
    const [fr] = compilePacks([org]).check('falcon', { locale: 'fr' });
    expect(fr?.message).toBe('Found falcon');
  });

  it('lets a later pack switch off a rule of an earlier one or change its severity', () => {
    const team = testPack([], {
      id: 'team',
      overrides: [
        { rule: 'org.hype', enabled: false },
        { rule: 'org.slang', severity: 'warn' },
        { rule: 'nobody.has-this', enabled: false },
      ],
    });
    const checker = compilePacks([org, team]);
    expect(checker.check('insane lol').map((f) => [f.ruleId, f.severity])).toEqual([['org.slang', 'warn']]);
    expect(checker.warnings).toEqual(['team: override of nobody.has-this, which no earlier pack defines']);
  });

  it('lets a later pack replace a rule of the same id', () => {
    const team = testPack([{ id: 'org.secret', kind: 'terms', terms: ['eagle'], severity: 'block' }], { id: 'team' });
    const checker = compilePacks([org, team]);
    expect(checker.check('falcon eagle').map((f) => [f.ruleId, f.excerpt, f.pack])).toEqual([
      ['org.secret', 'eagle', 'team'],
    ]);
  });

  it('switches sets on and off by id or pack/id, and rules off by id', () => {
    const quiet = testPack([{ id: 'q.sale', kind: 'terms', terms: ['sale'], set: 'quiet', severity: 'block' }], {
      id: 'org2',
      sets: [{ id: 'quiet', title: 'Quiet', enabled: false }],
    });
    expect(compilePacks([quiet]).check('sale')).toEqual([]);
    expect(compilePacks([quiet], { sets: { quiet: true } }).check('sale')).toHaveLength(1);
    expect(compilePacks([quiet], { sets: { 'org2/quiet': true } }).check('sale')).toHaveLength(1);
    expect(compilePacks([org], { sets: { privacy: false } }).check('falcon')).toEqual([]);
    expect(compilePacks([org], { disabledRules: ['org.secret'] }).check('falcon')).toEqual([]);
    expect(compilePacks([org], { severities: { 'org.secret': 'info' } }).check('falcon')[0]?.severity).toBe('info');
  });

  it('keeps checking when one rule throws, and reports it', () => {
    const pack = Pack.parse(org);
    const errors: string[] = [];
    const checker = compilePacks([pack], { onRuleError: (id) => errors.push(id) });
    // Sabotage a compiled rule's data: its runner now throws on a hit.
    Object.defineProperty(pack.rules[0], 'limit', {
      get() {
        throw new Error('sabotaged');
      },
    });
    expect(checker.check('lol falcon').map((f) => f.ruleId)).toEqual(['org.secret']);
    expect(errors).toEqual(['org.slang']);
  });
});

describe('offsets into the draft', () => {
  const rules = [
    { id: 'secret', kind: 'terms', terms: ['falcon'] },
    { id: 'money', kind: 'pattern', pattern: '元本保証' },
  ];
  const spans = (text: string) =>
    compilePacks([testPack(rules)])
      .check(text)
      .map((f) => [f.ruleId, f.start, f.end, text.slice(f.start, f.end)]);

  it('index the draft exactly when it starts with a byte order mark', () => {
    expect(spans('\ufeffProject falcon 元本保証')).toEqual([
      ['secret', 9, 15, 'falcon'],
      ['money', 16, 20, '元本保証'],
    ]);
  });

  it('do not swallow a lone surrogate before a match', () => {
    expect(spans('\ud800falcon \udc00元本保証')).toEqual([
      ['secret', 1, 7, 'falcon'],
      ['money', 9, 13, '元本保証'],
    ]);
  });

  it('give an excerpt of at most 80 units that never splits a surrogate pair', () => {
    const long = testPack([{ id: 'long', kind: 'pattern', pattern: 'start.{0,120}end' }]);
    for (const filler of ['x'.repeat(73), 'x'.repeat(72)]) {
      const text = `start${filler}😀😀😀 and more text end`;
      const [finding] = compilePacks([long]).check(text);
      expect(finding?.excerpt.length).toBeLessThanOrEqual(80);
      expect(finding?.excerpt.endsWith('…')).toBe(true);
      // Every surrogate in the excerpt is half of a whole pair.
      expect(finding?.excerpt).toMatch(/^(?:[^\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/);
      expect(text.startsWith(finding!.excerpt.slice(0, -1))).toBe(true);
    }
  });
});

describe('match limits', () => {
  const kana = Array.from({ length: 1000 }, (_, i) => 'あ'.repeat(i + 1));

  it('keep 1,000 overlapping CJK terms on a long draft from exhausting the tab, and say how many more', () => {
    const pack = testPack([{ id: 'kana', kind: 'terms', terms: kana }]);
    const text = 'あ'.repeat(3000);
    const started = performance.now();
    const findings = compilePacks([pack]).check(text, { locale: 'ja' });
    // 16.7 s and 850 MB before the limits; a generous bound only catches a runaway.
    expect(performance.now() - started).toBeLessThan(2000);
    const more = findings.filter((f) => f.more !== undefined);
    expect(more).toHaveLength(1);
    expect(more[0]!.more).toBeGreaterThan(2_000_000);
    expect(more[0]!.message).toMatch(/^…ほかにこのルールの該当が[\d,]+件あります/);
    expect(findings.length).toBeLessThanOrEqual(MATCH_LIMITS.perRule + 1);
  });

  it('say "and N more" in English for a pattern that matches everywhere', () => {
    const pack = testPack([{ id: 'letters', kind: 'pattern', pattern: '\\p{L}' }]);
    const findings = compilePacks([pack]).check('a'.repeat(5000));
    expect(findings).toHaveLength(MATCH_LIMITS.perRule + 1);
    expect(findings.at(-1)).toMatchObject({
      more: 4000,
      message: '…and 4,000 more matches of this rule, not listed',
      start: 1000,
    });
  });

  it('never let a block finding go unreported when other rules use up the draft’s limit', () => {
    const noisy = Array.from({ length: 12 }, (_, i) => ({
      id: `noisy${i}`,
      kind: 'terms',
      severity: 'info',
      terms: kana.slice(0, 50),
    }));
    const pack = testPack([...noisy, { id: 'secret', kind: 'terms', terms: ['falcon'], severity: 'block' }]);
    const findings = compilePacks([pack]).check(`${'あ'.repeat(3000)} falcon`);
    expect(findings.some((f) => f.ruleId === 'secret' && f.severity === 'block')).toBe(true);
    expect(findings.filter((f) => f.more === undefined).length).toBeLessThanOrEqual(MATCH_LIMITS.perDraft);
  });
});

describe('what policy locks', () => {
  const team = (extra: Parameters<typeof testPack>[1], rules: Parameters<typeof testPack>[0] = []) =>
    testPack(rules, { id: 'team', ...extra });
  const ids = (checker: ReturnType<typeof compilePacks>, text: string) =>
    checker.check(text).map((f) => [f.ruleId, f.severity, f.pack]);

  it('holds a locked rule against every later pack’s overrides, but lets one make it stricter', () => {
    const off = team({ overrides: [{ rule: 'org.secret', enabled: false }] });
    const lower = team({ overrides: [{ rule: 'org.secret', severity: 'info' }] });
    const stricter = team({ overrides: [{ rule: 'org.hype', severity: 'block' }] });
    const locks = { lockedRules: ['org.secret', 'org.hype'] };
    expect(ids(compilePacks([org, off], locks), 'falcon')).toEqual([['org.secret', 'block', 'org']]);
    expect(ids(compilePacks([org, lower], locks), 'falcon')).toEqual([['org.secret', 'block', 'org']]);
    expect(compilePacks([org, off], locks).warnings).toEqual([
      'team: override of org.secret ignored: the rule is locked by policy',
    ]);
    expect(ids(compilePacks([org, stricter], locks), 'insane')).toEqual([['org.hype', 'block', 'org']]);
    // Without the lock the same packs switch it off: the lock is what holds.
    expect(ids(compilePacks([org, off]), 'falcon')).toEqual([]);
  });

  it('keeps the first definition of a locked rule: a later pack cannot replace it with a harmless one', () => {
    const replace = team({}, [{ id: 'org.secret', kind: 'terms', terms: ['zzz'], severity: 'info' }]);
    const checker = compilePacks([org, replace], { lockedRules: ['org.secret'] });
    expect(ids(checker, 'falcon zzz')).toEqual([['org.secret', 'block', 'org']]);
    expect(checker.warnings).toEqual(['team: org.secret is locked by policy; the rule of org stays']);
  });

  it('holds a locked rule against a person: rule switches, lower severities and switching its set off', () => {
    const checker = compilePacks([org], {
      lockedRules: ['org.secret'],
      disabledRules: ['org.secret', 'org.hype'],
      severities: { 'org.secret': 'info' },
      sets: { privacy: false },
    });
    expect(ids(checker, 'falcon insane')).toEqual([['org.secret', 'block', 'org']]);
    // Policy's own switch of its set is the one thing that turns it off.
    const policyOff = { lockedRules: ['org.secret'], lockedSets: ['org/privacy'], sets: { 'org/privacy': false } };
    expect(ids(compilePacks([org], policyOff), 'falcon')).toEqual([]);
  });

  it('holds every rule of a set policy keeps on, against packs and people', () => {
    const policy = { lockedSets: ['org/privacy'], sets: { 'org/privacy': true, privacy: false } };
    const off = team({ overrides: [{ rule: 'org.secret', enabled: false }] });
    const moved = testPack([{ id: 'org.secret', kind: 'terms', terms: ['falcon'], set: 'hidden' }], {
      id: 'team',
      sets: [{ id: 'hidden', title: 'Hidden', enabled: false }],
    });
    for (const packs of [
      [org, off],
      [org, moved],
    ]) {
      const checker = compilePacks(packs, {
        ...policy,
        disabledRules: ['org.secret'],
        severities: { 'org.secret': 'info' },
      });
      expect(ids(checker, 'falcon')).toEqual([['org.secret', 'block', 'org']]);
    }
    // A set policy keeps off stays off whatever a person switches.
    expect(
      ids(
        compilePacks([org], { lockedSets: ['org/privacy'], sets: { 'org/privacy': false, privacy: true } }),
        'falcon',
      ),
    ).toEqual([]);
  });
});
