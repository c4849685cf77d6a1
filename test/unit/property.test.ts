/** Whatever an operator types, `check` answers: no throw, offsets inside the draft, same answer twice. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR } from '../../cli/builtin-pack';
import { loadPackFrom } from '../../cli/pack-source';
import { compilePacks, PLATFORMS } from '../../rules/index';

const pack = loadPackFrom(DEFAULT_PACK_DIR);
const allSets = Object.fromEntries(pack.sets.map((set) => [set.id, true]));
const checker = compilePacks([pack], { sets: allSets });

// Drafts built from the pieces that trip rules: Latin, kana, kanji, full-width, emoji, URLs, tags, digits.
const piece = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '元本保証',
    'セール',
    '台風',
    '#ad',
    '#PR',
    '@user',
    'https://bit.ly/x',
    'http://a.co',
    '090-1234-5678',
    '4111 1111 1111 1111',
    '👨‍👩‍👧‍👦',
    'ｶﾞ',
    'ＡＢＣ',
    '！！！',
    'No.1',
    '※',
    'guaranteed',
    'not',
    '\n',
    ' ',
    '社外秘',
    '{{',
    '}}',
    '\u0301',
    '\ud800',
  ),
);
const draft = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

describe('check on any input', () => {
  it('never throws, keeps offsets inside the draft and is deterministic', () => {
    fc.assert(
      fc.property(
        draft,
        fc.constantFrom(undefined, ...PLATFORMS),
        fc.constantFrom('en', 'ja'),
        (text, platform, locale) => {
          const first = checker.check(text, { platform, locale });
          for (const f of first) {
            expect(f.start).toBeGreaterThanOrEqual(0);
            expect(f.end).toBeGreaterThanOrEqual(f.start);
            expect(f.end).toBeLessThanOrEqual(text.length);
            expect(f.message.length).toBeGreaterThan(0);
          }
          for (let i = 1; i < first.length; i++) expect(first[i]!.start).toBeGreaterThanOrEqual(first[i - 1]!.start);
          expect(checker.check(text, { platform, locale })).toEqual(first);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('survives long drafts of one repeated character', () => {
    for (const char of ['a', 'あ', '!', '#', '1', ' ', '😀', 'ｶ']) {
      const text = char.repeat(5000);
      const findings = checker.check(text, { platform: 'x' });
      expect(findings.every((f) => f.end <= text.length)).toBe(true);
    }
  });
});
