/**
 * Lexicons: a pack's named term lists. A rule's term list may hold `{ lexicon: id }`, which stands
 * for that lexicon's terms in its place; expanding keeps the order, so a hit's index points at the
 * term that matched. Lexicons hold plain terms only, so references cannot form cycles.
 */
import { KINDS } from './kinds/index';
import type { KindDefinition, PathSegment } from './kinds/kind';
import type { Lexicon, Pack, Rule, RuleKind, Term, TermRef } from './schema';

/** A term ready to compile: its own fields, and whether it is a lemma to inflect. */
export interface ResolvedTerm {
  term: Term;
  inflect: boolean;
  /** A short kana entry matches only as a word of its own (がん, not in がんばる). */
  standalone: boolean;
}

export class MissingLexiconError extends Error {
  constructor(readonly lexicon: string) {
    super(`no lexicon "${lexicon}" in this pack`);
    this.name = 'MissingLexiconError';
  }
}

export type LexiconIndex = ReadonlyMap<string, Lexicon>;

const indexes = new WeakMap<Pack, LexiconIndex>();

/** A pack's lexicons by id, built once per pack. */
export function lexiconsOf(pack: Pack): LexiconIndex {
  let index = indexes.get(pack);
  if (!index) {
    index = new Map((pack.lexicons ?? []).map((lexicon) => [lexicon.id, lexicon]));
    indexes.set(pack, index);
  }
  return index;
}

/**
 * A pack's lexicons with terms added at run time (a reviewer's event words), only to lexicons the
 * pack itself defines: the pack decides which rules such words reach.
 */
export function extendLexicons(
  index: LexiconIndex,
  additions: Readonly<Record<string, readonly string[]>> | undefined,
): LexiconIndex {
  let extended: Map<string, Lexicon> | undefined;
  for (const [id, terms] of Object.entries(additions ?? {})) {
    const lexicon = index.get(id);
    if (!lexicon || terms.length === 0) continue;
    extended ??= new Map(index);
    extended.set(id, { ...lexicon, terms: [...lexicon.terms, ...terms] });
  }
  return extended ?? index;
}

export const isLexiconRef = (ref: TermRef): ref is { lexicon: string } => typeof ref !== 'string' && 'lexicon' in ref;

/** Replace each reference by its lexicon's terms; `inflect` applies to the inline terms. */
export function resolveTerms(refs: readonly TermRef[], lexicons: LexiconIndex, inflect = false): ResolvedTerm[] {
  const out: ResolvedTerm[] = [];
  for (const ref of refs) {
    if (!isLexiconRef(ref)) {
      out.push({ term: ref, inflect, standalone: standaloneOf(ref, false) });
      continue;
    }
    const lexicon = lexicons.get(ref.lexicon);
    if (!lexicon) throw new MissingLexiconError(ref.lexicon);
    for (const term of lexicon.terms)
      out.push({
        term,
        inflect: lexicon.inflect ?? false,
        standalone: standaloneOf(term, lexicon.standalone ?? false),
      });
  }
  return out;
}

/** A term object's own `standalone` wins over its lexicon's. */
const standaloneOf = (term: Term, inherited: boolean): boolean =>
  typeof term === 'string' ? inherited : (term.standalone ?? inherited);

type Found = [PathSegment[], readonly TermRef[]][];

/** Every term list of a rule, with its path: where lexicon references may appear. */
export function termListsOf(rule: Rule): Found {
  const kind = KINDS[rule.kind] as KindDefinition<RuleKind>;
  const lists = kind.termLists?.(rule) ?? [];
  return lists.filter((entry): entry is [PathSegment[], readonly TermRef[]] => entry[1] !== undefined);
}
