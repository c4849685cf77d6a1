/**
 * What a pack model reads: a draft cut into sentences, and each sentence as a set of hashed
 * character n-grams (2–4, which carry Japanese without a word splitter) and, for Latin text, words
 * and word pairs. Training (scripts/train-model.ts) and checking share this file, so a model sees
 * drafts exactly as it saw its training texts. Sentences are the unit so that a keystroke only
 * re-reads the sentence it changed.
 */

/** The name of this featurization; a model trained on another one is refused. */
export const FEATURES_VERSION = 'ngrams-2-4-words-1';

export interface Sentence {
  start: number;
  end: number;
}

/** A sentence ends after 。！？!? or a line break, or after "." before a space. */
const SENTENCE_END = /[。！？!?\n]+|\.(?=\s)/g;

/** The draft's sentences, as offsets into it, without leading or trailing space. */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  };
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    push(from, end);
    from = end;
  }
  push(from, text.length);
  return out;
}

/** The form a model reads: NFKC (full-width letters, half-width kana), lower case, one space between words. */
export function normalizeSentence(sentence: string): string {
  return sentence.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const WORD = /[a-z0-9$%£€']+/g;
const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;

function fnv(seed: number, text: string, from = 0, to = text.length): number {
  let h = seed;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

// Each feature family hashes from its own seed, so "ab" as characters and "ab" as a word differ.
const SEEDS = {
  char: [0, 0, fnv(FNV_OFFSET, 'c2:'), fnv(FNV_OFFSET, 'c3:'), fnv(FNV_OFFSET, 'c4:')],
  word: fnv(FNV_OFFSET, 'w:'),
  pair: fnv(FNV_OFFSET, 'b:'),
};

/** One feature of a sentence: its hash, and what it reads and where (for explaining a score). */
export interface Feature {
  hash: number;
  text: string;
  /** Where a character n-gram starts in the normalized sentence (-1 for words). */
  at: number;
}

/**
 * Every feature of a normalized sentence, repeats included, in a fixed order: `visit` gets its hash
 * (all 32 bits), and for a character n-gram where it starts and how long it is, for a word or word
 * pair its text. Nothing is allocated per feature: checking calls this on every keystroke.
 */
export function visitFeatures(
  t: string,
  visit: (hash: number, at: number, length: number, words: string | undefined) => void,
): void {
  for (let n = 2; n <= 4; n++) {
    const seed = SEEDS.char[n]!;
    for (let i = 0; i + n <= t.length; i++) visit(fnv(seed, t, i, i + n), i, n, undefined);
  }
  const words = t.match(WORD);
  if (!words) return;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    visit(fnv(SEEDS.word, word), -1, word.length, word);
    if (i > 0) {
      const pair = `${words[i - 1]} ${word}`;
      visit(fnv(SEEDS.pair, pair), -1, pair.length, pair);
    }
  }
}

/** The mask that keeps a hash's low `bits` bits. */
export const maskOf = (bits: number) => (bits >= 32 ? 0xffffffff : (1 << bits) - 1);

/**
 * The distinct features of a normalized sentence, each hashed into `bits` bits, with what each reads
 * (for training, and for explaining a score).
 */
export function featuresOf(normalized: string, bits: number, withText = false): Feature[] {
  const mask = maskOf(bits);
  const seen = new Set<number>();
  const out: Feature[] = [];
  visitFeatures(normalized, (hash, at, length, words) => {
    const key = (hash & mask) >>> 0;
    if (seen.has(key)) return;
    seen.add(key);
    const text = withText ? (words ?? normalized.slice(at, at + length)) : '';
    out.push({ hash: key, text, at });
  });
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}'’-]/u;
const LATIN = /^[\p{Script=Latin}\p{N}'’-]+$/u;
/** Letters, digits, marks and the few signs inside words: no emoji, no half of one, no punctuation alone. */
const QUOTABLE = /^[\p{L}\p{N}\p{M}ー々〆'’ $%£€-]+$/u;

/**
 * What a feature reads, as a person would quote it: a piece of a Latin word grows to the whole word
 * ("bcd" in "abcde" is "abcde"); Japanese n-grams stay as they are; pieces with no letter, or with
 * an emoji or punctuation in them, are not quoted.
 */
export function quotable(feature: Feature, normalized: string): string | undefined {
  let { text } = feature;
  if (feature.at >= 0 && LATIN.test(text.replace(/ /g, ''))) {
    let start = feature.at;
    let end = feature.at + text.length;
    while (start > 0 && WORD_CHAR.test(normalized[start - 1]!)) start--;
    while (end < normalized.length && WORD_CHAR.test(normalized[end]!)) end++;
    text = normalized.slice(start, end);
  }
  text = text.trim();
  return QUOTABLE.test(text) && /\p{L}/u.test(text) ? text : undefined;
}
