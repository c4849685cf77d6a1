import { describe, expect, it } from 'vitest';
import { loadPack, PACK_LIMITS, PackError } from '../../rules/index';

const base = `
id: t
name: T
version: 1.0.0
locales: [en, ja]
sets: [{ id: s, title: S }]
manual:
  - { id: m, title: { en: M, ja: エム }, body: { en: b, ja: 本文 } }
`;
const withRule = (rule: string) => `${base}rules:\n  - ${rule}\n`;
const goodRule =
  '{ id: r, set: s, kind: terms, category: risk, severity: warn, manual: m, message: { en: x, ja: x }, terms: [a] }';

function issues(text: string, file = 'pack.yaml'): string[] {
  try {
    loadPack(text, file);
  } catch (error) {
    if (error instanceof PackError) return error.issues.map((i) => `${i.file}: ${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('loading a pack', () => {
  it('accepts a valid pack and fills defaults', () => {
    const pack = loadPack(withRule(goodRule), 'pack.yaml');
    expect(pack.rules[0]).toMatchObject({ id: 'r', caseSensitive: false, examples: { flag: [], pass: [] } });
    expect(pack.sets[0]?.enabled).toBe(true);
  });

  it('reports broken YAML and JSON with the file name', () => {
    expect(issues('id: [unclosed', 'team.yaml')[0]).toMatch(/^team\.yaml: : /);
    expect(issues('{"id": ', 'team.json')[0]).toMatch(/^team\.json: : not valid JSON/);
  });

  it('names the field and what was expected for a wrong type', () => {
    expect(issues(base.replace('version: 1.0.0', 'version: 1'))).toEqual([
      'pack.yaml: version: Invalid input: expected string, received number',
    ]);
    expect(issues(base.replace('version: 1.0.0', 'version: one'))[0]).toContain(
      'version: a semantic version such as 1.4.0',
    );
  });

  it('rejects an unknown kind, severity or field', () => {
    expect(issues(withRule(goodRule.replace('kind: terms', 'kind: magic')))).toEqual([
      'pack.yaml: rules[0].kind: unknown rule kind: expected one of terms, pattern, claim, limit, require, pii, tone, links',
    ]);
    expect(issues(withRule(goodRule.replace('severity: warn', 'severity: fatal')))[0]).toMatch(
      /^pack\.yaml: rules\[0\]\.severity: .*"block"\|"warn"\|"info"/,
    );
    expect(issues(withRule(goodRule.replace('terms: [a]', 'terms: [a], color: red')))).toEqual([
      'pack.yaml: rules[0]: unknown field: color',
    ]);
  });

  it('rejects duplicate ids, unknown sets and missing manual sections', () => {
    const text = `${base}rules:\n  - ${goodRule}\n  - ${goodRule.replace('set: s', 'set: nope').replace('manual: m', 'manual: gone')}\n`;
    expect(issues(text)).toEqual([
      'pack.yaml: rules[1].id: duplicate rule id "r"',
      'pack.yaml: rules[1].set: set "nope" is not among the pack\'s sets (s)',
      'pack.yaml: rules[1].manual: manual section "gone" does not exist in this pack',
    ]);
  });

  it('rejects a message that lacks one of the pack’s locales', () => {
    expect(issues(withRule(goodRule.replace('message: { en: x, ja: x }', 'message: { en: x }')))).toEqual([
      "pack.yaml: rules[0].message: missing ja (the pack's locales are en, ja)",
    ]);
  });

  it('rejects invalid and unsafe patterns', () => {
    const pattern = (p: string) =>
      withRule(goodRule.replace('kind: terms', 'kind: pattern').replace('terms: [a]', () => `pattern: '${p}'`));
    expect(issues(pattern('(a)\\1'))[0]).toMatch(/^pack\.yaml: rules\[0\]\.pattern: .*backreferences are not allowed/);
    expect(issues(pattern('(?<=a)b'))[0]).toMatch(/rules\[0\]\.pattern: .*look-around is not allowed/);
    expect(issues(pattern('(a+)+$'))[0]).toMatch(/rules\[0\]\.pattern: .*unbounded repetition "\+"/);
    expect(issues(pattern('[a-'))[0]).toMatch(/rules\[0\]\.pattern: .*missing "\]"/);
  });

  it('rejects a pack that is too large before parsing it', () => {
    const huge = `${base}# ${'x'.repeat(PACK_LIMITS.bytes)}`;
    expect(issues(huge)[0]).toMatch(/bytes; the limit is/);
  });

  it('refuses YAML alias bombs', () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n`;
    expect(issues(bomb)[0]).toMatch(/alias|Excessive/i);
  });
});
