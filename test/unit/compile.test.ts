import { describe, expect, it } from 'vitest';
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
