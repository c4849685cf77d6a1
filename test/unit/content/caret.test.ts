// @vitest-environment happy-dom
/**
 * Alt+Enter opens the card of the finding at the caret: every finding that holds the caret is a
 * candidate (several rules can stop the same words), and the layer opens the most severe.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spansAtCaret } from '../../../entrypoints/content/editors/fix';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the spans at the caret', () => {
  const spans = [
    { id: 'phrase', start: 0, end: 4 },
    { id: 'class', start: 0, end: 4 },
    { id: 'longer', start: 2, end: 8 },
    { id: 'later', start: 10, end: 14 },
  ];
  const textarea = (caret: number) => {
    document.body.innerHTML = '<textarea>元本保証で必ず儲かる投資です</textarea>';
    const field = document.querySelector('textarea')!;
    field.setSelectionRange(caret, caret);
    return field;
  };

  it('are all the spans that hold it, not only the first', () => {
    expect(spansAtCaret(textarea(3), spans).map((s) => s.id)).toEqual(['phrase', 'class', 'longer']);
    expect(spansAtCaret(textarea(6), spans).map((s) => s.id)).toEqual(['longer']);
    expect(spansAtCaret(textarea(9), spans)).toEqual([]);
  });

  it('are none when the selection is outside a contenteditable composer', () => {
    document.body.innerHTML = '<div contenteditable="true">元本保証</div><p>elsewhere</p>';
    const composer = document.querySelector<HTMLElement>('div')!;
    const outside = document.querySelector('p')!.firstChild!;
    window.getSelection()!.collapse(outside, 2);
    expect(spansAtCaret(composer, spans)).toEqual([]);
  });
});
