/**
 * Each platform counts a post in its own unit. X's weighted count comes from twitter-text itself
 * (the library X publishes), never re-derived here.
 */

import type { Counting } from '../schema';
import { xWeighted } from './entities';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// Emoji as people see them: not ©, ™ or a digit, which Unicode also lists as emoji characters.
const PICTOGRAPHIC = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}|\u20E3/u;

/**
 * Characters that are always a grapheme of their own and never join the one before: Latin and
 * its punctuation, kana and kanji, full-width forms. Intl.Segmenter is slow (milliseconds for a
 * long draft), so it only sees the islands of other characters (emoji, combining marks, jamo).
 */
const SIMPLE =
  /[\x00-\x09\x0b\x0c\x0e-\u02ff\u2010-\u2027\u2030-\u205e\u3000-\u3029\u3030-\u3098\u309b-\u9fff\uff00-\uff9d\uffa0-\uffef]/;

const ALL_SIMPLE = new RegExp(`^${SIMPLE.source}*$`);

export function graphemes(text: string): string[] {
  if (ALL_SIMPLE.test(text)) return text.split('');
  const out: string[] = [];
  const length = text.length;
  for (let i = 0; i < length; ) {
    const char = text[i]!;
    const next = text[i + 1];
    if (SIMPLE.test(char) && (next === undefined || SIMPLE.test(next))) {
      out.push(char);
      i++;
      continue;
    }
    // An island: this character and every following one that may join it, segmented properly.
    let j = i + 1;
    while (j < length && !SIMPLE.test(text[j]!)) j++;
    for (const { segment } of segmenter.segment(text.slice(i, j))) out.push(segment);
    i = j;
  }
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

/** Whether a text may hold an emoji at all: a cheap test before looking at every grapheme. */
export const MAY_HAVE_EMOJI =
  /[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2bff\u3030\u303d\u3297\u3299]|\ufe0f|\u20e3|\ud83c|\ud83d|\ud83e/;

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
      return xWeighted(
        text,
        input.urls().map((u) => ({ ...u, value: text.slice(u.start, u.end) })),
      ).weightedLength;
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
