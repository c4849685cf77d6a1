/**
 * Folding for matching: full-width ＡＢＣ and half-width ｶﾀｶﾅ become ABC and カタカナ (NFKC), and
 * optionally upper case becomes lower case. The folded text keeps a map back to the draft so
 * every finding points at the operator's own characters.
 */

export interface Folded {
  /** The folded text that matchers run on. */
  readonly text: string;
  /** For each UTF-16 unit of `text`, where its source character starts in the draft. */
  readonly starts: Uint32Array;
  /** For each UTF-16 unit of `text`, where its source character ends in the draft. */
  readonly ends: Uint32Array;
}

const VOICED_MARKS = /[\u3099\u309a]/;
const cache = { lower: new Map<string, string>(), keep: new Map<string, string>() };

function foldChar(char: string, lowerCase: boolean): string {
  const code = char.charCodeAt(0);
  if (code < 0x80) return lowerCase && code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
  // Circled ideographs (㊙ "secret") would fold to the bare ideograph and match everywhere.
  if (code >= 0x3280 && code <= 0x32b0) return char;
  const memo = lowerCase ? cache.lower : cache.keep;
  let out = memo.get(char);
  if (out === undefined) {
    out = char.normalize('NFKC');
    if (lowerCase) out = out.toLowerCase();
    if (memo.size < 20_000) memo.set(char, out);
  }
  return out;
}

/** Fold `draft`; the result maps every folded unit back to the draft. */
export function fold(draft: string, lowerCase: boolean): Folded {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < draft.length; ) {
    const code = draft.codePointAt(i) as number;
    const width = code > 0xffff ? 2 : 1;
    const char = width === 2 ? draft.slice(i, i + 2) : draft[i]!;
    const out = foldChar(char, lowerCase);
    // Half-width ﾞ/ﾟ fold to combining marks: join them to the kana before (ｶﾞ → ガ).
    if (out.length === 1 && VOICED_MARKS.test(out) && text.length > 0) {
      const joined = (text[text.length - 1] + out).normalize('NFC');
      if (joined.length === 1) {
        text = text.slice(0, -1) + joined;
        ends[ends.length - 1] = i + width;
        i += width;
        continue;
      }
    }
    text += out;
    for (let k = 0; k < out.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    i += width;
  }
  return { text, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}

/** Fold a term from a pack the same way as drafts. */
export function foldTerm(term: string, lowerCase: boolean): string {
  return fold(term, lowerCase).text;
}

/** Map a span of the folded text back to the draft. */
export function toDraftSpan(folded: Folded, start: number, end: number): [number, number] {
  if (folded.text.length === 0) return [0, 0];
  const s = Math.min(start, folded.text.length - 1);
  const e = Math.max(Math.min(end, folded.text.length) - 1, s);
  return [folded.starts[s]!, folded.ends[e]!];
}
