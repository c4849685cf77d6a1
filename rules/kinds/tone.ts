/**
 * `tone`: a score over the whole draft from a weighted lexicon kept in the pack, the check social
 * teams run with sentiment tools, before posting. An angry reply or a wall of hype crosses the
 * threshold; apologetic words carry negative weights, so a calm apology does not.
 */

import { z } from 'zod';
import type { Draft } from '../draft';
import { CueWords, ruleBase } from '../fields';
import { leftmostLongest } from '../match-controls';
import { linesAround } from '../text/lines';
import { defineKind, withTriggers } from './kind';

export const ToneRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('tone'),
  /** Weighted words; negative weights calm the score (an apology). */
  lexicon: z.array(z.strictObject({ term: z.string().min(1), weight: z.number().min(-100).max(100) })).min(1),
  threshold: z.number().min(0),
  /** Added per "!" beyond the first, and for a run of capital letters: shouting raises a score. */
  exclamationWeight: z.number().min(0).max(100).default(0),
  capsWeight: z.number().min(0).max(100).default(0),
  /** Words in capitals on lines holding one of these (a required notice set in capitals) are not shouting. */
  ignoreLinesWith: CueWords.min(1).optional(),
  caseSensitive: z.boolean().default(false),
});

const SHOUTED_WORD = /\b[A-Z]{3,}\b/g;

/** Words in capitals, outside the lines that hold a notice (`notices`: a term list in the shared automaton). */
function shoutedWords(draft: Draft, notices: number | undefined): number {
  const words = [...draft.text.matchAll(SHOUTED_WORD)];
  if (words.length === 0 || notices === undefined || !draft.has(notices)) return words.length;
  const quiet = linesAround(
    draft.text,
    draft.hits(notices).map((hit) => draft.span(hit)),
  );
  return words.filter((w) => !quiet.some((line) => w.index >= line.start && w.index < line.end)).length;
}

export default defineKind({
  kind: 'tone',
  termLists: (rule) => [[['ignoreLinesWith'], rule.ignoreLinesWith]],
  compile(rule, context) {
    const notices = rule.ignoreLinesWith ? context.terms(rule.ignoreLinesWith, false) : undefined;
    const list = context.terms(
      rule.lexicon.map((entry) => entry.term),
      rule.caseSensitive,
    );
    const run = (draft: Draft) => {
      const hits = draft.hits(list);
      if (hits.length === 0 && rule.exclamationWeight === 0 && rule.capsWeight === 0) return [];
      const exclaimed =
        rule.exclamationWeight > 0
          ? Math.max(0, (draft.text.match(/[!！]/g)?.length ?? 0) - 1) * rule.exclamationWeight
          : 0;
      const shouted = rule.capsWeight > 0 ? shoutedWords(draft, notices) * rule.capsWeight : 0;
      // Overlaps only take words away: with every positive word counted, a draft that stays under
      // the threshold (by more than rounding) needs no spans and no overlap resolution.
      let most = exclaimed + shouted;
      for (const hit of hits) most += Math.max(0, rule.lexicon[hit.term]!.weight);
      if (most < rule.threshold - 1e-6) return [];
      const matches = leftmostLongest(
        hits.map((hit) => ({ ...draft.span(hit), weight: rule.lexicon[hit.term]!.weight })),
      );
      let score = matches.reduce((sum, m) => sum + m.weight, 0);
      // Added in this order, as always: the score's rounding stays the same.
      if (rule.exclamationWeight > 0) score += exclaimed;
      if (rule.capsWeight > 0) score += shouted;
      if (score < rule.threshold) return [];
      const loud = matches.filter((m) => m.weight > 0);
      const first = loud[0];
      const last = loud[loud.length - 1];
      const words = [...new Set(loud.map((m) => draft.text.slice(m.start, m.end)))].join(', ');
      const span = first && last ? { start: first.start, end: last.end } : { start: 0, end: draft.text.length };
      return [{ ...span, vars: { score: Math.round(score * 10) / 10, threshold: rule.threshold, words } }];
    };
    // Without shouting weights, a draft with no lexicon word scores zero.
    return rule.exclamationWeight === 0 && rule.capsWeight === 0 ? withTriggers(run, [list]) : run;
  },
});
