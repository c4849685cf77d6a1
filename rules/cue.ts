/**
 * A cue is "any of these terms or patterns" in a draft: the condition and the requirement of a
 * `require` rule. Compiled once into the shared automaton and the safe pattern engine.
 */
import type { Draft, Span } from './draft';
import type { CompileContext } from './kinds/kind';
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
  const sources = [cue.pattern ?? []].flat();
  const patterns = sources.map((source) => context.pattern(source, !cue.caseSensitive));
  const literals = sources.length > 0 ? context.patternLiterals(sources, !cue.caseSensitive) : undefined;
  return (draft) => {
    const spans = list < 0 ? [] : draft.hits(list).map((hit) => draft.span(hit));
    if (patterns.length > 0 && (literals === undefined || draft.hits(literals).length > 0)) {
      const folded = draft.folded(false).text;
      for (const pattern of patterns) {
        pattern.forEach(folded, (start, end) => spans.push(draft.fromFolded(false, start, end)));
      }
      spans.sort((a, b) => a.start - b.start);
    }
    return spans;
  };
}
