/**
 * Folding for matching: full-width ＡＢＣ and half-width ｶﾀｶﾅ become ABC and カタカナ (NFKC), and
 * optionally upper case becomes lower case and katakana becomes hiragana (ガン = がん: Japanese
 * writes a word in either script). Invisible characters (soft hyphens, zero-width joiners,
 * variation selectors) are left out, so they cannot hide a word. The folded text keeps a map back
 * to the draft so every finding points at the operator's own characters.
 *
 * This runs on every check, so the common characters (ASCII, kana, kanji, full-width ASCII) are
 * folded by arithmetic; only the rest go through String.prototype.normalize, with a cache.
 */

export interface Folded {
  /** The folded text that matchers run on. */
  readonly text: string;
  /** For each UTF-16 unit of `text`, where its source character starts in the draft. */
  readonly starts: Uint32Array;
  /** For each UTF-16 unit of `text`, where its source character ends in the draft. */
  readonly ends: Uint32Array;
  /** Each unit of the draft folded on its own to one unit (the common case): the maps are the identity. */
  readonly oneToOne: boolean;
}

const cache = { lower: new Map<string, string>(), keep: new Map<string, string>() };

function slowFold(char: string, lowerCase: boolean): string {
  const memo = lowerCase ? cache.lower : cache.keep;
  let out = memo.get(char);
  if (out === undefined) {
    out = char.normalize('NFKC');
    if (lowerCase) out = toHiragana(out.toLowerCase());
    if (memo.size < 20_000) memo.set(char, out);
  }
  return out;
}

/**
 * For each BMP code unit, its fold when that is one unit, or -1 when it needs the slow path
 * (expansions such as ㍻ → 平成, surrogates). Filled lazily: each character is normalised once.
 */
const UNKNOWN = -2;
const tables: [Int32Array | undefined, Int32Array | undefined] = [undefined, undefined];

function fastFold(code: number, lowerCase: boolean): number {
  if (code < 0x80) return lowerCase && code >= 65 && code <= 90 ? code + 32 : code;
  if (code >= 0xd800 && code <= 0xdfff) return -1;
  const index = lowerCase ? 0 : 1;
  let table = tables[index];
  if (!table) {
    table = new Int32Array(0x10000).fill(UNKNOWN);
    tables[index] = table;
  }
  let folded = table[code]!;
  if (folded === UNKNOWN) {
    const out =
      code >= 0x3280 && code <= 0x32b0 ? String.fromCharCode(code) : slowFold(String.fromCharCode(code), lowerCase);
    // Circled ideographs (㊙ "secret") keep their form: folded, they would match the bare kanji everywhere.
    folded = out.length === 1 && !VOICED_MARKS.has(out.charCodeAt(0)) ? out.charCodeAt(0) : -1;
    table[code] = folded;
  }
  return folded;
}

const VOICED_MARKS = new Set([0x3099, 0x309a]);
// Turning the folded code units back into a string: the platform's decoder is far faster than fromCharCode.
// It must keep a leading U+FEFF: dropping it would shift every span by one.
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/**
 * Drafts made only of these fold one unit to one unit by ASCII lower-casing: the common case.
 * (ASCII, lower-case Latin-1, typographic dashes, quotes and bullets, CJK punctuation, kana, kanji.)
 */
const NEEDS_WORK =
  /[^\x00-\x7f\u00df-\u00ff\u2010\u2012-\u2016\u2018-\u2023\u2027\u2030-\u2032\u2035\u2038-\u203b\u3001-\u3035\u303b-\u3098\u309d\u309e\u30a0-\u30fe\u4e00-\u9fff]/;
let identity = new Uint32Array(0);
function identityMap(length: number): Uint32Array {
  if (identity.length < length + 1) identity = Uint32Array.from({ length: Math.max(length + 1, 4096) }, (_, i) => i);
  return identity;
}

const KATAKANA = /[\u30a1-\u30f6\u30fd\u30fe]/;
const isKatakana = (code: number) => (code >= 0x30a1 && code <= 0x30f6) || code === 0x30fd || code === 0x30fe;

/** カタカナ → かたかな, unit for unit (ヷ-ヺ and ー have no hiragana and stay). */
function toHiragana(text: string): string {
  if (!KATAKANA.test(text)) return text;
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    units[i] = isKatakana(code) ? code - 0x60 : code;
  }
  return UTF16.decode(units);
}

/**
 * Characters that show nothing (or only change the one before): a word with one inside still
 * reads as the word. The width of each is its UTF-16 length; 0 means "not invisible".
 */
function invisibleWidth(draft: string, i: number, code: number): number {
  // Most characters (Latin, kana, kanji) are decided by the first two comparisons.
  if (code < 0xad || (code > 0x206f && code < 0xfe00 && code !== 0xdb40)) return 0;
  if (
    code === 0xad || // soft hyphen
    code === 0x34f || // combining grapheme joiner
    code === 0x61c ||
    (code >= 0x180b && code <= 0x180f) || // Mongolian variation selectors
    (code >= 0x200b && code <= 0x200f) || // zero-width space, non-joiner, joiner; direction marks
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) || // word joiner, invisible operators, isolates
    (code >= 0xfe00 && code <= 0xfe0f) || // variation selectors (emoji presentation)
    code === 0xfeff
  )
    return 1;
  if (code === 0xdb40) {
    // Tags (U+E0000–E007F) and the supplementary variation selectors (U+E0100–E01EF).
    const low = draft.charCodeAt(i + 1);
    if ((low >= 0xdc00 && low <= 0xdc7f) || (low >= 0xdd00 && low <= 0xddef)) return 2;
  }
  return 0;
}

/** Fold `draft`; the result maps every folded unit back to the draft. */
export function fold(draft: string, lowerCase: boolean): Folded {
  const length = draft.length;
  if (!NEEDS_WORK.test(draft)) {
    const map = identityMap(length);
    return {
      text: lowerCase ? toHiragana(draft.toLowerCase()) : draft,
      starts: map.subarray(0, length),
      ends: map.subarray(1, length + 1),
      oneToOne: true,
    };
  }
  // Most drafts with full-width or other characters still fold one unit to one unit: try that first.
  const units = new Uint16Array(length);
  let simple = true;
  for (let i = 0; i < length; i++) {
    const code = draft.charCodeAt(i);
    const fast = invisibleWidth(draft, i, code) > 0 ? -1 : fastFold(code, lowerCase);
    if (fast < 0) {
      simple = false;
      break;
    }
    units[i] = fast;
  }
  if (simple) {
    const map = identityMap(length);
    return {
      text: UTF16.decode(units),
      starts: map.subarray(0, length),
      ends: map.subarray(1, length + 1),
      oneToOne: true,
    };
  }
  let capacity = length + 16;
  let out = new Uint16Array(capacity);
  let starts = new Uint32Array(capacity);
  let ends = new Uint32Array(capacity);
  let n = 0;
  const grow = (needed: number) => {
    if (n + needed <= capacity) return;
    capacity = Math.max(capacity * 2, n + needed);
    const o = new Uint16Array(capacity);
    o.set(out);
    const s = new Uint32Array(capacity);
    s.set(starts);
    const e = new Uint32Array(capacity);
    e.set(ends);
    out = o;
    starts = s;
    ends = e;
  };

  for (let i = 0; i < length; ) {
    const code = draft.charCodeAt(i);
    const invisible = invisibleWidth(draft, i, code);
    if (invisible > 0) {
      i += invisible;
      continue;
    }
    const fast = fastFold(code, lowerCase);
    if (fast >= 0) {
      out[n] = fast;
      starts[n] = i;
      ends[n] = i + 1;
      n++;
      i++;
      continue;
    }
    // A pair only when a low surrogate follows: a lone high one must not swallow the next character.
    const next = i + 1 < length ? draft.charCodeAt(i + 1) : 0;
    const width = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    const char = draft.slice(i, i + width);
    // A spacing ゛/゜ (U+309B/U+309C) typed after a kana, as older page builders print ピ (「リヒ゜ート率」), joins
    // it like the half-width marks below; NFKC alone would leave a space and a loose mark.
    if ((code === 0x309b || code === 0x309c) && n > 0) {
      const joined = (String.fromCharCode(out[n - 1]!) + String.fromCharCode(code - 2)).normalize('NFC');
      if (joined.length === 1) {
        out[n - 1] = joined.charCodeAt(0);
        ends[n - 1] = i + 1;
        i += 1;
        continue;
      }
    }
    const folded = code >= 0x3280 && code <= 0x32b0 ? char : slowFold(char, lowerCase);
    // Half-width ﾞ/ﾟ fold to combining marks: join them to the kana before (ｶﾞ → ガ).
    if (folded.length === 1 && VOICED_MARKS.has(folded.charCodeAt(0)) && n > 0) {
      const joined = (String.fromCharCode(out[n - 1]!) + folded).normalize('NFC');
      if (joined.length === 1) {
        out[n - 1] = joined.charCodeAt(0);
        ends[n - 1] = i + width;
        i += width;
        continue;
      }
    }
    grow(folded.length);
    for (let k = 0; k < folded.length; k++) {
      out[n] = folded.charCodeAt(k);
      starts[n] = i;
      ends[n] = i + width;
      n++;
    }
    i += width;
  }

  const text = UTF16.decode(out.subarray(0, n));
  return { text, starts: starts.subarray(0, n), ends: ends.subarray(0, n), oneToOne: false };
}

/** Where two drafts differ: the length of their common start, and of their common end after it. */
export interface Edit {
  readonly prefix: number;
  readonly suffix: number;
}

/** The one edit that turns `before` into `after` (a keystroke, a paste): their common start and end. */
export function editBetween(before: string, after: string): Edit {
  const limit = Math.min(before.length, after.length);
  // Whole blocks first (a native comparison of two slices), then unit by unit inside the last block.
  let prefix = 0;
  while (prefix + BLOCK <= limit && before.slice(prefix, prefix + BLOCK) === after.slice(prefix, prefix + BLOCK))
    prefix += BLOCK;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const last = limit - prefix;
  let suffix = 0;
  while (
    suffix + BLOCK <= last &&
    before.slice(before.length - suffix - BLOCK, before.length - suffix) ===
      after.slice(after.length - suffix - BLOCK, after.length - suffix)
  )
    suffix += BLOCK;
  while (suffix < last && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix))
    suffix++;
  return { prefix, suffix };
}
const BLOCK = 64;

/**
 * Fold `after`, a draft that `edit` made from one already folded: only the edited middle is folded,
 * the rest is taken from the earlier fold. Only when both fold one unit to one unit, each unit on
 * its own, so the pieces join as the whole would; otherwise undefined (fold the whole).
 */
export function foldEdited(earlier: Folded, after: string, edit: Edit, lowerCase: boolean): Folded | undefined {
  if (!earlier.oneToOne) return undefined;
  const middle = fold(after.slice(edit.prefix, after.length - edit.suffix), lowerCase);
  if (!middle.oneToOne) return undefined;
  const text = earlier.text;
  const map = identityMap(after.length);
  return {
    text: text.slice(0, edit.prefix) + middle.text + text.slice(text.length - edit.suffix),
    starts: map.subarray(0, after.length),
    ends: map.subarray(1, after.length + 1),
    oneToOne: true,
  };
}

/** Fold a term from a pack the same way as drafts (without the maps back: a pack has thousands of terms). */
export function foldTerm(term: string, lowerCase: boolean): string {
  if (!NEEDS_WORK.test(term)) return lowerCase ? toHiragana(term.toLowerCase()) : term;
  return fold(term, lowerCase).text;
}

/** Map a span of the folded text back to the draft. */
export function toDraftSpan(folded: Folded, start: number, end: number): [number, number] {
  if (folded.text.length === 0) return [0, 0];
  const s = Math.min(start, folded.text.length - 1);
  const e = Math.max(Math.min(end, folded.text.length) - 1, s);
  return [folded.starts[s]!, folded.ends[e]!];
}
