/**
 * The forms of a pack term that go into the automaton: the term as written, its inflections when
 * it is a lemma (text/inflect.ts), and the other common spellings of each (text/variants.ts).
 * Authors write one form; drafts are matched in all of them.
 */
import { inflect } from './inflect';
import { spellings } from './variants';

export function termForms(term: string, lemma: boolean): string[] {
  // Most terms are no lemma: their spellings are already distinct.
  if (!lemma) return spellings(term);
  return [...new Set(inflect(term).flatMap(spellings))];
}
