import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePacks } from '../../rules/index';
import { fold, toDraftSpan } from '../../rules/text/fold';
import { testPack } from '../helpers/pack';

describe('fold', () => {
  it('folds full-width Latin and digits to ASCII and lower case', () => {
    expect(fold('ＡＢＣ１２３', true).text).toBe('abc123');
    expect(fold('ＡＢＣ１２３', false).text).toBe('ABC123');
  });

  it('folds half-width katakana, joining voiced marks to their kana', () => {
    expect(fold('ｶﾞｲﾄﾞ', false).text).toBe('ガイド');
    const folded = fold('ｶﾞｲﾄﾞ', true);
    expect(folded.text).toBe('がいど');
    // ガ came from two half-width characters: its span in the draft covers both.
    expect(toDraftSpan(folded, 0, 1)).toEqual([0, 2]);
    expect(toDraftSpan(folded, 0, 3)).toEqual([0, 5]);
  });

  it('joins a spacing voiced or semi-voiced mark typed after a kana (リヒ゜ート)', () => {
    expect(fold('リヒ\u309cート率', false).text).toBe('リピート率');
    expect(fold('ハ\u309bス', false).text).toBe('バス');
    const folded = fold('リヒ\u309cート', true);
    expect(folded.text).toBe('りぴーと');
    expect(toDraftSpan(folded, 1, 2)).toEqual([1, 3]);
    // no kana before it: the mark folds as before (NFKC: a space and the combining mark)
    expect(fold('\u309c', false).text).toBe(' \u309a');
  });

  it('maps every folded unit back to the draft, across astral characters', () => {
    const draft = '😀Ａb';
    const folded = fold(draft, true);
    expect(folded.text).toBe('😀ab');
    expect(toDraftSpan(folded, 2, 4)).toEqual([2, 4]);
    expect(draft.slice(...toDraftSpan(folded, 0, 2))).toBe('😀');
  });

  it('folds katakana to hiragana when folding case, unit for unit', () => {
    expect(fold('ガン予防にヴィーガンのヵ月ヽ', true).text).toBe('がん予防にゔぃーがんのゕ月ゝ');
    expect(fold('ガン予防', false).text).toBe('ガン予防');
    // Katakana with no hiragana twin stays; expansions (㌔ → キロ) fold too.
    expect(fold('ヷ㌔Ｔ', true).text).toBe('ヷきろt');
    const mixed = fold('ＡガンB', true);
    expect(mixed.text).toBe('aがんb');
    expect(toDraftSpan(mixed, 1, 3)).toEqual([1, 3]);
  });

  it('leaves out invisible characters, mapping around them to the draft', () => {
    const draft = 'Guaran\u00adteed re\u200bturns\u2060!';
    const folded = fold(draft, true);
    expect(folded.text).toBe('guaranteed returns!');
    expect(toDraftSpan(folded, 0, 10)).toEqual([0, 11]);
    expect(toDraftSpan(folded, 11, 18)).toEqual([12, 20]);
    expect(fold('❤\ufe0fa\u200db\u200cc\ufeffd\u{e0100}e\u{e0067}', false).text).toBe('❤abcde');
    expect(fold('\u00ad\u200b', true)).toMatchObject({ text: '' });
    expect(toDraftSpan(fold('\u00ad\u200b', true), 0, 0)).toEqual([0, 0]);
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

describe('invisible characters inside terms', () => {
  const TERMS = ['guaranteed returns', '元本保証', 'ガン予防', 'risk-free'];
  const INVISIBLE = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufe0e', '\ufe0f', '\u{e0101}', '\ufeff'];
  const checker = compilePacks([testPack([{ id: 'i', kind: 'terms', terms: TERMS }])]);

  it('never hide a term, and the finding spans exactly from its first to its last character', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TERMS),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { maxLength: 4 }),
        fc.constantFrom('', 'Our ', '今日は', '🚀', '\u2764\ufe0f', '1\ufe0f\u20e3'),
        fc.constantFrom('', ' today', 'です', '!'),
        (term, inserts, before, after) => {
          const chars = [...term];
          for (const [at, mark] of inserts) {
            // Inside the term only: between two of its characters (never inside a surrogate pair).
            chars.splice(1 + (at % (chars.length - 1)), 0, mark);
          }
          const hidden = chars.join('');
          const text = before + hidden + after;
          const found = checker.check(text);
          expect(found.map((f) => [f.start, f.end])).toEqual([[before.length, before.length + hidden.length]]);
        },
      ),
      { numRuns: 300, seed: 9 },
    );
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
