/**
 * Short kana nouns as words of their own. Japanese has no spaces, so terms match inside words; for
 * a term of a few kana that matches far too much once katakana and hiragana fold together: がん in
 * がんばる and がんもどき, ガン in スローガン and ガンダム, しみ in 楽しみ and しみじみ, シミ in
 * シミュレーション, くま in くまモン. A `standalone` term (a lexicon's or a term's own flag) of at most
 * SHORT_KANA kana is therefore read against the draft's own script around the hit:
 *
 * - written in katakana: the katakana run around it must be the term itself (ガンに効く, not ガンダム);
 * - written in hiragana: no kana word may run on. Before it stands a non-kana character or a particle
 *   (の, は, を …), after it a non-kana character or a particle that starts no common word (が, を,
 *   に …; not も: がんもどき), and a kanji right before it must not take it as okurigana (楽しみ, but
 *   胃がん and 小じわ stay: が and じ start no okurigana).
 *
 * Longer terms, kanji terms (癌) and terms that are not `standalone` (cue words such as ない, which
 * must match inside 治らない) are matched as before.
 */

/** Terms of at most this many kana get the guard. */
export const SHORT_KANA = 3;

const isHiragana = (code: number) => (code >= 0x3041 && code <= 0x3096) || code === 0x309d || code === 0x309e;
/** Katakana letters, the prolonged sound mark and half-width katakana; not the middle dot ・. */
const isKatakana = (code: number) =>
  (code >= 0x30a1 && code <= 0x30fa) ||
  code === 0x30fc ||
  code === 0x30fd ||
  code === 0x30fe ||
  (code >= 0xff66 && code <= 0xff9f);
const isKanji = (code: number) =>
  (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || code === 0x3005 || code === 0x3006;

/** Particles that end the phrase before a noun. */
const BEFORE = new Set([...'のはがをにもとやでへ'].map((c) => c.charCodeAt(0)));
/** Particles and the copula that may follow a noun without being the rest of a longer word. */
const AFTER = new Set([...'がをにはのへとでやだ'].map((c) => c.charCodeAt(0)));
/** Hiragana that begin the okurigana of a kanji (楽しみ, 悲しみ, 大きい, 高く, 流れ): after a kanji, a term starting so is read as its ending. */
const OKURIGANA_START = new Set([...'しみきくいけめれせえちりつうるわかさた'].map((c) => c.charCodeAt(0)));

/** A folded term (hiragana after folding) short enough to need the guard. */
export function isShortKana(folded: string): boolean {
  if (folded.length === 0 || folded.length > SHORT_KANA) return false;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (!isHiragana(code) && !isKatakana(code)) return false;
  }
  return true;
}

/**
 * Whether a hit of a short kana term at [start, end) of the folded text stands as a word. `source(i)`
 * gives the draft's own code unit behind folded unit i (folding turns katakana into hiragana);
 * `folded` is the folded text, whose first unit of the hit is the term's own first kana.
 */
export function standsAsWord(
  folded: string,
  start: number,
  end: number,
  source: (index: number) => number = (index) => folded.charCodeAt(index),
): boolean {
  const before = start > 0 ? source(start - 1) : -1;
  const after = end < folded.length ? source(end) : -1;
  let katakana = true;
  for (let i = start; i < end && katakana; i++) katakana = isKatakana(source(i));
  if (isKatakana(before) || isKatakana(after)) return false;
  if (katakana) return true;
  if (isHiragana(after) && !AFTER.has(after)) return false;
  if (isHiragana(before) && !BEFORE.has(before)) return false;
  if (isKanji(before) && OKURIGANA_START.has(folded.charCodeAt(start))) return false;
  return true;
}

/** 1 for a hiragana letter, 2 for a katakana letter, 0 for anything else (ー, kanji, Latin …). */
const kanaScript = (code: number) => (isHiragana(code) ? 1 : isKatakana(code) && code !== 0x30fc ? 2 : 0);

/**
 * Whether a term's own spelling ever passes straight from hiragana to katakana or back (肌のシミ does,
 * テロ and がん do not). Terms that do not are matched only where the draft does not either: folding
 * lets ガン match がん, but it must not let テロ match the て and ロ of 「買ってローテ」.
 */
export function switchesKanaScript(
  text: string,
  start = 0,
  end = text.length,
  unit = (i: number) => text.charCodeAt(i),
): boolean {
  let previous = 0;
  for (let i = start; i < end; i++) {
    const script = kanaScript(unit(i));
    if (script === 0) continue;
    if (previous !== 0 && script !== previous) return true;
    previous = script;
  }
  return false;
}

/** A term with kana whose spelling stays in one kana script: its hits are held to the same (`switchesKanaScript`). */
export function keepsOneKanaScript(term: string): boolean {
  let kana = false;
  for (let i = 0; i < term.length && !kana; i++) kana = kanaScript(term.charCodeAt(i)) !== 0;
  return kana && !switchesKanaScript(term);
}
