/**
 * Controls shared by the matching kinds (`terms`, `pattern`, `claim`): exceptions, co-occurrence,
 * negation, a basis that lets a claim pass, and a per-draft limit. They decide which raw matches
 * become findings.
 */
import { compileCue } from './cue';
import type { Draft, Span } from './draft';
import type { MatchControls } from './fields';
import type { AtPath, CompileContext } from './kinds/kind';
import { isLexiconRef } from './lexicons';
import type { Term, TermRef } from './schema';

export type { MatchControls };

/** The term lists of a rule's controls, with their paths (lexicon references are checked there). */
export function controlTermLists(controls: MatchControls): AtPath<readonly TermRef[] | undefined>[] {
  return [
    [['with', 'terms'], controls.with?.terms],
    ...withoutWindows(controls).map(
      (window, index): AtPath<readonly TermRef[]> => [
        Array.isArray(controls.without) ? ['without', index, 'terms'] : ['without', 'terms'],
        window.terms,
      ],
    ),
    [['negation', 'before'], controls.negation?.before],
    [['negation', 'after'], controls.negation?.after],
    [['basis', 'terms'], controls.basis?.terms],
  ];
}

/** A rule's `without` windows as a list (one window or several). */
const withoutWindows = (controls: MatchControls) => (controls.without === undefined ? [] : [controls.without].flat());

/** A match; `inner` is the gap between a claim's two parts, where a negation cancels it too. */
export interface Match extends Span {
  inner?: Span | undefined;
}

export const termText = (term: Term): string => (typeof term === 'string' ? term : term.term);

/** Keep the leftmost-longest of overlapping matches, in order of position. */
export function leftmostLongest<T extends Span>(matches: T[]): T[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  let reach = -1;
  for (const match of matches) {
    if (match.start < reach) continue;
    kept.push(match);
    reach = match.end;
  }
  return kept;
}

const CLAUSE_BREAK = /[,.;:!?、。！？\n]/;
const HIRAGANA_ONLY = /^[\u3041-\u309f]*$/;
/**
 * A verb's negation reaches every item of the list it heads: "does not treat, cure or prevent cancer". Between the cue
 * and the match stand list items (a word or two each) with their commas, and a conjunction joins the list's last item
 * (in the gap, in the match or just after it). "No fees, guaranteed returns" is no list (a determiner, no
 * conjunction), and a contrast ("not true, but guaranteed") ends the reach.
 */
const EN_LIST_GAP =
  /^(?:\s*[\p{L}\p{N}'\u2019-]+(?:\s+[\p{L}\p{N}'\u2019-]+)?\s*(?:,|\/|\bor\b|\band\b|\bnor\b))+\s*$/iu;
const CONJUNCTION = /\b(?:or|and|nor)\b/i;
const CONTRAST = /\b(?:but|yet|however|although|though|so|because|while|whereas)\b/i;
const VERB_NEGATION = /(?:\bnot|n['\u2019]t|\bcannot)$/i;
/**
 * 「治療や予防を目的としたものではありません」: a negation after a list of nouns (joined by や・、及び…) reaches back
 * over the list to the match, as one joined by kana alone does. After the list only a particle and kana may stand:
 * 「…だけダイエット、始めませんか」 joins a verb, not a noun.
 */
const JA_LIST_GAP_AFTER =
  /^(?:(?:や|・|、|及び|および|または|又は|と)[\p{sc=Han}\p{sc=Katakana}ー]{1,8})*(?:[をのはがにもで][\u3041-\u309f]*)?$/u;

/**
 * A tag question asserts what it seems to deny: 「無能すぎない？」 says "too incompetent", 「治るんじゃない？」 says
 * "it heals, surely". Its ない (after じゃ or すぎ, before a question mark) is not a negation.
 */
const TAG_BEFORE = /(?:じゃ|すぎ|過ぎ)$/;
const TAG_AFTER = /^(?:です)?か?[？?]/;
const isTagQuestion = (text: string, cue: Span) =>
  TAG_BEFORE.test(text.slice(Math.max(0, cue.start - 2), cue.start)) &&
  TAG_AFTER.test(text.slice(cue.end, cue.end + 4));
/**
 * A negation that turns the next word around affirms: "let's not forget you yelled", "not only cures", and after
 * "can't" only, "I can't believe how fast it healed", "can't wait to" ("don't believe it cures" still denies).
 */
const AFFIRMING_AFTER = /^[\s\u2019']*(?:to\s+)?(?:forget|only)\b/i;
const AFFIRMING_AFTER_CANT = /^[\s\u2019']*(?:believe|wait|help\s+but)\b/i;
const CANT = /^(?:can(?:not|[\u2019']t)|couldn[\u2019']t)$/i;
const affirms = (text: string, cue: Span) => {
  const next = text.slice(cue.end, cue.end + 16);
  return AFFIRMING_AFTER.test(next) || (AFFIRMING_AFTER_CANT.test(next) && CANT.test(text.slice(cue.start, cue.end)));
};
const gap = (a: Span, b: Span): number => Math.max(0, a.start - b.end, b.start - a.end);

/** Compile the controls once; the returned filter keeps the matches that are findings. */
export function compileControls(controls: MatchControls, context: CompileContext) {
  const inflect = controls.inflect ?? false;
  /**
   * A control reads where its terms are, never which term: each lexicon it names is a list of its
   * own, shared by every rule that names it (a lexicon such as claim-talk, named by a hundred rules'
   * controls, enters the automaton once), and the words it lists itself are one more list.
   */
  const lists = (terms: readonly TermRef[], caseSensitive = false): number[] => {
    const own = terms.filter((term) => !isLexiconRef(term));
    const segments = [...terms.filter(isLexiconRef).map((ref) => [ref]), ...(own.length > 0 ? [own] : [])];
    return segments.map((segment) => context.terms(segment, caseSensitive, inflect));
  };
  const exceptions = lists(controls.exceptions ?? [], controls.caseSensitive);
  const withLists = controls.with ? lists(controls.with.terms) : [];
  const withoutLists = withoutWindows(controls).map((window) => ({ ids: lists(window.terms), within: window.within }));
  const before = lists(controls.negation?.before ?? []);
  const after = lists(controls.negation?.after ?? []);
  const negationWindow = controls.negation?.within ?? 0;
  const basis = controls.basis ? compileCue(controls.basis, context) : undefined;
  const basisWithin = controls.basis?.within;

  const spans = (draft: Draft, ids: readonly number[]): Span[] =>
    ids.length === 1
      ? draft.hits(ids[0]!).map((hit) => draft.span(hit))
      : ids.flatMap((id) => draft.hits(id).map((hit) => draft.span(hit)));
  const near = (draft: Draft, ids: readonly number[], match: Span, within: number | undefined) =>
    spans(draft, ids).some((span) => within === undefined || gap(span, match) <= within);

  return function keep<T extends Match>(draft: Draft, matches: T[]): T[] {
    if (matches.length === 0) return matches;
    let kept = matches;
    if (exceptions.length > 0) {
      const excepted = spans(draft, exceptions);
      kept = kept.filter((m) => !excepted.some((e) => e.start < m.end && m.start < e.end));
    }
    if (controls.with) {
      const within = controls.with.within;
      kept = kept.filter((m) => near(draft, withLists, m, within));
    }
    if (withoutLists.length > 0) {
      kept = kept.filter((m) => !withoutLists.some((window) => near(draft, window.ids, m, window.within)));
    }
    if (before.length > 0 || after.length > 0) {
      const cuesBefore = spans(draft, before).filter((c) => !affirms(draft.text, c));
      const cuesAfter = spans(draft, after).filter((c) => !isTagQuestion(draft.text, c));
      // A negation reaches its own clause only: "not true, but guaranteed" is still a guarantee.
      const sameClause = (from: number, to: number) =>
        to - from <= negationWindow && !CLAUSE_BREAK.test(draft.text.slice(from, to));
      const listAfterCue = (cue: Span, m: Span) => {
        const between = draft.text.slice(cue.end, m.start);
        return (
          m.start - cue.end <= negationWindow &&
          VERB_NEGATION.test(draft.text.slice(cue.start, cue.end)) &&
          EN_LIST_GAP.test(between) &&
          !CONTRAST.test(between) &&
          CONJUNCTION.test(between + draft.text.slice(m.start, m.end + 12))
        );
      };
      const inside = (c: Span, gap: Span | undefined) => gap !== undefined && c.start >= gap.start && c.end <= gap.end;
      // An after-cue reaches its clause (joined by kana alone when the rule asks), or back over a list of nouns,
      // whose 、 is the list's and no clause's end.
      const reachesBack = (m: Span, c: Span) => {
        if (c.start - m.end > negationWindow) return false;
        const between = draft.text.slice(m.end, c.start);
        // the common case first: the cue in the match's clause
        const inClause =
          !CLAUSE_BREAK.test(between) && (!controls.negation?.afterKanaOnly || HIRAGANA_ONLY.test(between));
        return inClause || JA_LIST_GAP_AFTER.test(between);
      };
      kept = kept.filter(
        (m) =>
          !cuesBefore.some(
            (c) => (c.end <= m.start && (sameClause(c.end, m.start) || listAfterCue(c, m))) || inside(c, m.inner),
          ) && !cuesAfter.some((c) => (c.start >= m.end && reachesBack(m, c)) || inside(c, m.inner)),
      );
    }
    if (basis && kept.length > 0) {
      const grounds = basis(draft);
      kept = kept.filter((m) => !grounds.some((g) => basisWithin === undefined || gap(g, m) <= basisWithin));
    }
    return controls.limit ? kept.slice(0, controls.limit) : kept;
  };
}
