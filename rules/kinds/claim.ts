/**
 * `claim`: a class of claims as a frame, not as sample phrases. A subject (a disease, a body
 * function, an amount of money, a rank) and a predicate (cure, improve, earn, guarantee) within a
 * few characters of each other, in one clause, and not negated: 「アトピーが改善」, "clears up
 * eczema", 「ガン予防」. The finding spans both parts; the message can name them as {subject} and
 * {predicate}.
 */
import type { Draft, Span } from '../draft';
import { compileControls, leftmostLongest, type MatchControls } from '../match-controls';
import { defineKind, type RawFinding, withTriggers } from './kind';

/** Where a clause ends: 、 and commas do not end one; a full stop does when a space or the end follows (No.1, 2.5 kg). */
const CLAUSE_END = /[。！？!?;；\n]|[.．](?=\s|$)/;

/**
 * Used when a rule gives no `negation` of its own: English negations come before the claim,
 * Japanese ones after the verb (治らない, 改善しません, 治すものではない).
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
};

interface Candidate extends Span {
  inner: Span;
  subject: Span;
  predicate: Span;
}

export default defineKind({
  kind: 'claim',
  compile(rule, context) {
    const subjects = context.terms(rule.subject, rule.caseSensitive, rule.inflect);
    const predicates = context.terms(rule.predicate, rule.caseSensitive, rule.inflect);
    // The limit counts findings, so it applies after overlapping pairs are resolved.
    const keep = compileControls({ ...rule, negation: rule.negation ?? DEFAULT_NEGATION, limit: undefined }, context);
    const spans = (draft: Draft, list: number) => leftmostLongest(draft.hits(list).map((hit) => draft.span(hit)));

    return withTriggers(
      (draft) => {
        if (draft.hits(subjects).length === 0 || draft.hits(predicates).length === 0) return [];
        const candidates: Candidate[] = [];
        const preds = spans(draft, predicates);
        for (const subject of spans(draft, subjects)) {
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
            candidates.push({ start: first.start, end: last.end, inner, subject, predicate });
          }
        }
        // Of overlapping pairs, the leftmost and then the tightest is the claim.
        const kept = keep(draft, candidates);
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
      },
      [subjects],
    );
  },
});
