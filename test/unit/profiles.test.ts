import { describe, expect, it } from 'vitest';
import { compilePacks, loadPack, PackError, type PackInput } from '../../rules/index';
import { listProfiles, resolveProfile } from '../../rules/profiles';
import { testPack } from '../helpers/pack';

const sets = [
  { id: 'main', title: 'Main' },
  { id: 'creator', title: 'Creator', enabled: false },
  { id: 'finance', title: 'Finance', enabled: false },
];
const profiles: NonNullable<PackInput['profiles']> = [
  { id: 'brand', title: { en: 'Brand account', ja: '企業アカウント' } },
  { id: 'creator', title: { en: 'Creator', ja: 'クリエイター' }, sets: { creator: true } },
  { id: 'regulated-finance', title: { en: 'Finance', ja: '金融' }, sets: { finance: true, main: false } },
];
const pack = testPack(
  [
    { id: 'main.hype', kind: 'terms', terms: ['insane'] },
    { id: 'creator.code', kind: 'terms', terms: ['use code'], set: 'creator' },
    { id: 'finance.guarantee', kind: 'terms', terms: ['guaranteed'], set: 'finance' },
  ],
  { sets, profiles },
);
const draft = 'insane deal, use code MAYA, guaranteed';
const ids = (options: Parameters<typeof compilePacks>[1]) =>
  compilePacks([pack], options)
    .check(draft)
    .map((f) => f.ruleId);

describe('posting profiles', () => {
  it('uses the first profile when none is picked, and switches sets by the profile picked', () => {
    expect(compilePacks([pack]).profile).toBe('brand');
    expect(ids({})).toEqual(['main.hype']);
    expect(ids({ profile: 'creator' })).toEqual(['main.hype', 'creator.code']);
    expect(ids({ profile: 'regulated-finance' })).toEqual(['finance.guarantee']);
  });

  it('falls back to the default profile for an unknown id, and prefers one marked default', () => {
    expect(ids({ profile: 'nobody' })).toEqual(['main.hype']);
    const marked = testPack([], { sets, profiles: [profiles[0]!, { ...profiles[1]!, default: true }] });
    expect(resolveProfile([marked], undefined)).toBe('creator');
  });

  it('lets a reviewer’s own set switch win over the profile', () => {
    expect(ids({ profile: 'creator', sets: { creator: false } })).toEqual(['main.hype']);
    expect(ids({ profile: 'brand', sets: { 'test/finance': true } })).toEqual(['main.hype', 'finance.guarantee']);
  });

  it('lists each profile once across packs, the later pack’s title winning', () => {
    const team = testPack([], { id: 'team', profiles: [{ id: 'creator', title: 'Team creator' }] });
    expect(listProfiles([pack, team]).map((p) => [p.id, p.title])).toEqual([
      ['brand', profiles[0]!.title],
      ['creator', 'Team creator'],
      ['regulated-finance', profiles[2]!.title],
    ]);
  });

  it('refuses a profile naming a set the pack does not have, or a duplicate id', () => {
    const text = JSON.stringify({
      id: 'p',
      name: 'P',
      version: '1.0.0',
      locales: ['en'],
      sets: [{ id: 'main', title: 'Main' }],
      profiles: [
        { id: 'a', title: 'A', sets: { nope: true } },
        { id: 'a', title: 'A again' },
      ],
    });
    expect(() => loadPack(text, 'p.json')).toThrow(PackError);
    expect(() => loadPack(text, 'p.json')).toThrow(
      /profiles\[0\]\.sets\.nope: set "nope" is not among the pack's sets/,
    );
    expect(() => loadPack(text, 'p.json')).toThrow(/profiles\[1\]\.id: duplicate profile id "a"/);
  });
});

describe('sets turned on by a draft’s context (activatedBy)', () => {
  const clinicSets = [
    { id: 'main', title: 'Main' },
    { id: 'clinic', title: 'Clinic', enabled: false, activatedBy: { terms: ['clinic', { lexicon: 'procedures' }] } },
  ];
  const clinicProfiles: NonNullable<PackInput['profiles']> = [
    { id: 'brand', title: 'Brand' },
    { id: 'provider', title: 'Provider', sets: { clinic: true } },
    { id: 'quiet', title: 'Quiet', sets: { clinic: false } },
  ];
  const clinicPack = testPack([{ id: 'clinic.painless', kind: 'terms', terms: ['painless'], set: 'clinic' }], {
    sets: clinicSets,
    profiles: clinicProfiles,
    lexicons: [{ id: 'procedures', sources: ['test'], terms: ['lip filler'] }],
  });
  const spans = (text: string, options: Parameters<typeof compilePacks>[1] = {}) =>
    compilePacks([clinicPack], options)
      .check(text)
      .map((f) => [f.ruleId, text.slice(f.start, f.end), f.severity]);

  it('runs an off set’s rules on a draft with its context words, and only there', () => {
    expect(spans('Painless care at our clinic')).toEqual([['clinic.painless', 'Painless', 'warn']]);
    expect(spans('Painless lip filler this week')).toEqual([['clinic.painless', 'Painless', 'warn']]);
    expect(spans('Painless setup for your new router')).toEqual([]);
  });

  it('lets a profile, a reviewer or a rule switch decide alone', () => {
    expect(spans('Painless, every time', { profile: 'provider' })).toEqual([['clinic.painless', 'Painless', 'warn']]);
    expect(spans('Painless care at our clinic', { profile: 'quiet' })).toEqual([]);
    expect(spans('Painless care at our clinic', { sets: { 'test/clinic': false } })).toEqual([]);
    expect(spans('Painless setup for your router', { sets: { clinic: true } })).toEqual([
      ['clinic.painless', 'Painless', 'warn'],
    ]);
    expect(spans('Painless care at our clinic', { disabledRules: ['clinic.painless'] })).toEqual([]);
    expect(spans('Painless care at our clinic', { severities: { 'clinic.painless': 'info' } })).toEqual([
      ['clinic.painless', 'Painless', 'info'],
    ]);
  });

  it('keeps a rule policy locks as the pack has it, its context words included', () => {
    const locked = { lockedRules: ['clinic.painless'], sets: { 'test/clinic': false } };
    expect(spans('Painless care at our clinic', locked)).toEqual([['clinic.painless', 'Painless', 'warn']]);
    expect(spans('Painless setup for your router', locked)).toEqual([]);
    expect(
      spans('Painless care at our clinic', { lockedSets: ['test/clinic'], sets: { 'test/clinic': false } }),
    ).toEqual([]);
  });

  it('refuses context words that name a lexicon the pack does not have', () => {
    const text = JSON.stringify({
      id: 'p',
      name: 'P',
      version: '1.0.0',
      locales: ['en'],
      sets: [{ id: 'clinic', title: 'Clinic', enabled: false, activatedBy: { terms: [{ lexicon: 'nope' }] } }],
    });
    expect(() => loadPack(text, 'p.json')).toThrow(/sets\[0\]\.activatedBy\.terms\[0\]\.lexicon: no lexicon "nope"/);
  });
});
