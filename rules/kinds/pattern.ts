/**
 * `pattern`: regular expressions in RE2 syntax, run on the width-folded draft so that
 * full-width digits match \d. See text/regex.ts for why a pattern can never freeze a page.
 */

import { z } from 'zod';
import type { Draft } from '../draft';
import { matchControls, Patterns, ruleBase } from '../fields';
import { compileControls, controlTermLists, leftmostLongest } from '../match-controls';
import { defineKind, gatePatterns, withTriggers } from './kind';

export const PatternRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('pattern'),
  pattern: Patterns,
  ...matchControls,
});

export default defineKind({
  kind: 'pattern',
  termLists: controlTermLists,
  patterns: (rule) => [
    [['pattern'], rule.pattern],
    [['basis', 'pattern'], rule.basis?.pattern],
  ],
  compile(rule, context) {
    const { patterns, triggers } = gatePatterns([rule.pattern].flat(), !rule.caseSensitive, context);
    const keep = compileControls(rule, context);
    const run = (draft: Draft) =>
      keep(draft, leftmostLongest(patterns.flatMap(({ pattern, literals }) => draft.matches(pattern, literals))));
    // Drafts without any literal the patterns need are skipped without running them.
    return triggers === undefined ? run : withTriggers(run, triggers);
  },
});
