/**
 * `pattern`: regular expressions in RE2 syntax, run on the width-folded draft so that
 * full-width digits match \d. See text/regex.ts for why a pattern can never freeze a page.
 */
import { compileControls, leftmostLongest } from '../match-controls';
import { defineKind, withTriggers } from './kind';

export default defineKind({
  kind: 'pattern',
  compile(rule, context) {
    const sources = [rule.pattern].flat();
    const patterns = sources.map((source) => context.pattern(source, !rule.caseSensitive));
    const literals = context.patternLiterals(sources, !rule.caseSensitive);
    const keep = compileControls(rule, context);
    const run = (draft: import('../draft').Draft) =>
      keep(draft, leftmostLongest(patterns.flatMap((pattern) => draft.matches(pattern))));
    // Drafts without any literal the patterns need are skipped without running them.
    return literals === undefined ? run : withTriggers(run, [literals]);
  },
});
