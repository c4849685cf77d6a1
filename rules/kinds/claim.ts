/**
 * `claim`: a class of claims as a frame, not as sample phrases. A subject (a disease, a body
 * function, an amount of money, a rank) and a predicate (cure, improve, earn, guarantee) within a
 * few characters of each other, in one clause, and not negated: 「アトピーが改善」, "clears up
 * eczema", 「ガン予防」. The finding spans both parts; the message can name them as {subject} and
 * {predicate}.
 */

import { z } from 'zod';
import type { Draft, Span } from '../draft';
import { matchControls, Patterns, ruleBase, TermList } from '../fields';
import { compileControls, controlTermLists, leftmostLongest, type MatchControls } from '../match-controls';
import type { TermRef } from '../schema';
import { type CompileContext, defineKind, gatePatterns, type RawFinding, type RuleRunner, withTriggers } from './kind';

/**
 * `claim`: a subject (a disease, an amount, a rank) and a predicate (cure, earn, guarantee) near
 * each other in one clause, not negated: a class of claims instead of sample phrases.
 */
export const ClaimRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('claim'),
  /** Each part is a term list, patterns (amounts: 月50万円, $500 a day), or both; one of the two is needed. */
  subject: TermList.optional(),
  subjectPattern: Patterns.optional(),
  predicate: TermList.optional(),
  predicatePattern: Patterns.optional(),
  /** At most this many characters between the two parts. */
  within: z.number().int().min(0).max(1000).default(20),
  order: z.enum(['any', 'subject-first', 'predicate-first']).default('any'),
  /** Let the parts be in different clauses (breaks: 。！？!?.; and line breaks; not 、 or ,). */
  crossClause: z.boolean().default(false),
  ...matchControls,
});

/**
 * Where a clause ends: 、 and commas do not end one; a full stop does when a space or the end follows (No.1, 2.5 kg),
 * unless it is part of an ellipsis ("...", ". . .", like "…"), which trails a clause off rather than ending it
 * ("helps them manage the symptoms of . . . #depression", a kratom seller's repost the FDA cited).
 */
const CLAUSE_END = /[。！？!?;；\n]|(?<![.．]\s?)[.．](?![.．]|\s[.．])(?=\s|$)/;
const SENTENCE_ENDS = new RegExp(CLAUSE_END.source, 'g');

/**
 * Used when a rule gives no `negation` of its own: English negations come before the claim,
 * Japanese ones after the verb, joined to it by kana only (治らない, 改善しません, 治すものではない;
 * not 「消える今までにない美容液」).
 */
const APOSTROPHES = (words: string[]) => words.flatMap((word) => [word, word.replace("'", '\u2019')]);
export const DEFAULT_NEGATION: NonNullable<MatchControls['negation']> = {
  before: [
    'not',
    'never',
    'no',
    'nor',
    'cannot',
    ...APOSTROPHES(["don't", "doesn't", "didn't", "won't", "can't", "isn't", "aren't", "wasn't", "weren't"]),
  ],
  after: ['ない', 'なかった', 'ません', '無い'],
  within: 10,
  afterKanaOnly: true,
};

interface Part {
  find(draft: Draft): Span[];
  /** Term lists of which one has a hit whenever the part can match; undefined when a pattern has no literal. */
  triggers: number[] | undefined;
}

/** One part of a claim: its terms and patterns, found in the draft as non-overlapping spans. */
function compilePart(
  terms: readonly TermRef[] | undefined,
  pattern: string | string[] | undefined,
  rule: { caseSensitive: boolean; inflect?: boolean | undefined },
  context: CompileContext,
): Part {
  const list = terms ? context.terms(terms, rule.caseSensitive, rule.inflect) : -1;
  const gated = gatePatterns([pattern ?? []].flat(), !rule.caseSensitive, context);
  const triggers = gated.triggers && [...(list >= 0 ? [list] : []), ...gated.triggers];
  return {
    triggers,
    find(draft) {
      const spans = list < 0 ? [] : draft.hits(list).map((hit) => draft.span(hit));
      for (const { pattern, literals } of gated.patterns)
        draft.eachMatch(pattern, literals, (start, end) => spans.push(draft.fromFolded(false, start, end)));
      return leftmostLongest(spans);
    },
  };
}

const between = (spans: readonly Span[], gap: Span) =>
  spans.some((span) => span.start >= gap.start && span.end <= gap.end);

/**
 * The part of a claim's gap that a negation inside it can reach: all of it within one sentence, and
 * only the predicate's sentence when the parts stand sentences apart. "Two cysts that would not heal.
 * Within a week of BioHeal they were healed." is a claim; the first sentence's "not" is about the past.
 */
function predicateSentence(text: string, gap: Span, subjectFirst: boolean): Span {
  const inGap = text.slice(gap.start, gap.end);
  const ends = [...inGap.matchAll(SENTENCE_ENDS)];
  if (ends.length === 0) return gap;
  if (subjectFirst) {
    const lastEnd = ends.at(-1)!;
    return { start: gap.start + lastEnd.index + lastEnd[0].length, end: gap.end };
  }
  return { start: gap.start, end: gap.start + ends[0]!.index };
}

interface Candidate extends Span {
  inner: Span;
  subject: Span;
  predicate: Span;
  adjacent: boolean;
}

export default defineKind({
  kind: 'claim',
  termLists: (rule) => [[['subject'], rule.subject], [['predicate'], rule.predicate], ...controlTermLists(rule)],
  patterns: (rule) => [
    [['subjectPattern'], rule.subjectPattern],
    [['predicatePattern'], rule.predicatePattern],
    [['basis', 'pattern'], rule.basis?.pattern],
  ],
  validate(rule, check) {
    if (!rule.subject && !rule.subjectPattern)
      check.report(['subject'], 'give `subject` or `subjectPattern` (or both)');
    if (!rule.predicate && !rule.predicatePattern)
      check.report(['predicate'], 'give `predicate` or `predicatePattern` (or both)');
  },
  compile(rule, context) {
    const subjects = compilePart(rule.subject, rule.subjectPattern, rule, context);
    const predicates = compilePart(rule.predicate, rule.predicatePattern, rule, context);
    // The limit counts findings, so it applies after overlapping pairs are resolved.
    // Negation is applied on its own first: a negated pair of nearest partners also cancels the pairs
    // that share a part with it in the same clause (副業で月50万円|稼げるわけではありません). The limit
    // counts findings, so it comes last.
    const notNegated = compileControls(
      { caseSensitive: rule.caseSensitive, inflect: rule.inflect, negation: rule.negation ?? DEFAULT_NEGATION },
      context,
    );
    const keep = compileControls({ ...rule, negation: undefined, limit: undefined }, context);

    const run = (draft: Draft): RawFinding[] => {
      const subjectSpans = subjects.find(draft);
      if (subjectSpans.length === 0) return [];
      const preds = predicates.find(draft);
      if (preds.length === 0) return [];
      const candidates: Candidate[] = [];
      for (const subject of subjectSpans) {
        // Predicates are in order of position: skip those too far before, stop at those too far after.
        for (const predicate of preds) {
          if (predicate.end + rule.within < subject.start) continue;
          if (predicate.start > subject.end + rule.within) break;
          if (predicate.start < subject.end && subject.start < predicate.end) continue;
          const subjectFirst = subject.end <= predicate.start;
          if (rule.order === 'subject-first' && !subjectFirst) continue;
          if (rule.order === 'predicate-first' && subjectFirst) continue;
          const [first, last] = subjectFirst ? [subject, predicate] : [predicate, subject];
          const inner = { start: first.end, end: last.start };
          if (inner.end - inner.start > rule.within) continue;
          if (!rule.crossClause && CLAUSE_END.test(draft.text.slice(inner.start, inner.end))) continue;
          // Nearest partners: no other subject or predicate between them.
          const adjacent = !between(subjectSpans, inner) && !between(preds, inner);
          candidates.push({
            start: first.start,
            end: last.end,
            inner: predicateSentence(draft.text, inner, subjectFirst),
            subject,
            predicate,
            adjacent,
          });
        }
      }
      const affirmed = new Set(notNegated(draft, [...candidates]));
      const negated = candidates.filter((claim) => !affirmed.has(claim) && claim.adjacent);
      // A denied predicate takes every subject it pairs with; a denied pair takes a pair sharing only its subject when
      // that pair ends inside it (副業で|月50万円|稼げるわけではありません), not when the subject goes on to a claim of
      // its own after the denial (「治療はできませんが、…花粉症の症状が和らぎます」).
      const cancels = (negatedPair: Candidate, claim: Candidate) =>
        (claim.predicate === negatedPair.predicate ||
          (claim.subject === negatedPair.subject && claim.end <= negatedPair.end)) &&
        !CLAUSE_END.test(
          draft.text.slice(Math.min(claim.start, negatedPair.start), Math.max(claim.end, negatedPair.end)),
        );
      const kept = keep(
        draft,
        candidates.filter((claim) => affirmed.has(claim) && !negated.some((other) => cancels(other, claim))),
      );
      // Of overlapping pairs, the leftmost and then the tightest is the claim.
      kept.sort((a, b) => a.start - b.start || a.end - b.end);
      const findings: RawFinding[] = [];
      let reach = -1;
      for (const claim of kept) {
        if (claim.start < reach) continue;
        reach = claim.end;
        findings.push({
          start: claim.start,
          end: claim.end,
          vars: {
            subject: draft.text.slice(claim.subject.start, claim.subject.end),
            predicate: draft.text.slice(claim.predicate.start, claim.predicate.end),
          },
        });
      }
      return rule.limit ? findings.slice(0, rule.limit) : findings;
    };
    // A claim needs both parts: the rule runs only on drafts where the part that can say so has a hit.
    const triggers = subjects.triggers ?? predicates.triggers;
    const runner: RuleRunner = triggers ? withTriggers(run, triggers) : run;
    return runner;
  },
});
