/**
 * A removal (a pack's `suggest: ''`) takes the words and one space beside them, as a person deleting a
 * word would: never a double space left behind, never a space taken from between two other words.
 */
import { describe, expect, it } from 'vitest';
import { removalSpan } from '../../../entrypoints/content/editors/fix';

/** The text after removing what removalSpan takes for the first occurrence of `words`. */
const remove = (text: string, words: string) => {
  const start = text.indexOf(words);
  const { start: from, end: to } = removalSpan(text, start, start + words.length);
  return text.slice(0, from) + text.slice(to);
};

describe('what a removal takes', () => {
  it('takes the space after words between two others', () => {
    expect(remove('It is very good news', 'very')).toBe('It is good news');
    expect(removalSpan('It is very good news', 6, 10)).toEqual({ start: 6, end: 11 });
  });

  it('takes the space after words that start the draft or a line', () => {
    expect(remove('Honestly the best', 'Honestly')).toBe('the best');
    expect(remove('Hi\nhonestly the best', 'honestly')).toBe('Hi\nthe best');
  });

  it('takes the space before words that end the draft, a line or a sentence', () => {
    expect(remove('The best ever', 'ever')).toBe('The best');
    expect(remove('The best ever\nNext', 'ever')).toBe('The best\nNext');
    expect(remove('The best ever! Come', 'ever')).toBe('The best! Come');
  });

  it('takes no space where none touches the words (Japanese, punctuation)', () => {
    expect(remove('絶対に効く', '絶対に')).toBe('効く');
    expect(remove('(very) good', 'very')).toBe('() good');
  });
});
