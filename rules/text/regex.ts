/**
 * Patterns come from packs, which come from outside, so a pattern must never freeze a composer.
 * Preflight rejects unsafe patterns when the pack is loaded: a pattern is accepted only when its
 * backtracking is provably bounded. Patterns are parsed by regexpp (the ECMAScript parser ESLint
 * uses), with the very flags they then run with, so the proof is about the expression JavaScript
 * runs: `[]`, `[^]`, escapes and classes read exactly as the engine reads them. Unbounded
 * repetition (`*`, `+`, `{n,}`), look-around and backreferences are refused with a message that
 * says what to write instead (`{0,50}`). Accepted patterns run on the browser's own engine.
 */
import { type AST, RegExpParser, RegExpSyntaxError } from '@eslint-community/regexpp';
import {
  type CompiledPattern,
  PatternError,
  type PatternLiteral,
  type PreparedPattern,
  runPattern,
} from './run-pattern';

export { type CompiledPattern, PatternError, type PatternLiteral, type PreparedPattern } from './run-pattern';

/** The most paths a pattern may try per position: a 3,000-character draft then costs a few ms at worst. */
export const PATH_BUDGET = 1000;
/**
 * The longest match a pattern can make from one position, its repetitions multiplied out: it
 * bounds nested and large quantifiers, which the path count alone does not (`\p{L}{0,999}` then a
 * mismatch has 1,000 paths, each up to 999 characters long). The work per position is at most the
 * paths times this length.
 */
export const LENGTH_BUDGET = 256;

// ES2025 so that modifiers `(?i:…)` parse and can be refused by name; Annex B, as browsers read patterns.
const parser = new RegExpParser({ ecmaVersion: 2025, strict: false });

interface Parsed {
  pattern: AST.Pattern;
  /** The source JavaScript compiles (RE2's \p{Han} spelled \p{Script=Han}). */
  js: string;
  unicode: boolean;
}

const quote = (source: string) => JSON.stringify(source);

/** Packs are written in RE2's spelling of script classes (\p{Han}); JavaScript spells it \p{Script=Han}. */
function toJavaScript(source: string): { js: string; shifts: number[] } {
  const shifts: number[] = [];
  // Every escape is consumed as a pair, so an escaped backslash before "p{" is left alone.
  const js = source.replace(/\\(?:([pP])\{([A-Za-z_]+)\}|[\s\S])/g, (pair, p: string | undefined, name, at: number) => {
    if (!p || validProperty(name) || !validProperty(`Script=${name}`)) return pair;
    shifts.push(at);
    return `\\${p}{Script=${name}}`;
  });
  return { js, shifts };
}

function validProperty(name: string): boolean {
  try {
    parser.parsePattern(`\\p{${name}}`, 0, name.length + 4, { unicode: true });
    return true;
  } catch {
    return false;
  }
}

function tryParse(js: string, unicode: boolean): AST.Pattern | RegExpSyntaxError {
  try {
    return parser.parsePattern(js, 0, js.length, { unicode });
  } catch (error) {
    if (error instanceof RegExpSyntaxError) return error;
    throw error;
  }
}

/**
 * Characters outside the BMP are two units to JavaScript without the u flag: a class or a
 * repetition of one would read its halves apart.
 */
const ASTRAL = /[\ud800-\udfff]/;

/**
 * Whether the pattern needs unicode mode: \p{…}, \u{…} or a character outside the BMP. Other
 * non-ASCII text (kana, kanji, ’, £) reads the same without it, and V8 runs \b with the i and u
 * flags together a hundred times slower than without u.
 */
function wantsUnicode(source: string, pattern: AST.Pattern): boolean {
  if (ASTRAL.test(source)) return true;
  let wants = false;
  walk(pattern, (node) => {
    if (node.type === 'CharacterSet' && node.kind === 'property') wants = true;
    if (node.type === 'Character' && /^\\u\{/.test(node.raw)) wants = true;
  });
  return wants;
}

/** In non-unicode mode `\p` is the letter p: a sign the pattern was meant for unicode mode. */
function hasLetterEscape(pattern: AST.Pattern): boolean {
  let found = false;
  walk(pattern, (node) => {
    if (node.type === 'Character' && /^\\[pPuk]$/.test(node.raw)) found = true;
  });
  return found;
}

type Visited = AST.Node;
function walk(node: Visited, visit: (node: Visited) => void): void {
  visit(node);
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      for (const alternative of node.alternatives) walk(alternative, visit);
      break;
    case 'Assertion':
      if (node.kind === 'lookahead' || node.kind === 'lookbehind')
        for (const alternative of node.alternatives) walk(alternative, visit);
      break;
    case 'Alternative':
      for (const element of node.elements) walk(element, visit);
      break;
    case 'Quantifier':
      walk(node.element, visit);
      break;
    case 'CharacterClass':
      for (const element of node.elements) walk(element, visit);
      break;
    default:
      break;
  }
}

/**
 * Parse as JavaScript will run it: unicode mode (`u`) when the pattern needs it (\p{…}, \u{…},
 * characters outside the BMP), otherwise the faster non-unicode mode, as long as it reads the same there.
 */
function parse(source: string): Parsed {
  const { js, shifts } = toJavaScript(source);
  const at = (index: number) => index - 7 * shifts.filter((shift) => shift < index).length;
  const inUnicode = tryParse(js, true);
  if (!(inUnicode instanceof RegExpSyntaxError) && wantsUnicode(source, inUnicode))
    return { pattern: inUnicode, js, unicode: true };
  const plain = ASTRAL.test(source) ? undefined : tryParse(js, false);
  if (plain && !(plain instanceof RegExpSyntaxError) && !hasLetterEscape(plain))
    return { pattern: plain, js, unicode: false };
  if (!(inUnicode instanceof RegExpSyntaxError)) return { pattern: inUnicode, js, unicode: true };
  const error = inUnicode;
  const index = at(error.index);
  if (
    /^Invalid group$/.test(error.message.replace(/^.*: /, '')) &&
    /^\(\?[imsxnU-]*[imsxnU][imsxnU-]*\)/.test(js.slice(error.index - 1))
  )
    // Flags as other engines write them ((?i), (?-s)): invalid in JavaScript, and said why.
    throw new PatternError(`invalid ${inlineFlags(source, index - 1).message}`);
  throw new PatternError(
    `invalid pattern ${quote(source)} at ${index}: ${error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '').toLowerCase()}`,
  );
}

const inlineFlags = (source: string, at: number) =>
  new PatternError(
    `pattern ${quote(source)} at ${at}: inline flags are not allowed; matching is case-insensitive unless the rule sets caseSensitive: true`,
  );

interface Bound {
  /** Ways to match from one position. */
  paths: number;
  /** The most characters (and zero-width assertions) one way can examine. */
  length: number;
}

const over = (bound: Bound) => bound.paths > PATH_BUDGET || bound.length > LENGTH_BUDGET;

/** Refuses what cannot be bounded, then bounds what a backtracking engine can try from one position. */
class Prover {
  private readonly names = new Set<string>();
  constructor(private readonly source: string) {}

  private fail(at: number, what: string): never {
    throw new PatternError(`pattern ${quote(this.source)} at ${at}: ${what}`);
  }

  alternatives(alternatives: readonly AST.Alternative[]): Bound {
    let paths = 0;
    let length = 0;
    for (const alternative of alternatives) {
      const bound = this.sequence(alternative.elements);
      paths += bound.paths;
      length = Math.max(length, bound.length);
    }
    return { paths, length };
  }

  /** A then B: B is tried once for every way A can end. */
  private sequence(elements: readonly AST.Element[]): Bound {
    let bound: Bound = { paths: 1, length: 0 };
    for (const element of elements) {
      const next = this.element(element);
      bound = { paths: bound.paths * next.paths, length: bound.length + next.length };
      if (over(bound)) return bound;
    }
    return bound;
  }

  private element(node: AST.Element): Bound {
    switch (node.type) {
      case 'Character':
      case 'CharacterSet':
      case 'CharacterClass':
      case 'ExpressionCharacterClass':
        return { paths: 1, length: 1 };
      case 'Backreference':
        return this.fail(node.start, 'backreferences are not allowed (they can make matching slow)');
      case 'Assertion':
        if (node.kind === 'lookahead' || node.kind === 'lookbehind')
          return this.fail(node.start, 'look-around is not allowed (it can make matching slow); match the text itself');
        return { paths: 1, length: 1 };
      case 'CapturingGroup':
        if (node.name !== null) {
          if (this.names.has(node.name)) this.fail(node.start, `the group name "${node.name}" is used twice`);
          this.names.add(node.name);
        }
        return this.alternatives(node.alternatives);
      case 'Group':
        if (node.modifiers) throw inlineFlags(this.source, node.start);
        return this.alternatives(node.alternatives);
      case 'Quantifier':
        return this.quantifier(node);
    }
  }

  private quantifier(node: AST.Quantifier): Bound {
    const written = node.raw.slice(node.element.raw.length).replace(/\?$/, '');
    if (node.max === Number.POSITIVE_INFINITY) {
      const bound = written === '*' ? '{0,50}' : written === '+' ? '{1,50}' : `{${node.min},50}`;
      this.fail(
        node.element.end,
        `unbounded repetition "${written}" can take quadratic time or worse on a long draft; write a bound such as ${bound}`,
      );
    }
    const each = this.element(node.element);
    // A repetition of nothing stops at once (the engine's empty check).
    if (each.length === 0) return { paths: 1, length: 0 };
    // X{min,max} tries X^k for every k from min to max.
    let paths = 0;
    for (let k = node.min; k <= node.max && paths <= PATH_BUDGET; k++) paths += each.paths ** k;
    return { paths, length: node.max * each.length };
  }
}

/** How many ways and steps a pattern can take from one position (for tests and the bench). */
export function patternBound(source: string): Bound {
  const { pattern } = parse(source);
  return new Prover(source).alternatives(pattern.alternatives);
}

/** Why a pattern is unsafe or invalid, or undefined when it is safe. */
export function unsafeReason(source: string): string | undefined {
  try {
    check(parse(source), source);
    return undefined;
  } catch (error) {
    if (error instanceof PatternError) return error.message;
    throw error;
  }
}

function check(parsed: Parsed, source: string): Bound {
  const bound = new Prover(source).alternatives(parsed.pattern.alternatives);
  if (bound.paths > PATH_BUDGET) {
    throw new PatternError(
      `pattern ${quote(source)} can try more than ${PATH_BUDGET} ways to match at each position (the limit); use smaller bounds or fewer optional parts`,
    );
  }
  if (bound.length > LENGTH_BUDGET) {
    throw new PatternError(
      `pattern ${quote(source)} can match more than ${LENGTH_BUDGET} characters from one position (its repetitions multiplied out; the limit is ${LENGTH_BUDGET}); use smaller bounds such as {0,50}`,
    );
  }
  return bound;
}

/** Whether the pattern has ^ or $: they would hold at the edge of a slice, so it is searched whole. */
function anchors(pattern: AST.Pattern): boolean {
  let found = false;
  walk(pattern, (node) => {
    if (node.type === 'Assertion' && (node.kind === 'start' || node.kind === 'end')) found = true;
  });
  return found;
}

interface Literals {
  /** The whole match is one of these strings (a finite language), when known. */
  exact?: string[];
  /** Every match contains one of these strings. */
  some?: string[];
  /** Every match starts with one of these strings. */
  starts?: string[];
}

/**
 * Where a `\b` stands in a literal while it is read: a unit no literal can hold (a pattern that
 * spells it is read as having no literal there). It is taken out before the literals are used.
 */
const EDGE = '\uffff';
const bare = (literal: string) => literal.replaceAll(EDGE, '');
const LITERAL_LIMIT = 64;
const usable = (list: string[] | undefined): list is string[] => list?.every((l) => bare(l).length > 0) ?? false;
const shortest = (list: string[] | undefined) =>
  usable(list) ? Math.min(...(list as string[]).map((l) => bare(l).length)) : 0;
/** Longer literals are the better gate; of two as long, the one a \b ties to a word's edge. */
const score = (list: string[] | undefined) =>
  shortest(list) + (usable(list) && list.every((l) => l.includes(EDGE)) ? 0.5 : 0);
const better = (a: string[] | undefined, b: string[] | undefined) => (score(b) > score(a) ? b : a);
const capped = (list: string[] | undefined) => (list && list.length <= LITERAL_LIMIT ? list : undefined);
/** A gate worth keeping: a literal of nothing but spaces is in every draft, and its hits only cost a scan. */
const gate = (list: string[] | undefined) => (usable(list) && list.every((l) => /\S/.test(bare(l))) ? list : undefined);

/** What every match must contain, read from the AST: the basis of the prefilter. */
function literals(node: AST.Element | AST.Alternative | AST.Pattern): Literals {
  switch (node.type) {
    case 'Character': {
      if (node.value === EDGE.charCodeAt(0)) return {};
      const char = String.fromCodePoint(node.value);
      return { exact: [char], some: [char], starts: [char] };
    }
    case 'CharacterClass': {
      // A small class of plain characters ([ab]) is an alternation of them.
      if (node.negate || node.elements.length > 8 || !node.elements.every((e) => e.type === 'Character')) return {};
      const chars = node.elements.map((e) => String.fromCodePoint((e as AST.Character).value));
      return chars.length === 0 || chars.includes(EDGE) ? {} : { exact: chars, some: chars, starts: chars };
    }
    case 'Assertion': {
      // ^, $ and \b consume nothing: they neither add to nor break a run of literal text. A \b is
      // marked, so that a literal it starts or ends is looked for only at a word's edge.
      const mark = node.kind === 'word' && !node.negate ? EDGE : '';
      return { exact: [mark], starts: [mark] };
    }
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup': {
      const parts = node.alternatives.map(literals);
      const exact = parts.every((p) => p.exact) ? parts.flatMap((p) => p.exact!) : undefined;
      const some = parts.every((p) => usable(p.some)) ? parts.flatMap((p) => p.some!) : undefined;
      const starts = parts.every((p) => p.starts) ? parts.flatMap((p) => p.starts!) : undefined;
      return { exact: capped(exact), some: capped(some), starts: capped(starts) };
    }
    case 'Quantifier': {
      if (node.min === 0) return { starts: [''] };
      const inner = literals(node.element);
      return node.min === 1 && node.max === 1 ? inner : { some: inner.some, starts: inner.starts };
    }
    case 'Alternative': {
      let best: string[] | undefined;
      let run: string[] | undefined = [''];
      let allExact = true;
      // What every match starts with: the exact text before the first inexact part, then that part's start.
      let starts: string[] | undefined;
      const then = (before: string[] | undefined, after: string[] | undefined) =>
        before && after ? capped(before.flatMap((a) => after.map((b) => a + b))) : undefined;
      for (const item of node.elements) {
        const part = literals(item);
        if (part.exact && run) {
          best = better(best, part.some);
          run = then(run, part.exact);
        } else {
          if (allExact) starts = then(run, part.starts ?? ['']);
          allExact = false;
          // The run goes on into how the part starts: "\bend" stays tied to its edge in \b(?:ends?|ending).
          best = better(best, then(run, part.starts));
          best = better(best, run);
          best = better(best, part.some);
          run = [''];
        }
      }
      best = better(best, run);
      return { exact: allExact && run ? run : undefined, some: best, starts: allExact ? run : starts };
    }
    default:
      return {};
  }
}

/**
 * JavaScript's \b reads only ASCII letters, digits and _ as word characters (without the u flag;
 * with it and i, two more that folding turns into ASCII letters anyway).
 */
const asciiWord = (char: string | undefined) => char !== undefined && /^[A-Za-z0-9_]$/.test(char);

/** The literals without their marks, each noting whether a \b stands before or after it. */
function withEdges(list: string[] | undefined): PatternLiteral[] | undefined {
  const marked = gate(list);
  if (!marked) return undefined;
  const seen = new Map<string, PatternLiteral>();
  for (const literal of marked) {
    const text = bare(literal);
    // A \b before a word character means "a word starts here"; before anything else it means the opposite.
    const wordStart = literal.startsWith(EDGE) && asciiWord(text[0]);
    const wordEnd = literal.endsWith(EDGE) && asciiWord(text.at(-1));
    const key = `${wordStart ? 1 : 0}${wordEnd ? 1 : 0}${text}`;
    if (!seen.has(key)) seen.set(key, { text, wordStart, wordEnd });
  }
  return [...seen.values()];
}

/**
 * Strings of which every match of `source` contains at least one, or undefined when there are none
 * to rely on. The engine looks for them with the shared automaton and runs the expression only on
 * drafts that have one.
 */
export function requiredLiterals(source: string): string[] | undefined {
  const found = withEdges(literals(parse(source).pattern).some);
  return found && [...new Set(found.map((literal) => literal.text))];
}

/**
 * Prove a pack's pattern safe and read what running it needs (throws PatternError saying why when
 * it is unsafe or invalid). Done where packs are admitted; the page runs the result without a parser.
 */
export function preparePattern(source: string): PreparedPattern {
  const parsed = parse(source);
  const bound = check(parsed, source);
  return {
    source,
    js: parsed.js,
    unicode: parsed.unicode,
    anchored: anchors(parsed.pattern),
    length: bound.length,
    literals: withEdges(literals(parsed.pattern).some),
  };
}

/** Compile a pack's pattern; throws PatternError saying why when it is unsafe or invalid. */
export function compilePattern(source: string, ignoreCase: boolean): CompiledPattern {
  return runPattern(preparePattern(source), ignoreCase);
}
