/**
 * Reading a pack from outside: parse YAML or JSON, validate with zod, then check what a schema
 * cannot (ids unique, every rule's manual section exists, patterns compile, every locale given).
 * Any problem rejects the whole pack with messages that name the file and the field; a pack is
 * never half-loaded.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { isLexiconRef, termListsOf } from './lexicons';
import { type DateSpec, type Localized, Pack, RULE_KINDS, type Rule, type Term } from './schema';
import { compilePattern, PatternError } from './text/regex';

export interface PackIssue {
  /** The file the problem is in. */
  file: string;
  /** Where in that file: `rules[12].manual`. */
  path: string;
  message: string;
}

export class PackError extends Error {
  constructor(readonly issues: PackIssue[]) {
    super(issues.map((issue) => `${issue.file}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`).join('\n'));
    this.name = 'PackError';
  }
}

/** Limits that keep a hostile or broken pack from exhausting the browser. */
export const PACK_LIMITS = {
  bytes: 8 * 1024 * 1024,
  rules: 20_000,
  terms: 500_000,
  /** Terms of inflected lexicons: each brings up to about forty forms into the automaton. */
  lemmas: 25_000,
  patternLength: 2_000,
};

export type PathSegment = string | number;
/** Maps a path in the joined pack to the source file it came from (pack folders). */
export type Locate = (path: PathSegment[]) => { file: string; path: PathSegment[] };

export function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (out, segment) =>
      typeof segment === 'number' ? `${out}[${segment}]` : out ? `${out}.${segment}` : String(segment),
    '',
  );
}

/** Parse YAML or JSON text (JSON is YAML, but its own parser gives better positions). */
export function parseDocument(text: string, file: string): unknown {
  if (text.length > PACK_LIMITS.bytes) {
    throw new PackError([
      { file, path: '', message: `the pack is ${text.length} bytes; the limit is ${PACK_LIMITS.bytes}` },
    ]);
  }
  const json = /\.json$/i.test(file) || /^\s*[{[]/.test(text);
  try {
    return json ? JSON.parse(text) : parseYaml(text, { prettyErrors: true, maxAliasCount: 100, uniqueKeys: true });
  } catch (error) {
    const detail =
      error instanceof YAMLParseError
        ? `${error.message.split('\n')[0]}`
        : `not valid JSON: ${(error as Error).message}`;
    throw new PackError([{ file, path: '', message: detail }]);
  }
}

/** One line per problem: for a union (a string or a map), the branch that got furthest explains it. */
function describe(issue: z.core.$ZodIssue): { path: PathSegment[]; message: string } {
  const path = issue.path as PathSegment[];
  if (issue.code === 'invalid_union') {
    if ('note' in issue && issue.note === 'No matching discriminator') {
      return {
        path: [...path, 'kind'].filter((p, i, all) => !(p === 'kind' && all[i - 1] === 'kind')),
        message: `unknown rule kind: expected one of ${RULE_KINDS.join(', ')}`,
      };
    }
    const branches = issue.errors.filter((branch) => branch.length > 0);
    const furthest = branches.sort(
      (a, b) => Math.max(...b.map((i) => i.path.length)) - Math.max(...a.map((i) => i.path.length)),
    )[0];
    const inner = furthest?.[0];
    if (inner && inner.path.length > 0) {
      const described = describe(inner);
      return { path: [...path, ...described.path], message: described.message };
    }
    const expected = branches.flatMap((branch) =>
      branch.flatMap((i) => (i.code === 'invalid_type' ? [i.expected] : [])),
    );
    if (expected.length === branches.length) {
      const localized = expected.includes('string') && expected.includes('record');
      return {
        path,
        message: localized
          ? 'expected a text, or a map of locale to text such as { en: …, ja: … }'
          : `expected ${expected.join(' or ')}`,
      };
    }
  }
  if (issue.code === 'unrecognized_keys') {
    return { path, message: `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}` };
  }
  return { path, message: issue.message };
}

/** Validate a parsed document as a pack. Throws PackError listing every problem. */
export function validatePack(document: unknown, file: string, locate?: Locate): Pack {
  const where = (path: PathSegment[]) => {
    const located = locate ? locate(path) : { file, path };
    return { file: located.file, path: formatPath(located.path) };
  };
  const result = Pack.safeParse(document);
  if (!result.success) {
    throw new PackError(
      result.error.issues.slice(0, 50).map((issue) => {
        const { path, message } = describe(issue);
        return { ...where(path), message };
      }),
    );
  }
  const pack = result.data;
  const issues: PackIssue[] = [];
  const report = (path: PathSegment[], message: string) => issues.push({ ...where(path), message });

  if (pack.rules.length > PACK_LIMITS.rules)
    report(['rules'], `${pack.rules.length} rules; the limit is ${PACK_LIMITS.rules}`);
  const sets = new Set<string>();
  pack.sets.forEach((set, i) => {
    if (sets.has(set.id)) report(['sets', i, 'id'], `duplicate set id "${set.id}"`);
    sets.add(set.id);
    checkLocales(set.title, ['sets', i, 'title']);
  });
  const profiles = new Set<string>();
  pack.profiles.forEach((profile, i) => {
    if (profiles.has(profile.id)) report(['profiles', i, 'id'], `duplicate profile id "${profile.id}"`);
    profiles.add(profile.id);
    checkLocales(profile.title, ['profiles', i, 'title']);
    for (const setId of Object.keys(profile.sets)) {
      if (!sets.has(setId))
        report(['profiles', i, 'sets', setId], `set "${setId}" is not among the pack's sets (${[...sets].join(', ')})`);
    }
  });
  const checkDates = (specs: readonly DateSpec[] | undefined, path: PathSegment[]) => {
    specs?.forEach((spec, d) => {
      if ('from' in spec && spec.from.length !== spec.to.length)
        report([...path, d], '`from` and `to` are both "MM-DD" (every year) or both "YYYY-MM-DD"');
      if ('from' in spec && spec.from.length === 10 && spec.from > spec.to)
        report([...path, d], '`from` is after `to`');
      if (spec.label) checkLocales(spec.label, [...path, d, 'label']);
    });
  };
  pack.sets.forEach((set, i) => {
    checkDates(set.dates, ['sets', i, 'dates']);
  });
  const sections = new Set<string>();
  pack.manual.forEach((section, i) => {
    if (sections.has(section.id)) report(['manual', i, 'id'], `duplicate manual section id "${section.id}"`);
    sections.add(section.id);
    checkLocales(section.title, ['manual', i, 'title']);
    checkLocales(section.body, ['manual', i, 'body']);
  });

  function checkLocales(text: Localized, path: PathSegment[]) {
    if (typeof text === 'string') return;
    const missing = pack.locales.filter((locale) => text[locale] === undefined);
    if (missing.length > 0)
      report(path, `missing ${missing.join(', ')} (the pack's locales are ${pack.locales.join(', ')})`);
  }

  const lexicons = new Map<string, number>();
  let termCount = 0;
  pack.lexicons.forEach((lexicon, i) => {
    if (lexicons.has(lexicon.id)) report(['lexicons', i, 'id'], `duplicate lexicon id "${lexicon.id}"`);
    lexicons.set(lexicon.id, lexicon.terms.length);
    if (lexicon.title) checkLocales(lexicon.title, ['lexicons', i, 'title']);
    if (lexicon.description) checkLocales(lexicon.description, ['lexicons', i, 'description']);
    lexicon.terms.forEach((term, t) => {
      checkTerm(term, ['lexicons', i, 'terms', t]);
    });
    termCount += lexicon.terms.length;
  });

  function checkTerm(term: Term, path: PathSegment[]) {
    if (typeof term === 'string') return;
    if (term.manual && !sections.has(term.manual))
      report([...path, 'manual'], `manual section "${term.manual}" does not exist in this pack`);
    if (term.message) checkLocales(term.message, [...path, 'message']);
  }

  const ids = new Set<string>();
  pack.rules.forEach((rule, i) => {
    const at = (...rest: PathSegment[]) => ['rules', i, ...rest];
    if (ids.has(rule.id)) report(at('id'), `duplicate rule id "${rule.id}"`);
    ids.add(rule.id);
    if (!sets.has(rule.set))
      report(at('set'), `set "${rule.set}" is not among the pack's sets (${[...sets].join(', ') || 'none'})`);
    if (!sections.has(rule.manual)) report(at('manual'), `manual section "${rule.manual}" does not exist in this pack`);
    checkLocales(rule.message, at('message'));
    checkDates(rule.dates, at('dates'));
    for (const kind of ['flag', 'pass'] as const) {
      rule.examples[kind].forEach((example, e) => {
        if (typeof example === 'string' || example.match === undefined) return;
        if (kind === 'pass')
          report(at('examples', kind, e, 'match'), 'only a flag example names the text it must flag');
        else if (typeof example.text === 'string' && !example.text.includes(example.match))
          report(at('examples', kind, e, 'match'), `"${example.match}" is not part of the example's text`);
      });
    }
    for (const [path, source] of patternsOf(rule)) {
      if (source.length > PACK_LIMITS.patternLength) {
        report(at(...path), `pattern is ${source.length} characters; the limit is ${PACK_LIMITS.patternLength}`);
        continue;
      }
      try {
        compilePattern(source, true);
      } catch (error) {
        if (error instanceof PatternError) report(at(...path), error.message);
        else throw error;
      }
    }
    for (const [path, list] of termListsOf(rule)) {
      list.forEach((term, t) => {
        if (!isLexiconRef(term)) {
          termCount++;
          checkTerm(term, at(...path, t));
        } else if (!lexicons.has(term.lexicon)) {
          const known = [...lexicons.keys()].join(', ') || 'none';
          report(at(...path, t, 'lexicon'), `no lexicon "${term.lexicon}" in this pack (lexicons: ${known})`);
        }
      });
    }
    if (rule.kind === 'claim') {
      if (!rule.subject && !rule.subjectPattern) report(at('subject'), 'give `subject` or `subjectPattern` (or both)');
      if (!rule.predicate && !rule.predicatePattern)
        report(at('predicate'), 'give `predicate` or `predicatePattern` (or both)');
    }
    if (rule.kind === 'limit') {
      rule.checks.forEach((check, c) => {
        if (check.max === undefined && check.min === undefined) report(at('checks', c), 'give `max` or `min`');
        if (check.metric === 'capsRatio' && (check.max ?? 0) > 1)
          report(at('checks', c, 'max'), 'capsRatio is a share between 0 and 1');
        if (check.metric === 'forbiddenChars' && !check.chars)
          report(at('checks', c, 'chars'), 'forbiddenChars needs `chars`');
        if (check.message) checkLocales(check.message, at('checks', c, 'message'));
      });
    }
  });
  if (termCount > PACK_LIMITS.terms) report(['rules'], `${termCount} terms; the limit is ${PACK_LIMITS.terms}`);
  const lemmas = pack.lexicons.reduce((sum, lexicon) => sum + (lexicon.inflect ? lexicon.terms.length : 0), 0);
  if (lemmas > PACK_LIMITS.lemmas)
    report(['lexicons'], `${lemmas} terms in inflected lexicons; the limit is ${PACK_LIMITS.lemmas}`);
  if (issues.length > 0) throw new PackError(issues);
  return pack;
}

type Found<T> = [PathSegment[], T][];

function patternsOf(rule: Rule): Found<string> {
  const list = (value: string | string[] | undefined, path: PathSegment[]): Found<string> =>
    value === undefined ? [] : Array.isArray(value) ? value.map((v, i) => [[...path, i], v]) : [[path, value]];
  const basis = 'basis' in rule ? list(rule.basis?.pattern, ['basis', 'pattern']) : [];
  if (rule.kind === 'pattern') return [...list(rule.pattern, ['pattern']), ...basis];
  if (rule.kind === 'claim') {
    return [
      ...list(rule.subjectPattern, ['subjectPattern']),
      ...list(rule.predicatePattern, ['predicatePattern']),
      ...basis,
    ];
  }
  if (rule.kind === 'require') {
    return [
      ...list(rule.when?.pattern, ['when', 'pattern']),
      ...list(rule.need.pattern, ['need', 'pattern']),
      ...list(rule.unless?.pattern, ['unless', 'pattern']),
    ];
  }
  return basis;
}

/** Parse and validate one pack file's text. */
export function loadPack(text: string, file = 'pack'): Pack {
  return validatePack(parseDocument(text, file), file);
}
