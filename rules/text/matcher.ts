/**
 * One Aho–Corasick automaton for every term of every rule of every active pack, so ten terms
 * and ten thousand cost one pass over the draft. Latin-script edges match whole words only;
 * CJK edges match anywhere, since Japanese has no spaces between words.
 */

export interface TermHit {
  /** Which term list (one per rule field) the term belongs to. */
  readonly list: number;
  /** The term's index inside its list. */
  readonly term: number;
  /** Span in the folded text. */
  readonly start: number;
  readonly end: number;
}

const NO_SPACE_SCRIPTS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u30fc\uff70]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}_]/u;
const wordUnits = new Int8Array(0x10000).fill(-1);

/** A letter or digit of a script that separates words with spaces. */
export function isWordUnit(code: number): boolean {
  if (code < 0x80) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  }
  // Surrogate halves: judge the pair only by its high half; astral letters are rare in words.
  if (code >= 0xd800 && code <= 0xdfff) return false;
  let known = wordUnits[code]!;
  if (known < 0) {
    const char = String.fromCharCode(code);
    known = LETTER_OR_DIGIT.test(char) && !NO_SPACE_SCRIPTS.test(char) ? 1 : 0;
    wordUnits[code] = known;
  }
  return known === 1;
}

interface Entry {
  list: number;
  term: number;
  length: number;
  /** Whole-word checks, decided by the term's own first and last characters. */
  boundStart: boolean;
  boundEnd: boolean;
}

export class TermMatcher {
  private readonly entries: Entry[] = [];
  private readonly keys: string[] = [];
  private next: Map<number, number>[] = [];
  private fail: Int32Array = new Int32Array(0);
  private out: number[][] = [];
  private rootDense: Int32Array = new Int32Array(128);
  private built = false;

  get size(): number {
    return this.entries.length;
  }

  /**
   * Add an already folded term; hits report `list` and `term` back. A `substring` term matches
   * anywhere, even inside a word (the literals a pattern needs).
   */
  add(folded: string, list: number, term: number, substring = false): void {
    if (folded.length === 0) return;
    this.built = false;
    this.keys.push(folded);
    this.entries.push({
      list,
      term,
      length: folded.length,
      boundStart: !substring && isWordUnit(folded.charCodeAt(0)),
      boundEnd: !substring && isWordUnit(folded.charCodeAt(folded.length - 1)),
    });
  }

  private build(): void {
    const next: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    this.keys.forEach((key, index) => {
      let node = 0;
      for (let i = 0; i < key.length; i++) {
        const code = key.charCodeAt(i);
        let child = next[node]!.get(code);
        if (child === undefined) {
          child = next.length;
          next.push(new Map());
          own.push([]);
          next[node]!.set(code, child);
        }
        node = child;
      }
      own[node]!.push(index);
    });
    const fail = new Int32Array(next.length);
    const out: number[][] = own;
    const queue: number[] = [];
    for (const child of next[0]!.values()) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const [code, child] of next[node]!) {
        let f = fail[node]!;
        while (f > 0 && !next[f]!.has(code)) f = fail[f]!;
        const target = next[f]!.get(code);
        fail[child] = target !== undefined && target !== child ? target : 0;
        if (out[fail[child]!]!.length > 0) out[child] = out[child]!.concat(out[fail[child]!]!);
        queue.push(child);
      }
    }
    this.rootDense.fill(0);
    for (const [code, child] of next[0]!) if (code < 128) this.rootDense[code] = child;
    this.next = next;
    this.fail = fail;
    this.out = out;
    this.built = true;
  }

  /** Every occurrence of every term in `text` (already folded), whole-word where the term is Latin. */
  scan(text: string, onHit: (hit: TermHit) => void): void {
    if (this.entries.length === 0) return;
    if (!this.built) this.build();
    const { next, fail, out, entries, rootDense } = this;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let child: number | undefined;
      for (;;) {
        child = node === 0 && code < 128 ? rootDense[code] || undefined : next[node]!.get(code);
        if (child !== undefined || node === 0) break;
        node = fail[node]!;
      }
      node = child ?? 0;
      const found = out[node]!;
      for (let k = 0; k < found.length; k++) {
        const entry = entries[found[k]!]!;
        const start = i + 1 - entry.length;
        const end = i + 1;
        if (entry.boundStart && start > 0 && isWordUnit(text.charCodeAt(start - 1))) continue;
        if (entry.boundEnd && end < text.length && isWordUnit(text.charCodeAt(end))) continue;
        onHit({ list: entry.list, term: entry.term, start, end });
      }
    }
  }
}
