import fc from 'fast-check';
import twitterText from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { extractHashtags, extractUrls, isSpace, xWeighted } from '../../rules/text/entities';

const pieces = fc.constantFrom(
  'https://example.com/a?b=c',
  'http://t.co/xyz',
  'example.com',
  'shop.example.co.jp/sale',
  'bit.ly/3xYz',
  'www.test.org.',
  '#新作',
  '#ad',
  '#PR',
  'x#y',
  '@brand',
  ' ',
  '\n',
  '。',
  '、',
  'です',
  'Sale!',
  'end.',
  '(',
  ')',
  '"',
  '👍',
  'ｶﾞ',
  '1.5kg',
  'v1.2',
  'https://例え.テスト',
  'mailto:a@b.co',
  'a.b',
  '..',
  'file.txt',
);
// Pieces as drafts hold them, separated by spaces, line breaks or Japanese words. (Glued together,
// twitter-text's whole-text scan has quirks: it misses "www.a.org" after "..、"; we find it.)
const separator = fc.constantFrom(' ', '\n', ' です ', '\n詳細は ');
const draft = fc
  .array(fc.tuple(pieces, separator), { maxLength: 25 })
  .map((parts) => parts.map(([piece, sep]) => piece + sep).join(''));

describe('entities, looked for only where they can be', () => {
  it('finds URLs glued to Japanese text, as twitter-text does', () => {
    for (const text of [
      '見てexample.com',
      '詳細はhttps://example.com/spring をご覧ください',
      'あbit.ly/x、',
      'https://例え.テスト です',
    ]) {
      const whole = twitterText
        .extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: true })
        .map((u) => [u.url, ...u.indices]);
      expect(extractUrls(text).map((u) => [u.value, u.start, u.end])).toEqual(whole);
    }
  });

  it('finds the URLs twitter-text finds in the whole text', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const whole = twitterText
          .extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: true })
          .map((u) => [u.url, ...u.indices]);
        expect(extractUrls(text).map((u) => [u.value, u.start, u.end])).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the hashtags twitter-text finds, none inside a URL', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const whole = twitterText.extractHashtagsWithIndices(text).map((h) => [h.hashtag, ...h.indices]);
        expect(extractHashtags(text, extractUrls(text)).map((h) => [h.value, h.start, h.end])).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });

  it('reads white space unit by unit exactly as \\s does', () => {
    for (let code = 0; code <= 0xffff; code++) expect(isSpace(code)).toBe(/\s/.test(String.fromCharCode(code)));
  });

  it("gives X's weighted length as twitter-text's parseTweet does, and where it overflows", () => {
    fc.assert(
      fc.property(draft, (text) => {
        const parsed = twitterText.parseTweet(text);
        const ours = xWeighted(text, extractUrls(text));
        expect(ours.weightedLength).toBe(parsed.weightedLength);
      }),
      { numRuns: 500 },
    );
    const long = `${'あ'.repeat(139)}${'a'.repeat(10)}`;
    expect(xWeighted(long, []).overflowAt(280)).toBe(twitterText.parseTweet(long).validRangeEnd + 1);
  });
});
