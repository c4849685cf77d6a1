/**
 * One Aho–Corasick automaton for every term of every rule of every active pack, so ten terms
 * and ten thousand cost one pass over the draft. Latin-script edges match whole words only;
 * CJK edges match anywhere, since Japanese has no spaces between words, except that a short
 * `standalone` kana term must stand as a word of its own (text/kana-words.ts).
 */
import { isShortKana, standsAsWord } from './kana-words';

// Dense rows cost 512 bytes each: at most 2 MB, for the shallow nodes where most steps happen.
const DENSE_DEPTH = 3;
const DENSE_ROWS = 4096;

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
    // Enclosing marks (the keycap of 1️⃣) end an emoji, not a word: "1️⃣Guaranteed" starts a word.
    const enclosing = code >= 0x20dd && code <= 0x20e4;
    known = LETTER_OR_DIGIT.test(char) && !NO_SPACE_SCRIPTS.test(char) && !enclosing ? 1 : 0;
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
  /** A short kana noun that must not match inside a longer kana word. */
  kanaWord: boolean;
}

export class TermMatcher {
  private readonly entries: Entry[] = [];
  private readonly keys: string[] = [];
  private fail: Int32Array = new Int32Array(0);
  /** Each node's own terms; `suffix` links a node to the next shorter suffix that has terms. */
  private out: number[][] = [];
  private suffix: Int32Array = new Int32Array(0);
  /** For shallow nodes, complete ASCII transitions (failures folded in): one array read per character. */
  private denseRow: Int32Array = new Int32Array(0);
  private dense: Int32Array = new Int32Array(0);
  /** The root's transitions for every UTF-16 unit: most steps in Japanese text start from the root. */
  private root: Int32Array = new Int32Array(0);
  private edgeStart: Int32Array = new Int32Array(0);
  private edgeCode: Uint16Array = new Uint16Array(0);
  private edgeChild: Int32Array = new Int32Array(0);
  private built = false;

  /**
   * Add an already folded term; hits report `list` and `term` back. A `substring` term matches
   * anywhere, even inside a word (the literals a pattern needs); a `standalone` one that is a
   * few kana matches only as a word of its own.
   */
  add(folded: string, list: number, term: number, substring = false, standalone = false): void {
    if (folded.length === 0) return;
    this.built = false;
    this.keys.push(folded);
    this.entries.push({
      list,
      term,
      length: folded.length,
      boundStart: !substring && isWordUnit(folded.charCodeAt(0)),
      boundEnd: !substring && isWordUnit(folded.charCodeAt(folded.length - 1)),
      kanaWord: !substring && standalone && isShortKana(folded),
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
    // Output links instead of copied lists: memory stays one entry per term, however terms overlap.
    const suffix = new Int32Array(next.length);
    const queue: number[] = [];
    for (const child of next[0]!.values()) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const [code, child] of next[node]!) {
        let f = fail[node]!;
        while (f > 0 && !next[f]!.has(code)) f = fail[f]!;
        const target = next[f]!.get(code);
        fail[child] = target !== undefined && target !== child ? target : 0;
        const longest = fail[child]!;
        suffix[child] = out[longest]!.length > 0 ? longest : suffix[longest]!;
        queue.push(child);
      }
    }
    // Nodes of depth up to DENSE_DEPTH (BFS order: parents and failure targets come first) get a
    // dense row of 128 ASCII transitions; deeper ones keep their maps.
    const depth = new Int32Array(next.length);
    const denseRow = new Int32Array(next.length).fill(-1);
    const order = [0, ...queue];
    let rows = 0;
    for (const node of order) {
      for (const child of next[node]!.values()) depth[child] = depth[node]! + 1;
      if (depth[node]! <= DENSE_DEPTH && rows < DENSE_ROWS) denseRow[node] = rows++;
    }
    const dense = new Int32Array(rows * 128);
    for (const node of order) {
      const row = denseRow[node]!;
      if (row < 0) continue;
      for (let code = 0; code < 128; code++) {
        const child = next[node]!.get(code);
        dense[row * 128 + code] =
          child !== undefined ? child : node === 0 ? 0 : dense[denseRow[fail[node]!]! * 128 + code]!;
      }
    }
    const root = new Int32Array(0x10000);
    for (const [code, child] of next[0]!) root[code] = child;
    this.root = root;
    // Every node's other transitions as sorted (code, child) pairs in flat arrays: faster than a Map
    // lookup for the handful of children most nodes have.
    const edgeStart = new Int32Array(next.length + 1);
    for (let node = 0; node < next.length; node++) edgeStart[node + 1] = edgeStart[node]! + next[node]!.size;
    const edgeCode = new Uint16Array(edgeStart[next.length]!);
    const edgeChild = new Int32Array(edgeStart[next.length]!);
    for (let node = 0; node < next.length; node++) {
      let at = edgeStart[node]!;
      for (const [code, child] of [...next[node]!].sort((a, b) => a[0] - b[0])) {
        edgeCode[at] = code;
        edgeChild[at++] = child;
      }
    }
    this.edgeStart = edgeStart;
    this.edgeCode = edgeCode;
    this.edgeChild = edgeChild;
    this.denseRow = denseRow;
    this.dense = dense;
    this.fail = fail;
    this.out = out;
    this.suffix = suffix;
    this.built = true;
  }

  /**
   * Every occurrence of every term in `text` (already folded), whole-word where the term is Latin.
   * `source(i)` is the draft's own code unit behind folded unit i: short kana words are judged by
   * the script they were written in.
   */
  scan(
    text: string,
    onHit: (list: number, term: number, start: number, end: number) => void,
    source?: (index: number) => number,
  ): void {
    if (this.entries.length === 0) return;
    if (!this.built) this.build();
    const { fail, out, suffix, entries, dense, denseRow, root, edgeStart, edgeCode, edgeChild } = this;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      for (;;) {
        if (node === 0) {
          node = root[code]!;
          break;
        }
        const row = denseRow[node]!;
        if (code < 128 && row >= 0) {
          node = dense[row * 128 + code]!;
          break;
        }
        let child = -1;
        for (let lo = edgeStart[node]!, hi = edgeStart[node + 1]! - 1; lo <= hi; ) {
          const mid = (lo + hi) >> 1;
          const c = edgeCode[mid]!;
          if (c === code) {
            child = edgeChild[mid]!;
            break;
          }
          if (c < code) lo = mid + 1;
          else hi = mid - 1;
        }
        if (child >= 0) {
          node = child;
          break;
        }
        if (node === 0) break;
        node = fail[node]!;
      }
      for (let at = out[node]!.length > 0 ? node : suffix[node]!; at > 0; at = suffix[at]!) {
        const found = out[at]!;
        for (let k = 0; k < found.length; k++) {
          const entry = entries[found[k]!]!;
          const start = i + 1 - entry.length;
          const end = i + 1;
          if (entry.boundStart && start > 0 && isWordUnit(text.charCodeAt(start - 1))) continue;
          if (entry.boundEnd && end < text.length && isWordUnit(text.charCodeAt(end))) continue;
          if (entry.kanaWord && !standsAsWord(text, start, end, source)) continue;
          onHit(entry.list, entry.term, start, end);
        }
      }
    }
  }
}
