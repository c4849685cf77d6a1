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
 * Graphemes (UAX #29) as Intl.Segmenter finds them, without handing it long runs: it is slow, and
 * quadratic on a long run. Most characters stand alone; marks (accents, Thai vowel signs, emoji
 * modifiers, variation selectors) join the character before unless it is a control. Only the short
 * islands around the other joiners (zero-width joiner, flags, prepended marks, conjoining Hangul
 * jamo, Indic viramas) go to the segmenter, in bounded windows. How a character behaves is asked
 * of the segmenter itself, once per character, so both always agree.
 */
/** Letters (not modifier letters: ﾞ is a mark), digits, punctuation, symbols and spaces that no grapheme rule joins to a neighbour. */
const ALONE = /[\p{Lu}\p{Ll}\p{Lt}\p{Lo}\p{N}\p{P}\p{S}\p{Zs}]/u;
const EXCEPT =
  /[\u0e33\u0eb3\u0d4e\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\uac00-\ud7a3\p{Regional_Indicator}\p{Emoji_Modifier}\u{111c2}\u{111c3}\u{113d1}\u{1193f}\u{11941}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}]/u;
/** Astral characters (two units each) and CR LF: the one-unit-per-grapheme shortcut does not hold. */
const NOT_ONE_UNIT = /[\ud800-\udfff]|\r\n/;
const STANDS_ALONE = 0;
const JOINS_BEFORE = 1;
const NEEDS_SEGMENTER = 2;
/** Stands alone, and breaks from a mark after it (GB4). */
const CONTROL = 3;
const bmpClasses = new Int8Array(0x10000).fill(-1);
const astralClasses = new Map<number, number>();

const count = (text: string) => {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
};

function classify(c: string): number {
  if (ALONE.test(c) && !EXCEPT.test(c)) return STANDS_ALONE;
  // Joins a neighbour only in context: flags, jamo, the zero-width joiner, viramas, prepended marks.
  if (count(c + c) === 1 || count(`😀${c}😀`) === 1 || count(`क${c}क`) === 1 || count(`${c}a`) === 1)
    return NEEDS_SEGMENTER;
  if (count(`a${c}`) === 1) return JOINS_BEFORE;
  return count(`${c}\u0301`) === 2 ? CONTROL : STANDS_ALONE;
}

/** The class of the character at `i` (a whole surrogate pair when one starts there). */
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0x20 && code < 0x7f) return STANDS_ALONE;
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(i)!;
    if (point > 0xffff) {
      let found = astralClasses.get(point);
      if (found === undefined) {
        found = classify(String.fromCodePoint(point));
        if (astralClasses.size < 10_000) astralClasses.set(point, found);
      }
      return found;
    }
  }
  let found = bmpClasses[code]!;
  if (found < 0) {
    found = classify(String.fromCharCode(code));
    bmpClasses[code] = found;
  }
  return found;
}

/** Segmenter windows: long enough for any ordinary grapheme, short enough to keep the segmenter linear. */
const WINDOW = 256;
const windows = new Map<string, string[]>();

function segmentWindow(text: string): string[] {
  let found = windows.get(text);
  if (!found) {
    found = Array.from(segmenter.segment(text), (s) => s.segment);
    if (windows.size > 5_000) windows.clear();
    windows.set(text, found);
  }
  return found;
}

function segment(island: string, out: string[]): void {
  // Window by window: every segment but the last is final; the next window starts where that last one did.
  for (let start = 0, size = WINDOW; start < island.length; ) {
    const end = Math.min(island.length, start + size);
    const segments = segmentWindow(island.slice(start, end));
    if (end === island.length) {
      for (const g of segments) out.push(g);
      return;
    }
    if (segments.length < 2) {
      size *= 2; // one grapheme longer than the window: widen it
      continue;
    }
    for (let k = 0; k < segments.length - 1; k++) {
      out.push(segments[k]!);
      start += segments[k]!.length;
    }
    size = WINDOW;
  }
}

export function graphemes(text: string): string[] {
  if (!NOT_ONE_UNIT.test(text) && /^[\x20-\x7e]*$/.test(text)) return text.split('');
  const length = text.length;
  // Per UTF-16 unit: the class of the character starting there, and where the next one starts.
  const cls = new Int8Array(length + 1);
  const next = new Uint32Array(length + 1);
  let simple = true;
  for (let i = 0; i < length; ) {
    const width = text.codePointAt(i)! > 0xffff ? 2 : 1;
    cls[i] = classAt(text, i);
    if ((cls[i] !== STANDS_ALONE && cls[i] !== CONTROL) || width === 2) simple = false;
    next[i] = i + width;
    i += width;
  }
  if (simple && !text.includes('\r\n')) return text.split('');
  next[length] = length;
  const crlf = (i: number) => text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10;
  const out: string[] = [];
  for (let k = 0; k < length; ) {
    let j = next[k]!;
    if (cls[k] !== NEEDS_SEGMENTER && !crlf(k)) {
      // Marks join the character before, unless it is a control (a line break, a tab).
      if (cls[k] !== CONTROL) while (j < length && cls[j] === JOINS_BEFORE) j = next[j]!;
      if (j === length || cls[j] !== NEEDS_SEGMENTER) {
        out.push(text.slice(k, j));
        k = j;
        continue;
      }
    }
    // An island: up to two characters side by side that stand alone, where a break is certain.
    let previous = k;
    const alone = (i: number) => cls[i] === STANDS_ALONE || cls[i] === CONTROL;
    while (j < length && !(alone(j) && alone(previous) && !crlf(previous))) {
      previous = j;
      j = next[j]!;
    }
    segment(text.slice(k, j), out);
    k = j;
  }
  return out;
}

/** Whether a grapheme certainly breaks before `i`: two characters side by side that stand alone (not CR LF). */
function certainBreakBefore(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  if (text.codePointAt(i - 1)! > 0xffff) return false; // the second half of a surrogate pair
  // The unit before `i` may be the second half of a surrogate pair: classify the character it belongs to.
  const before = i >= 2 && text.codePointAt(i - 2)! > 0xffff ? i - 2 : i - 1;
  const alone = (at: number) => {
    const c = classAt(text, at);
    return c === STANDS_ALONE || c === CONTROL;
  };
  return alone(before) && alone(i) && !(text.charCodeAt(before) === 13 && text.charCodeAt(i) === 10);
}

/**
 * Where the grapheme that holds the unit at `index` starts, as `graphemes` of the whole text would say, found by
 * segmenting only the stretch between the certain breaks around it: a long draft is not split whole for one place.
 */
export function graphemeStart(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  let from = index;
  while (!certainBreakBefore(text, from)) from--;
  if (from === index) return index;
  let to = index + 1;
  while (!certainBreakBefore(text, to)) to++;
  let start = from;
  for (const g of graphemes(text.slice(from, to))) {
    if (start + g.length > index) return start;
    start += g.length;
  }
  return start;
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
