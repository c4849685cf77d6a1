/**
 * Reading a pack from outside: parse YAML or JSON, validate with zod, then check what a schema
 * cannot (ids unique, every rule's manual section exists, patterns compile, every locale given).
 * Any problem rejects the whole pack with messages that name the file and the field; a pack is
 * never half-loaded.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { compileRule } from './compile';
import { provedPattern } from './compile-packs';
import { KINDS } from './kinds/index';
import type { KindDefinition, PathSegment } from './kinds/kind';
import { isLexiconRef, type LexiconIndex, lexiconsOf, resolveTerms, termListsOf } from './lexicons';
import { termText } from './match-controls';
import { modelProblem, UNREAD_MODEL } from './model/model';
import {
  type DateSpec,
  type Localized,
  ManualSection,
  Override,
  Pack,
  RULE_KINDS,
  Rule,
  type RuleKind,
  RuleSet,
  type Term,
  type TermRef,
} from './schema';
import { utf8Length } from './text/count';
import { foldTerm } from './text/fold';
import { termForms } from './text/forms';
import { compilePattern, PatternError, requiredLiterals } from './text/regex';
import { type PreparedPattern, runPattern } from './text/run-pattern';

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

/** Limits that keep a hostile or broken pack from exhausting the browser. `bytes` counts UTF-8, as files and downloads do. */
export const PACK_LIMITS = {
  bytes: 8 * 1024 * 1024,
  rules: 20_000,
  terms: 500_000,
  /** Terms of inflected lexicons: each brings up to about forty forms into the automaton. */
  lemmas: 25_000,
  patternLength: 2_000,
  /** UTF-16 units in one term (of any list: terms, exceptions, cues, lexicons, markers). */
  termLength: 1_000,
  /** States of the term automaton every tab builds from the pack's terms: its memory and build time. */
  automatonStates: 500_000,
  /** Weight cells (2^bits × heads) of all a pack's models together: the tables every tab decodes them into. */
  modelCells: 1 << 22,
};

/** Why a pack's text is too large to read, or undefined: every reader (file, subscription, policy) asks this. */
export function packSizeProblem(text: string): string | undefined {
  // A UTF-16 unit is at most 3 UTF-8 bytes: most texts are decided without counting.
  if (text.length * 3 <= PACK_LIMITS.bytes) return undefined;
  const bytes = utf8Length(text);
  return bytes > PACK_LIMITS.bytes ? `the pack is ${bytes} bytes; the limit is ${PACK_LIMITS.bytes}` : undefined;
}

export type { PathSegment } from './kinds/kind';
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
  const tooLarge = packSizeProblem(text);
  if (tooLarge) throw new PackError([{ file, path: '', message: tooLarge }]);
  const json = /\.json$/i.test(file) || /^\s*[{[]/.test(text);
  try {
    return json ? JSON.parse(text) : parseYaml(text, { prettyErrors: true, maxAliasCount: 100, uniqueKeys: true });
  } catch (error) {
    const detail = error instanceof YAMLParseError ? yamlProblem(error) : `not valid JSON: ${(error as Error).message}`;
    throw new PackError([{ file, path: '', message: detail }]);
  }
}

/** "line 3, column 1: <reason>", then the lines the parser quotes with its caret under the spot. */
function yamlProblem(error: YAMLParseError): string {
  const [head = '', ...context] = error.message.split('\n');
  const at = / at line (\d+), column (\d+):?$/.exec(head);
  const reason = at ? head.slice(0, at.index) : head;
  const where = at ? `line ${at[1]}, column ${at[2]}: ` : '';
  const quoted = context.filter((line) => line.trim() !== '').map((line) => `    ${line}`);
  return [`${where}${reason}`, ...quoted].join('\n');
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
  // YAML reads `version: 1.2` and `id: 2025` as numbers: say how to write them as text.
  if (issue.code === 'invalid_type' && issue.expected === 'string' && /received number/.test(issue.message)) {
    const hint = path.at(-1) === 'version' ? ' (version: "1.2.0")' : '';
    return { path, message: `expected text, got a number: put it in quotes${hint}` };
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
    const issues = result.error.issues.slice(0, 50).map((issue) => {
      const { path, message } = describe(issue);
      return { ...where(path), message };
    });
    // The parts that do parse are cross-checked too, so one run lists every problem.
    const partial = partialDocument(document);
    if (partial) {
      try {
        validatePack(partial.document, file, (path) => {
          const original = partial.original(path);
          return locate ? locate(original) : { file, path: original };
        });
      } catch (error) {
        if (!(error instanceof PackError)) throw error;
        issues.push(...error.issues.filter((issue) => !issues.some((i) => i.path === issue.path)));
      }
    }
    throw new PackError(issues);
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

  const models = new Map<string, Set<string>>();
  let cells = 0;
  pack.models.forEach((model, i) => {
    cells += 2 ** model.bits * model.heads.length;
    if (cells > PACK_LIMITS.modelCells) {
      report(['models', i], `the models' tables would hold ${cells} weights; the limit is ${PACK_LIMITS.modelCells}`);
      return;
    }
    if (models.has(model.id)) report(['models', i, 'id'], `duplicate model id "${model.id}"`);
    models.set(model.id, new Set(model.heads.map((head) => head.id)));
    if (model.title) checkLocales(model.title, ['models', i, 'title']);
    if (model.description) checkLocales(model.description, ['models', i, 'description']);
    const problem = modelProblem(model);
    if (problem) report(['models', i, 'weights'], `the model's weights cannot be read: ${problem}`);
  });

  pack.sets.forEach((set, i) => {
    set.activatedBy?.terms.forEach((term, t) => {
      const path: PathSegment[] = ['sets', i, 'activatedBy', 'terms', t];
      if (!isLexiconRef(term)) {
        termCount++;
        checkTerm(term, path);
      } else if (!lexicons.has(term.lexicon)) report([...path, 'lexicon'], `no lexicon "${term.lexicon}" in this pack`);
    });
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
    if (rule.kind === 'model') {
      const heads = models.get(rule.model);
      if (!heads)
        report(
          at('model'),
          `no model "${rule.model}" in this pack (models: ${[...models.keys()].join(', ') || 'none'})`,
        );
      else if (!heads.has(rule.head))
        report(at('head'), `model "${rule.model}" has no head "${rule.head}" (heads: ${[...heads].join(', ')})`);
    }
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
    kindOf(rule).validate?.(rule, {
      report: (path, message) => report(at(...path), message),
      locales: (text, path) => checkLocales(text, at(...path)),
    });
  });
  const guardLists: [PathSegment[], readonly TermRef[] | undefined][] = [
    ...(['before', 'after', 'narrated', 'denied'] as const).map(
      (side): [PathSegment[], readonly TermRef[] | undefined] => [
        ['reported', side, 'terms'],
        pack.reported?.[side]?.terms,
      ],
    ),
    [['reported', 'denied', 'unless'], pack.reported?.denied?.unless],
  ];
  for (const [listPath, list] of guardLists) {
    list?.forEach((term, t) => {
      const path: PathSegment[] = [...listPath, t];
      if (!isLexiconRef(term)) {
        termCount++;
        checkTerm(term, path);
      } else if (!lexicons.has(term.lexicon)) report([...path, 'lexicon'], `no lexicon "${term.lexicon}" in this pack`);
    });
  }
  const ruleIds = new Set(pack.rules.map((rule) => rule.id));
  pack.reported?.rules?.forEach((id, r) => {
    if (!ruleIds.has(id)) report(['reported', 'rules', r], `no rule "${id}" in this pack`);
  });
  if (termCount > PACK_LIMITS.terms) report(['rules'], `${termCount} terms; the limit is ${PACK_LIMITS.terms}`);
  const lemmas = pack.lexicons.reduce((sum, lexicon) => sum + (lexicon.inflect ? lexicon.terms.length : 0), 0);
  if (lemmas > PACK_LIMITS.lemmas)
    report(['lexicons'], `${lemmas} terms in inflected lexicons; the limit is ${PACK_LIMITS.lemmas}`);
  if (issues.length === 0) checkAutomaton(pack, report);
  if (issues.length > 0) throw new PackError(issues);
  return pack;
}

const ITEM_SCHEMAS = { rules: Rule, sets: RuleSet, manual: ManualSection, overrides: Override } as const;

/**
 * The document with only the list items that are valid on their own (rules, sets, …), and a map
 * from their new places back to the original ones; undefined when even that is not a pack.
 */
function partialDocument(document: unknown) {
  if (!document || typeof document !== 'object' || Array.isArray(document)) return undefined;
  const copy: Record<string, unknown> = { ...(document as Record<string, unknown>) };
  const kept: Record<string, number[]> = {};
  for (const [field, schema] of Object.entries(ITEM_SCHEMAS)) {
    const list = copy[field];
    if (!Array.isArray(list)) continue;
    kept[field] = list.flatMap((item, index) => (schema.safeParse(item).success ? [index] : []));
    copy[field] = kept[field]!.map((index) => list[index]);
  }
  if (!Pack.safeParse(copy).success) return undefined;
  const original = (path: PathSegment[]): PathSegment[] => {
    const [field, index, ...rest] = path;
    const map = typeof field === 'string' ? kept[field] : undefined;
    return map && typeof index === 'number' ? [field!, map[index] ?? index, ...rest] : path;
  };
  return { document: copy, original };
}

/**
 * Every string a rule puts into the term automaton, found by compiling it against a context that
 * only records them: whatever its kind, nothing is missed.
 */
function automatonTerms(rule: Rule, lexicons: LexiconIndex): string[] {
  const terms: string[] = [];
  compileRule(rule, {
    terms(list, _caseSensitive, inflect = false) {
      for (const entry of resolveTerms(list, lexicons, inflect))
        terms.push(...termForms(termText(entry.term), entry.inflect));
      return 0;
    },
    expand: (list) => resolveTerms(list, lexicons).map((entry) => entry.term),
    pattern: compilePattern,
    patternLiterals(sources) {
      for (const source of sources) terms.push(...(requiredLiterals(source) ?? []));
      return undefined;
    },
    model: () => UNREAD_MODEL,
  });
  return terms;
}

/**
 * Every pattern of these packs, proved and prepared, by source: the background hands this to the
 * content script with the packs, so the page runs patterns without parsing them. Found by compiling
 * every rule against a context that only records them, so no kind's patterns are missed.
 */
export function preparedPatterns(packs: readonly Pack[]): Record<string, PreparedPattern> {
  const prepared: Record<string, PreparedPattern> = {};
  for (const pack of packs) {
    const lexicons = lexiconsOf(pack);
    for (const rule of pack.rules) {
      compileRule(rule, {
        terms: () => 0,
        expand: (list) => resolveTerms(list, lexicons).map((entry) => entry.term),
        pattern(source, ignoreCase) {
          prepared[source] = provedPattern(source);
          return runPattern(prepared[source], ignoreCase);
        },
        patternLiterals(sources) {
          for (const source of sources) prepared[source] = provedPattern(source);
          return undefined;
        },
        model: () => UNREAD_MODEL,
      });
    }
  }
  return prepared;
}

/** Term length and automaton size: a 4-million-character term or a huge lexicon must not exhaust every tab. */
function checkAutomaton(pack: Pack, report: (path: PathSegment[], message: string) => void): void {
  const folded: string[] = [];
  const lexicons = lexiconsOf(pack);
  pack.rules.forEach((rule, i) => {
    for (const term of automatonTerms(rule, lexicons)) {
      if (term.length > PACK_LIMITS.termLength) {
        report(
          ['rules', i],
          `a term of ${term.length} characters (${JSON.stringify(`${term.slice(0, 20)}…`)}); the limit is ${PACK_LIMITS.termLength} characters per term`,
        );
      } else folded.push(foldTerm(term, true));
    }
  });
  pack.sets.forEach((set, i) => {
    if (!set.activatedBy) return;
    for (const entry of resolveTerms(set.activatedBy.terms, lexicons, set.activatedBy.inflect ?? false)) {
      for (const term of termForms(termText(entry.term), entry.inflect)) {
        if (term.length > PACK_LIMITS.termLength)
          report(
            ['sets', i, 'activatedBy'],
            `a term of ${term.length} characters; the limit is ${PACK_LIMITS.termLength}`,
          );
        else folded.push(foldTerm(term, true));
      }
    }
  });
  const states = trieSize(folded);
  if (states > PACK_LIMITS.automatonStates) {
    report(
      ['rules'],
      `the pack's terms need an automaton of ${states} states; the limit is ${PACK_LIMITS.automatonStates} states (fewer or shorter terms)`,
    );
  }
}

/** The nodes of a trie of these strings, without building it: sorted, each adds what it does not share with the one before. */
function trieSize(keys: string[]): number {
  keys.sort();
  let states = 1;
  let previous = '';
  for (const key of keys) {
    let common = 0;
    const most = Math.min(key.length, previous.length);
    while (common < most && key.charCodeAt(common) === previous.charCodeAt(common)) common++;
    states += key.length - common;
    previous = key;
  }
  return states;
}

type Found<T> = [PathSegment[], T][];

/** The kind of a rule, typed for any rule (TypeScript cannot follow `KINDS[rule.kind]` itself). */
const kindOf = (rule: Rule) => KINDS[rule.kind] as KindDefinition<RuleKind>;

function patternsOf(rule: Rule): Found<string> {
  return (kindOf(rule).patterns?.(rule) ?? []).flatMap(
    ([path, value]): Found<string> =>
      value === undefined ? [] : typeof value === 'string' ? [[path, value]] : value.map((v, i) => [[...path, i], v]),
  );
}

/** Parse and validate one pack file's text. */
export function loadPack(text: string, file = 'pack'): Pack {
  return validatePack(parseDocument(text, file), file);
}
