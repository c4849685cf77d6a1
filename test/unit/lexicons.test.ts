import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPackFrom } from '../../cli/pack-source';
import { compilePacks, loadPack, PACK_LIMITS, PackError } from '../../rules/index';
import { matched, testPack } from '../helpers/pack';

const base = `
id: t
name: T
version: 1.0.0
locales: [en, ja]
sets: [{ id: s, title: S }]
manual:
  - { id: m, title: { en: M, ja: エム }, body: { en: b, ja: 本文 } }
lexicons:
  - { id: diseases, sources: [ICD-10], terms: [eczema, アトピー] }
`;
const rule = (fields: string) =>
  `${base}rules:\n  - { id: r, set: s, category: legal, severity: warn, manual: m, message: x, ${fields} }\n`;

function issues(text: string): string[] {
  try {
    loadPack(text, 'pack.yaml');
  } catch (error) {
    if (error instanceof PackError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('lexicons', () => {
  it('expand in place in every term list, and a hit names the lexicon term that matched', () => {
    const pack = testPack(
      [
        {
          id: 'r',
          kind: 'terms',
          terms: ['first', { lexicon: 'diseases' }, { term: 'last', suggest: 'final' }],
          message: '{match}/{suggestion}',
        },
      ],
      { lexicons: [{ id: 'diseases', sources: ['ICD-10'], terms: ['eczema', { term: 'アトピー', suggest: '肌' }] }] },
    );
    const findings = compilePacks([pack]).check('first, eczema, アトピー, last');
    expect(findings.map((f) => [f.start, f.end, f.message])).toEqual([
      [0, 5, 'first/{suggestion}'],
      [7, 13, 'eczema/{suggestion}'],
      [15, 19, 'アトピー/肌'],
      [21, 25, 'last/final'],
    ]);
  });

  it('serve windows and negation cues as well', () => {
    const rules = [
      {
        id: 'w',
        kind: 'terms',
        terms: ['sale'],
        with: { terms: [{ lexicon: 'disasters' }] },
        negation: { before: [{ lexicon: 'negations' }] },
      },
    ];
    const extra = {
      lexicons: [
        { id: 'disasters', sources: ['NWS hazard types'], terms: ['blizzard'] },
        { id: 'negations', sources: ['test'], terms: ['no'] },
      ],
    };
    const checker = compilePacks([testPack(rules, extra)]);
    const spans = (text: string) => checker.check(text).map((f) => [f.start, f.end]);
    expect(spans('Blizzard sale today')).toEqual([[9, 13]]);
    expect(spans('Blizzard: no sale today')).toEqual([]);
    expect(spans('Spring sale today')).toEqual([]);
  });

  it('are shared by rules without mixing their settings', () => {
    const rules = [
      { id: 'a', kind: 'terms', terms: [{ lexicon: 'verbs' }] },
      { id: 'b', kind: 'terms', terms: [{ lexicon: 'verbs' }], set: 'main' },
      { id: 'c', kind: 'terms', terms: ['消える'] },
      { id: 'd', kind: 'terms', terms: ['消える'], inflect: true },
    ];
    const lexicons = [{ id: 'verbs', sources: ['test'], terms: ['治る'] }];
    const text = '治る。消えた';
    const found = compilePacks([testPack(rules, { lexicons })])
      .check(text)
      .map((f) => [f.ruleId, text.slice(f.start, f.end)]);
    expect(found).toEqual([
      ['a', '治る'],
      ['b', '治る'],
      ['d', '消えた'],
    ]);
  });

  it("enter the automaton once when many rules' controls name them beside words of their own", () => {
    const rules = ['a', 'b', 'c'].map((id) => ({
      id,
      kind: 'terms',
      terms: [`${id}-sale`],
      without: { within: 20, terms: [{ lexicon: 'news' }, `${id}-news`] },
      negation: { before: [{ lexicon: 'negations' }, `${id}-never`] },
    }));
    const lexicons = [
      { id: 'news', sources: ['test'], terms: ['allegedly'] },
      { id: 'negations', sources: ['test'], terms: ['no'] },
    ];
    const checker = compilePacks([testPack(rules, { lexicons })]);
    const keys = checker.prebuilt().automaton.keys.split('\u0000');
    expect(keys.filter((key) => key === 'allegedly')).toHaveLength(1);
    expect(keys.filter((key) => key === 'no')).toHaveLength(1);
    // Each rule still reads the lexicon and its own words, and no other rule's.
    const found = (text: string) => checker.check(text).map((f) => f.ruleId);
    expect(found('a-sale b-sale c-sale')).toEqual(['a', 'b', 'c']);
    expect(found('allegedly a-sale, and later on b-sale')).toEqual(['b']);
    expect(found('a-news a-sale b-sale')).toEqual(['b']);
    expect(found('no a-sale. b-never b-sale. a-never c-sale')).toEqual(['c']);
  });

  it('may not hold more lemmas than the limit: each makes many forms', () => {
    const many = Array.from({ length: PACK_LIMITS.lemmas + 1 }, (_, i) => `治る${i}`).join(', ');
    const text = `${base.replace('lexicons:\n', `lexicons:\n  - { id: big, sources: [x], inflect: true, terms: [${many}] }\n`)}rules: []\n`;
    expect(issues(text)).toEqual([
      `lexicons: ${PACK_LIMITS.lemmas + 1} terms in inflected lexicons; the limit is ${PACK_LIMITS.lemmas}`,
    ]);
  });

  it('load with defaults and keep their sources', () => {
    const pack = loadPack(rule('kind: terms, terms: [{ lexicon: diseases }]'));
    expect(pack.lexicons).toEqual([{ id: 'diseases', sources: ['ICD-10'], terms: ['eczema', 'アトピー'] }]);
    expect(matched([{ id: 'x', kind: 'terms', terms: ['a'] }], 'a b')).toEqual(['a']);
  });

  it('name the rule and the field when a reference has no lexicon', () => {
    expect(issues(rule('kind: terms, terms: [a, { lexicon: symptoms }]'))).toEqual([
      'rules[0].terms[1].lexicon: no lexicon "symptoms" in this pack (lexicons: diseases)',
    ]);
    expect(
      issues(
        rule(
          'kind: claim, subject: [{ lexicon: diseases }], predicate: [cure], negation: { after: [{ lexicon: neg }] }',
        ),
      ),
    ).toEqual(['rules[0].negation.after[0].lexicon: no lexicon "neg" in this pack (lexicons: diseases)']);
    expect(issues(rule('kind: require, when: { terms: [x] }, need: { terms: [{ lexicon: basis }] }'))).toEqual([
      'rules[0].need.terms[0].lexicon: no lexicon "basis" in this pack (lexicons: diseases)',
    ]);
  });

  it('explain a term that is neither a term nor a reference', () => {
    expect(issues(rule('kind: terms, terms: [{ lexicon: diseases, term: x }]'))).toEqual([
      'rules[0].terms[0]: expected a term: a text, { term, suggest, message, manual, severity } or { lexicon: id }',
    ]);
  });

  it('let a claim part be terms or patterns, but not nothing', () => {
    expect(issues(rule('kind: claim, subjectPattern: "\\\\d{1,3}万円", predicate: [稼げる]'))).toEqual([]);
    expect(issues(rule('kind: claim, predicate: [稼げる]'))).toEqual([
      'rules[0].subject: give `subject` or `subjectPattern` (or both)',
    ]);
    expect(issues(rule('kind: claim, subject: [a], predicatePattern: "x.*y"'))[0]).toMatch(
      /^rules\[0\]\.predicatePattern: pattern "x\.\*y" at 2: unbounded repetition/,
    );
  });

  it('need a source, terms and a unique id', () => {
    const noSources = base.replace('sources: [ICD-10], ', '');
    expect(issues(`${noSources}rules: []\n`)).toEqual([
      'lexicons[0].sources: Invalid input: expected array, received undefined',
    ]);
    const empty = base.replace('sources: [ICD-10]', 'sources: []');
    expect(issues(`${empty}rules: []\n`)[0]).toMatch(/^lexicons\[0\]\.sources: /);
    const twice = `${base}  - { id: diseases, sources: [x], terms: [y] }\nrules: []\n`;
    expect(issues(twice)).toEqual(['lexicons[1].id: duplicate lexicon id "diseases"']);
    const refInLexicon = `${base}  - { id: other, sources: [x], terms: [{ lexicon: diseases }] }\nrules: []\n`;
    expect(issues(refInLexicon)[0]).toMatch(/^lexicons\[1\]\.terms\[0\]/);
  });

  it('are read from a pack folder, one file each, with errors located in that file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'preflight-lexicons-'));
    mkdirSync(join(dir, 'rules'));
    mkdirSync(join(dir, 'lexicons'));
    mkdirSync(join(dir, 'manual'));
    writeFileSync(
      join(dir, 'pack.yaml'),
      'id: f\nname: F\nversion: 1.0.0\nlocales: [en]\nsets: [{ id: health, title: Health }]\n',
    );
    writeFileSync(join(dir, 'manual', 'm.en.md'), '# M\n\nbody\n');
    writeFileSync(
      join(dir, 'rules', 'health.yaml'),
      '- { id: h, kind: terms, category: legal, severity: warn, manual: m, message: x, terms: [{ lexicon: diseases }] }\n',
    );
    writeFileSync(join(dir, 'lexicons', 'diseases.yaml'), 'sources: [ICD-10]\nterms: [eczema, psoriasis]\n');
    const pack = loadPackFrom(dir);
    expect(pack.lexicons.map((l) => [l.id, l.terms.length])).toEqual([['diseases', 2]]);
    expect(
      compilePacks([pack])
        .check('psoriasis')
        .map((f) => [f.ruleId, f.start, f.end]),
    ).toEqual([['h', 0, 9]]);

    writeFileSync(join(dir, 'lexicons', 'diseases.yaml'), 'terms: [eczema]\n');
    try {
      loadPackFrom(dir);
      expect.unreachable();
    } catch (error) {
      expect(
        (error as PackError).issues.map((i) => [i.file.endsWith(join('lexicons', 'diseases.yaml')), i.path]),
      ).toEqual([[true, 'sources']]);
    }
    writeFileSync(join(dir, 'lexicons', 'diseases.yaml'), 'id: illnesses\nsources: [x]\nterms: [eczema]\n');
    expect(() => loadPackFrom(dir)).toThrow(/differs from the file's name "diseases"/);
  });

  it("check that an example's `match` is part of a flag example", () => {
    const examples = (value: string) => rule(`kind: terms, terms: [a], examples: ${value}`);
    expect(issues(examples('{ flag: [{ text: "a b", match: "a" }], pass: [c] }'))).toEqual([]);
    expect(issues(examples('{ flag: [{ text: "a b", match: "x" }] }'))).toEqual([
      'rules[0].examples.flag[0].match: "x" is not part of the example\'s text',
    ]);
    expect(issues(examples('{ pass: [{ text: "c", match: "c" }] }'))).toEqual([
      'rules[0].examples.pass[0].match: only a flag example names the text it must flag',
    ]);
  });
});
