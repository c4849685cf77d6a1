/**
 * `terms`: word and phrase lists (banned words, brand spellings, "use X instead of Y").
 * Case- and width-insensitive unless the rule says otherwise; whole words for Latin scripts,
 * substrings for Japanese. Each term may carry its own suggestion, message, section and severity.
 */

import { z } from 'zod';
import { matchControls, ruleBase, TermList } from '../fields';
import { compileControls, controlTermLists, leftmostLongest } from '../match-controls';
import { defineKind, type RawFinding, withTriggers } from './kind';

export const TermsRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('terms'),
  terms: TermList,
  ...matchControls,
});

export default defineKind({
  kind: 'terms',
  termLists: (rule) => [[['terms'], rule.terms], ...controlTermLists(rule)],
  patterns: (rule) => [[['basis', 'pattern'], rule.basis?.pattern]],
  compile(rule, context) {
    const terms = context.expand(rule.terms);
    const list = context.terms(rule.terms, rule.caseSensitive, rule.inflect);
    const keep = compileControls(rule, context);
    return withTriggers(
      (draft) => {
        const hits = draft.hits(list);
        if (hits.length === 0) return [];
        const matches = leftmostLongest(hits.map((hit) => ({ ...draft.span(hit), term: terms[hit.term]! })));
        return keep(draft, matches).map(({ start, end, term }): RawFinding => {
          if (typeof term === 'string') return { start, end };
          const suggestions = term.suggest === undefined ? [] : [term.suggest].flat();
          return {
            start,
            end,
            suggestions,
            severity: term.severity,
            message: term.message,
            manual: term.manual,
            vars: { suggestion: suggestions[0] ?? '' },
          };
        });
      },
      [list],
    );
  },
});
