/**
 * A cue is "any of these terms or patterns" in a draft: the condition and the requirement of a
 * `require` rule. Compiled once into the shared automaton and the safe pattern engine.
 */
import type { Draft, Span } from './draft';
import { type CompileContext, gatePatterns } from './kinds/kind';
import type { TermRef } from './schema';

export interface CueSpec {
  terms?: TermRef[] | undefined;
  pattern?: string | string[] | undefined;
  caseSensitive: boolean;
  /** The inline terms are lemmas. */
  inflect?: boolean | undefined;
}

export type CueFinder = (draft: Draft) => Span[];

export function compileCue(cue: CueSpec, context: CompileContext): CueFinder {
  const list = cue.terms ? context.terms(cue.terms, cue.caseSensitive, cue.inflect ?? false) : -1;
  const { patterns } = gatePatterns([cue.pattern ?? []].flat(), !cue.caseSensitive, context);
  return (draft) => {
    const spans = list < 0 ? [] : draft.hits(list).map((hit) => draft.span(hit));
    // Sorted whenever some pattern could match, as the cue's order (its first span) matters.
    if (patterns.some(({ literals }) => literals === undefined || draft.has(literals))) {
      for (const { pattern, literals } of patterns) spans.push(...draft.matches(pattern, literals));
      spans.sort((a, b) => a.start - b.start);
    }
    return spans;
  };
}
