import { describe, expect, it } from 'vitest';
import { fold, toDraftSpan } from '../../rules/text/fold';

describe('fold', () => {
  it('folds full-width Latin and digits to ASCII and lower case', () => {
    expect(fold('ＡＢＣ１２３', true).text).toBe('abc123');
    expect(fold('ＡＢＣ１２３', false).text).toBe('ABC123');
  });

  it('folds half-width katakana, joining voiced marks to their kana', () => {
    const folded = fold('ｶﾞｲﾄﾞ', true);
    expect(folded.text).toBe('ガイド');
    // ガ came from two half-width characters: its span in the draft covers both.
    expect(toDraftSpan(folded, 0, 1)).toEqual([0, 2]);
    expect(toDraftSpan(folded, 0, 3)).toEqual([0, 5]);
  });

  it('maps every folded unit back to the draft, across astral characters', () => {
    const draft = '😀Ａb';
    const folded = fold(draft, true);
    expect(folded.text).toBe('😀ab');
    expect(toDraftSpan(folded, 2, 4)).toEqual([2, 4]);
    expect(draft.slice(...toDraftSpan(folded, 0, 2))).toBe('😀');
  });

  it('keeps circled ideographs such as ㊙ instead of folding them to a common kanji', () => {
    expect(fold('㊙', true).text).toBe('㊙');
  });

  it('maps an expansion (㍻ → 平成) back to the one source character', () => {
    const folded = fold('x㍻y', true);
    expect(folded.text).toBe('x平成y');
    expect(toDraftSpan(folded, 1, 3)).toEqual([1, 2]);
  });
});

describe('graphemes', () => {
  it('splits like Intl.Segmenter, quickly on simple text', async () => {
    const { graphemes } = await import('../../rules/text/count');
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const reference = (text: string) => [...segmenter.segment(text)].map((s) => s.segment);
    for (const text of [
      'plain ascii text',
      '春の新作。ｶﾞｲﾄﾞ、テスト！',
      'family 👨‍👩‍👧‍👦 flag 🇯🇵 keycap 1️⃣ skin 👍🏽',
      'e\u0301 cafe\u0301 か\u3099',
      'line\r\nbreak\nand\rreturn',
      '한국어 가 텍스트',
      '❤️ ☀ ©️ ™',
    ]) {
      expect(graphemes(text), text).toEqual(reference(text));
    }
  });
});
