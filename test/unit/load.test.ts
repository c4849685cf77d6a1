import { describe, expect, it } from 'vitest';
import { loadPack, PACK_LIMITS, PackError } from '../../rules/index';
import { packSizeProblem } from '../../rules/load';

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
      'pack.yaml: version: expected text, got a number: put it in quotes (version: "1.2.0")',
    ]);
    expect(issues(base.replace('version: 1.0.0', 'version: one'))[0]).toContain(
      'version: a semantic version such as 1.4.0',
    );
  });

  it('rejects an unknown kind, severity or field', () => {
    expect(issues(withRule(goodRule.replace('kind: terms', 'kind: magic')))).toEqual([
      'pack.yaml: rules[0].kind: unknown rule kind: expected one of terms, pattern, claim, limit, require, pii, tone, links, model',
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
    expect(issues(pattern('[a-'))[0]).toMatch(/rules\[0\]\.pattern: .*unterminated character class/);
    expect(issues(pattern('\\p{L}{0,999}x'))[0]).toMatch(/rules\[0\]\.pattern: .*the limit is 256/);
  });

  it('rejects a pack that is too large before parsing it', () => {
    const huge = `${base}# ${'x'.repeat(PACK_LIMITS.bytes)}`;
    expect(issues(huge)[0]).toMatch(/bytes; the limit is/);
  });

  it('counts the size in UTF-8 bytes, not UTF-16 units', () => {
    // 2.9 million kana: under the limit in UTF-16 units, 8.7 MB as a file.
    const kana = `${base}# ${'あ'.repeat(2_900_000)}`;
    expect(kana.length).toBeLessThan(PACK_LIMITS.bytes);
    expect(issues(kana)[0]).toMatch(/the pack is 87\d{5} bytes; the limit is 8388608/);
    expect(packSizeProblem(`${base}# ${'あ'.repeat(2_700_000)}`)).toBeUndefined();
  });

  it('caps term length and the automaton a pack needs, in every list a rule has, naming the cap', () => {
    const long = 'あ'.repeat(PACK_LIMITS.termLength + 1);
    expect(issues(withRule(goodRule.replace('terms: [a]', `terms: [a], exceptions: [${long}]`)))).toEqual([
      `pack.yaml: rules[0]: a term of 1001 characters ("${'あ'.repeat(20)}…"); the limit is 1000 characters per term`,
    ]);
    // 1,000 terms of 1,000 distinct characters each: a million states.
    const many = Array.from({ length: 1000 }, (_, i) => `"${String.fromCharCode(0x4e00 + i).repeat(999)}x"`).join(', ');
    expect(issues(withRule(goodRule.replace('terms: [a]', `terms: [${many}]`)))).toEqual([
      "pack.yaml: rules: the pack's terms need an automaton of 1000001 states; the limit is 500000 states (fewer or shorter terms)",
    ]);
    // Overlapping terms share their states: あ, ああ, … ああ…(1,000) is a chain of 1,000.
    const chain = Array.from({ length: 1000 }, (_, i) => 'あ'.repeat(i + 1)).join(', ');
    expect(issues(withRule(goodRule.replace('terms: [a]', `terms: [${chain}]`)))).toEqual([]);
  });

  it('refuses YAML alias bombs', () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n`;
    expect(issues(bomb)[0]).toMatch(/alias|Excessive/i);
  });

  it('lists schema problems and cross-reference problems in one run, at their own places', () => {
    const text = `${base}rules:\n  - ${goodRule.replace('terms: [a]', 'terms: [a], bogus: 1')}\n  - ${goodRule.replace('id: r,', 'id: r2,').replace('manual: m', 'manual: nowhere')}\n`;
    expect(issues(text)).toEqual([
      'pack.yaml: rules[0]: unknown field: bogus',
      'pack.yaml: rules[1].manual: manual section "nowhere" does not exist in this pack',
    ]);
  });

  it('says to quote a version YAML read as a number', () => {
    expect(issues(base.replace('version: 1.0.0', 'version: 1.2'))).toEqual([
      'pack.yaml: version: expected text, got a number: put it in quotes (version: "1.2.0")',
    ]);
    expect(issues(base.replace('id: t', 'id: 2025'))).toEqual([
      'pack.yaml: id: expected text, got a number: put it in quotes',
    ]);
  });

  it('shows a YAML syntax error with its line and a caret under the spot', () => {
    const [problem] = issues('id: x\nname: [oops\nversion: 1\n');
    expect(problem).toMatch(
      /^pack\.yaml: : line 3, column 1: Flow sequence .* end with a \]\n {4}name: \[oops\n {4}version: 1\n {4}\^$/,
    );
  });
});
