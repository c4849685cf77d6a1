/**
 * Each platform counts a post in its own unit. X's weighted count comes from twitter-text itself
 * (the library X publishes), never re-derived here.
 */
import twitterText from 'twitter-text';
import type { Counting } from '../schema';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// Emoji as people see them: not ©, ™ or a digit, which Unicode also lists as emoji characters.
const PICTOGRAPHIC = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}|\u20E3/u;

export function graphemes(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) out.push(segment);
  return out;
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function isEmoji(grapheme: string): boolean {
  return PICTOGRAPHIC.test(grapheme);
}

export interface LengthInput {
  text: string;
  graphemes: () => string[];
  /** Spans of the URLs in the draft, for platforms that count every URL as a fixed length. */
  urls: () => { start: number; end: number }[];
}

/** The draft's length in the platform's unit. */
export function countLength(input: LengthInput, counting: Counting, urlLength?: number): number {
  const { text } = input;
  switch (counting) {
    case 'x-weighted':
      return twitterText.parseTweet(text).weightedLength;
    case 'utf16':
      return withUrls(input, urlLength, (part) => part.length);
    case 'utf8':
      return withUrls(input, urlLength, utf8Length);
    case 'code-points':
      return withUrls(input, urlLength, (part) => [...part].length);
    case 'graphemes':
      return withUrls(input, urlLength, (part) => (part === text ? input.graphemes().length : graphemes(part).length));
    case 'threads':
      // Threads counts characters, but an emoji as the number of its UTF-8 bytes.
      return withUrls(input, urlLength, (part) =>
        (part === text ? input.graphemes() : graphemes(part)).reduce(
          (sum, g) => sum + (isEmoji(g) ? utf8Length(g) : [...g].length),
          0,
        ),
      );
  }
}

function withUrls(input: LengthInput, urlLength: number | undefined, measure: (part: string) => number): number {
  if (urlLength === undefined) return measure(input.text);
  const urls = input.urls();
  if (urls.length === 0) return measure(input.text);
  let total = 0;
  let last = 0;
  for (const url of urls) {
    total += measure(input.text.slice(last, url.start)) + urlLength;
    last = url.end;
  }
  return total + measure(input.text.slice(last));
}
