/**
 * What a rule kind is: a function from a validated rule to a runner over drafts. Compiling does
 * all the work that does not depend on the draft (term lists, patterns), so running only matches.
 */
import type { Draft } from '../draft';
import type { CompiledModel } from '../model/model';
import type { Localized, RuleKind, RuleOf, Severity, Term, TermRef } from '../schema';
import type { CompiledPattern } from '../text/regex';

/** A finding before the engine adds the rule's metadata and picks the message's locale. */
export interface RawFinding {
  start: number;
  end: number;
  /** Per-term overrides of the rule's own fields. */
  severity?: Severity;
  message?: Localized;
  manual?: string;
  /** Values for the message's {placeholders}; {match} is always the matched text. */
  vars?: Record<string, string | number>;
  suggestions?: string[];
}

/**
 * Runs a rule over a draft. `triggers`, when given, are term lists of which at least one must have
 * a hit for the rule to find anything: the engine skips the rule otherwise, so a thousand term
 * rules cost one automaton pass, not a thousand calls.
 */
export type RuleRunner = ((draft: Draft) => RawFinding[]) & { triggers?: readonly number[] };

export function withTriggers(run: (draft: Draft) => RawFinding[], triggers: readonly number[]): RuleRunner {
  return Object.assign(run, { triggers });
}

export interface CompileContext {
  /**
   * Put terms into the shared automaton; hits come back under the returned list id, and a hit's
   * `term` is its index in `expand(terms)`. Lexicon references are expanded; lemmas (a lexicon's
   * `inflect`, or `inflect` here for the inline terms) bring their inflected forms.
   */
  terms(terms: readonly TermRef[], caseSensitive: boolean, inflect?: boolean): number;
  /** The list with every `{ lexicon }` replaced by that lexicon's terms, in place. */
  expand(terms: readonly TermRef[]): Term[];
  /** Compile a pack pattern on a safe engine (throws PatternError). */
  pattern(source: string, ignoreCase: boolean): CompiledPattern;
  /**
   * The list of literals every match of these patterns contains, in the shared automaton, or
   * undefined when some pattern has none: a draft without a hit in it cannot match them.
   */
  patternLiterals(sources: readonly string[], ignoreCase: boolean): number | undefined;
  /** The pack's model of that id, decoded once for every rule that reads it. */
  model(id: string): CompiledModel;
}

export type PathSegment = string | number;
/** Where in a rule a value sits (`['when', 'pattern']`), and the value. */
export type AtPath<T> = [PathSegment[], T];

export interface KindDefinition<K extends RuleKind> {
  readonly kind: K;
  compile(rule: RuleOf<K>, context: CompileContext): RuleRunner;
  /** The rule's term lists, for lexicon references and the pack's term limits. */
  termLists?(rule: RuleOf<K>): AtPath<readonly TermRef[] | undefined>[];
  /** The rule's patterns, each proved bounded when the pack loads. */
  patterns?(rule: RuleOf<K>): AtPath<string | readonly string[] | undefined>[];
  /** Checks the schema cannot express, on a loaded rule. */
  validate?(rule: RuleOf<K>, check: RuleCheck): void;
}

/** What a kind's `validate` reports through: paths are under the rule (`['checks', 0, 'max']`). */
export interface RuleCheck {
  report(path: PathSegment[], message: string): void;
  /** Reports a localized text that misses one of the pack's locales. */
  locales(text: Localized, path: PathSegment[]): void;
}

export function defineKind<K extends RuleKind>(definition: KindDefinition<K>): KindDefinition<K> {
  return definition;
}

/** A pack pattern and the term list of the literals each of its matches holds (undefined: none to rely on). */
export interface GatedPattern {
  pattern: CompiledPattern;
  literals: number | undefined;
}

/**
 * Compile patterns, each with its own literals: a draft is searched with a pattern only when one
 * of that pattern's literals is in it, and only around them. `triggers` is undefined when some
 * pattern has no literal (the rule must run on every draft).
 */
export function gatePatterns(
  sources: readonly string[],
  ignoreCase: boolean,
  context: CompileContext,
): { patterns: GatedPattern[]; triggers: number[] | undefined } {
  const patterns = sources.map((source) => ({
    pattern: context.pattern(source, ignoreCase),
    literals: context.patternLiterals([source], ignoreCase),
  }));
  const triggers = patterns.every((p) => p.literals !== undefined) ? patterns.map((p) => p.literals!) : undefined;
  return { patterns, triggers };
}
