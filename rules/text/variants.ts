/**
 * Common spellings of one Japanese word in kanji or kana (癌/がん, 出来る/できる, 綺麗/きれい):
 * a pack author writes one and the engine adds the others at compile time. Katakana needs no
 * entry: folding makes ガン and がん one (text/fold.ts). An entry with `before` applies only when
 * one of those kana follows, so that 下 becomes さ in 下がる, not in 地下.
 */
interface Spelling {
  forms: readonly string[];
  before?: string;
}

const SPELLINGS: readonly Spelling[] = [
  { forms: ['癌', 'がん'] },
  { forms: ['出来', 'でき'] },
  { forms: ['下', 'さ'], before: 'がげ' },
  { forms: ['無', 'な'], before: 'くいし' },
  { forms: ['綺麗', '奇麗', 'きれい'] },
  { forms: ['痩', 'や'], before: 'せ' },
  { forms: ['良', 'よ'], before: 'くいかけ' },
  { forms: ['治', 'なお'], before: 'らりるれろっしすせ' },
  { forms: ['儲', 'もう'], before: 'かけ' },
  { forms: ['稼', 'かせ'], before: 'がぎぐげご' },
  { forms: ['貰', 'もら'], before: 'わいうえおっ' },
  { forms: ['凄', 'すご'], before: 'いくか' },
  { forms: ['頂', 'いただ'], before: 'きくけ' },
  { forms: ['簡単', 'かんたん'] },
  { forms: ['沢山', 'たくさん'] },
  { forms: ['全て', 'すべて'] },
  { forms: ['一番', 'いちばん'] },
  { forms: ['絶対', 'ぜったい'] },
  { forms: ['必ず', 'かならず'] },
  { forms: ['誰でも', 'だれでも'] },
  { forms: ['皺', 'しわ'] },
  { forms: ['身体', 'からだ'] },
  { forms: ['素晴らしい', 'すばらしい'] },
  { forms: ['下さい', 'ください'] },
  { forms: ['歳', '才'] },
];

/** At most this many spellings of one form: a term with many variable parts stays small. */
const MAX_SPELLINGS = 16;
const SPELLING_OF = new Map(SPELLINGS.flatMap((spelling) => spelling.forms.map((form) => [form, spelling] as const)));
/** Every written form of the table, longest first: one pass finds where a term can be spelled otherwise. */
const ANY_SPELLING = new RegExp([...SPELLING_OF.keys()].sort((a, b) => b.length - a.length).join('|'), 'g');
const SOME_SPELLING = new RegExp(ANY_SPELLING.source);

/** The form and its other spellings (katakana in a form is looked at as hiragana). */
export function spellings(form: string): string[] {
  // The table holds only kana and kanji: most terms of most packs are looked at no further.
  if (ASCII_ONLY.test(form)) return [form];
  const seen = hiragana(form);
  // Most Japanese terms hold none of the table's forms either: one test, before the costlier matchAll.
  if (!SOME_SPELLING.test(seen)) return [form];
  const sites: { at: number; written: string; spelling: Spelling }[] = [];
  for (const match of seen.matchAll(ANY_SPELLING)) {
    const written = match[0];
    const spelling = SPELLING_OF.get(written)!;
    const following = seen[match.index + written.length];
    if (spelling.before && (following === undefined || !spelling.before.includes(following))) continue;
    sites.push({ at: match.index, written, spelling });
  }
  if (sites.length === 0) return [form];
  // From the last site to the first, so that each replacement leaves the earlier positions in place.
  let out = [form];
  for (const { at, written, spelling } of sites.reverse()) {
    const next = [...out];
    for (const current of out) {
      for (const other of spelling.forms) {
        if (other !== written && next.length < MAX_SPELLINGS)
          next.push(current.slice(0, at) + other + current.slice(at + written.length));
      }
    }
    out = next;
  }
  return [...new Set(out)];
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;
const KATAKANA = /[\u30a1-\u30f6]/;
const EVERY_KATAKANA = /[\u30a1-\u30f6]/g;
const hiragana = (text: string) =>
  KATAKANA.test(text) ? text.replace(EVERY_KATAKANA, (char) => String.fromCharCode(char.charCodeAt(0) - 0x60)) : text;
