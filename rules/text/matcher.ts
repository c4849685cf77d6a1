/**
 * One Aho–Corasick automaton for every term of every rule of every active pack, so ten terms
 * and ten thousand cost one pass over the draft. Latin-script edges match whole words only;
 * CJK edges match anywhere, since Japanese has no spaces between words, except that a short
 * `standalone` kana term must stand as a word of its own (text/kana-words.ts).
 */
import { isShortKana, standsAsWord, switchesKanaScript } from './kana-words';

/** Terms up to this long have their hits held to one kana script where their spelling is (`add`'s `sameScript`). */
const SCRIPT_CHECKED_LENGTH = 12;

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

/**
 * A built automaton with the terms it was built from, in the order they were added: what a build
 * ahead of time (the CLI's bundle) hands to a matcher, which then installs it instead of building
 * it again, when its own terms are exactly these.
 */
export interface AutomatonSnapshot {
  /** The terms joined by U+0000; with `lengths`, it tells any two lists of terms apart. */
  readonly keys: string;
  readonly lengths: Int32Array;
  readonly lists: Int32Array;
  readonly terms: Int32Array;
  readonly bounds: Uint8Array;
  readonly edgeStart: Int32Array;
  readonly edgeCode: Uint16Array;
  readonly edgeChild: Int32Array;
  readonly fail: Int32Array;
  readonly suffix: Int32Array;
  readonly firstOut: Int32Array;
  readonly outStart: Int32Array;
  readonly outEntry: Int32Array;
}

const NO_SPACE_SCRIPTS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u30fc\uff70]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}_]/u;
const wordUnits = new Int8Array(0x10000).fill(-1);

/** A word character to JavaScript's \b: an ASCII letter, digit or _. */
const isAsciiWordUnit = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** A letter or digit of a script that separates words with spaces. */
export function isWordUnit(code: number): boolean {
  if (code < 0x80) return isAsciiWordUnit(code);
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

export class TermMatcher {
  private readonly keys: string[] = [];
  private readonly lists: number[] = [];
  private readonly terms: number[] = [];
  /**
   * Per term: 1 when its start must be a word start, 2 when its end must be a word end, 4 a standalone kana word,
   * 8 when the draft may not pass between hiragana and katakana inside the hit (the term's spelling never does;
   * short terms only, so the check per hit stays a few steps: a long term does not meet a stray script change).
   */
  private readonly bounds: number[] = [];
  private built = false;
  private longestKey = 0;
  // The automaton, in flat typed arrays (no object per node: 50,000 nodes build in milliseconds, with little garbage).
  private entryList: Int32Array = new Int32Array(0);
  private entryTerm: Int32Array = new Int32Array(0);
  private entryLength: Int32Array = new Int32Array(0);
  private entryBounds: Uint8Array = new Uint8Array(0);
  private fail: Int32Array = new Int32Array(0);
  /** The first node of a node's suffix chain that has terms: itself when it has some. */
  private firstOut: Int32Array = new Int32Array(0);
  /** The next shorter suffix that has terms. */
  private suffix: Int32Array = new Int32Array(0);
  /** Each node's terms, as ranges of `outEntry`. */
  private outStart: Int32Array = new Int32Array(0);
  private outEntry: Int32Array = new Int32Array(0);
  /** For shallow nodes, complete ASCII transitions (failures folded in): one array read per character. */
  private denseRow: Int32Array = new Int32Array(0);
  private dense: Int32Array = new Int32Array(0);
  /** The root's transitions for every UTF-16 unit: most steps in Japanese text start from the root. */
  private root: Int32Array = new Int32Array(0);
  /** Every node's transitions as sorted (code, child) pairs: a binary search for the few children most nodes have. */
  private edgeStart: Int32Array = new Int32Array(0);
  private edgeCode: Uint16Array = new Uint16Array(0);
  private edgeChild: Int32Array = new Int32Array(0);

  constructor(private readonly prebuilt?: AutomatonSnapshot) {}

  /**
   * Add an already folded term; hits report `list` and `term` back. A `substring` term matches
   * anywhere, even inside a word (the literals a pattern needs); a `standalone` one that is a
   * few kana matches only as a word of its own. `sameScript`: the term's own spelling never passes
   * between hiragana and katakana, so a hit whose draft units do is no hit (テロ in 「買ってローテ」).
   */
  add(folded: string, list: number, term: number, substring = false, standalone = false, sameScript = false): void {
    if (folded.length === 0) return;
    this.built = false;
    this.keys.push(folded);
    this.lists.push(list);
    this.terms.push(term);
    this.bounds.push(
      substring
        ? 0
        : (isWordUnit(folded.charCodeAt(0)) ? 1 : 0) |
            (isWordUnit(folded.charCodeAt(folded.length - 1)) ? 2 : 0) |
            (standalone && isShortKana(folded) ? 4 : 0) |
            (sameScript && folded.length <= SCRIPT_CHECKED_LENGTH ? 8 : 0),
    );
  }

  /**
   * Add a literal a pattern needs (folded): it matches anywhere, even inside a word, except that
   * one marked `wordStart` (`wordEnd`) is no hit after (before) an ASCII letter, digit or _, where
   * the pattern's own \b could not hold.
   */
  addLiteral(folded: string, list: number, term: number, wordStart: boolean, wordEnd: boolean): void {
    if (folded.length === 0) return;
    this.built = false;
    this.keys.push(folded);
    this.lists.push(list);
    this.terms.push(term);
    this.bounds.push((wordStart ? 16 : 0) | (wordEnd ? 32 : 0));
  }

  /** Build the automaton now (it is otherwise built by the first scan): in idle time, before the first keystroke. */
  prepare(): void {
    if (!this.built && this.keys.length > 0) this.build();
  }

  private child(node: number, code: number): number {
    const { edgeCode, edgeChild } = this;
    for (let lo = this.edgeStart[node]!, hi = this.edgeStart[node + 1]! - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      const c = edgeCode[mid]!;
      if (c === code) return edgeChild[mid]!;
      if (c < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The automaton as built, to build ahead of time and install later (`new TermMatcher(snapshot)`). */
  snapshot(): AutomatonSnapshot {
    if (!this.built) this.build();
    const { entryLength, entryList, entryTerm, entryBounds, edgeStart, edgeCode, edgeChild, fail, suffix } = this;
    const { firstOut, outStart, outEntry } = this;
    return {
      keys: this.keys.join('\0'),
      lengths: entryLength,
      lists: entryList,
      terms: entryTerm,
      bounds: entryBounds,
      ...{ edgeStart, edgeCode, edgeChild, fail, suffix, firstOut, outStart, outEntry },
    };
  }

  /** Whether `snapshot` was built from exactly this matcher's terms, and holds together. */
  private fits(snapshot: AutomatonSnapshot): boolean {
    const { keys, lists, terms, bounds } = this;
    const count = keys.length;
    const nodes = snapshot.fail.length;
    if (
      snapshot.lists.length !== count ||
      snapshot.terms.length !== count ||
      snapshot.bounds.length !== count ||
      snapshot.lengths.length !== count ||
      snapshot.outEntry.length !== count ||
      snapshot.edgeStart.length !== nodes + 1 ||
      snapshot.outStart.length !== nodes + 1 ||
      snapshot.edgeCode.length !== nodes ||
      snapshot.edgeChild.length !== nodes ||
      snapshot.suffix.length !== nodes ||
      snapshot.firstOut.length !== nodes
    )
      return false;
    for (let i = 0; i < count; i++) {
      if (
        snapshot.lists[i] !== lists[i] ||
        snapshot.terms[i] !== terms[i] ||
        snapshot.bounds[i] !== bounds[i] ||
        snapshot.lengths[i] !== keys[i]!.length
      )
        return false;
    }
    return snapshot.keys === keys.join('\0');
  }

  private build(): void {
    if (this.prebuilt && this.fits(this.prebuilt)) {
      const { edgeStart, edgeCode, edgeChild, fail, suffix, firstOut, outStart, outEntry } = this.prebuilt;
      this.install({ edgeStart, edgeCode, edgeChild, fail, suffix, firstOut, outStart, outEntry });
      return;
    }
    const { keys } = this;
    const count = keys.length;
    // The trie, built from the distinct terms in sorted order (the engine's own sort, by UTF-16
    // units): each term shares the path of its predecessor up to their common prefix, so nodes are
    // made in depth-first order and need no lookup.
    const sorted = [...new Set(keys)].sort();
    let capacity = 1;
    let longest = 0;
    for (const key of sorted) {
      capacity += key.length;
      longest = Math.max(longest, key.length);
    }
    const parent = new Int32Array(capacity);
    const codeOf = new Uint16Array(capacity);
    const nodeOfKey = new Map<string, number>();
    const path = new Int32Array(longest + 1);
    let nodes = 1;
    let previous = '';
    for (const key of sorted) {
      let common = 0;
      const limit = Math.min(key.length, previous.length);
      while (common < limit && key.charCodeAt(common) === previous.charCodeAt(common)) common++;
      let node = path[common]!;
      for (let i = common; i < key.length; i++) {
        parent[nodes] = node;
        codeOf[nodes] = key.charCodeAt(i);
        node = nodes++;
        path[i + 1] = node;
      }
      nodeOfKey.set(key, node);
      previous = key;
    }
    const nodeOfEntry = new Int32Array(count);
    for (let i = 0; i < count; i++) nodeOfEntry[i] = nodeOfKey.get(keys[i]!)!;
    // Children per node, in code order (they were made in that order).
    const edgeStart = new Int32Array(nodes + 1);
    for (let node = 1; node < nodes; node++) edgeStart[parent[node]! + 1]!++;
    for (let node = 0; node < nodes; node++) edgeStart[node + 1]! += edgeStart[node]!;
    const edgeCode = new Uint16Array(nodes);
    const edgeChild = new Int32Array(nodes);
    const fill = edgeStart.slice(0, nodes);
    for (let node = 1; node < nodes; node++) {
      const at = fill[parent[node]!]!++;
      edgeCode[at] = codeOf[node]!;
      edgeChild[at] = node;
    }
    this.edgeStart = edgeStart;
    this.edgeCode = edgeCode;
    this.edgeChild = edgeChild;
    // Each node's own terms, in the order they were added.
    const outStart = new Int32Array(nodes + 1);
    for (let i = 0; i < count; i++) outStart[nodeOfEntry[i]! + 1]!++;
    for (let node = 0; node < nodes; node++) outStart[node + 1]! += outStart[node]!;
    const outEntry = new Int32Array(count);
    const outFill = outStart.slice(0, nodes);
    for (let i = 0; i < count; i++) outEntry[outFill[nodeOfEntry[i]!]!++] = i;
    const hasOut = (node: number) => outStart[node + 1]! > outStart[node]!;

    const root = new Int32Array(0x10000);
    for (let at = edgeStart[0]!; at < edgeStart[1]!; at++) root[edgeCode[at]!] = edgeChild[at]!;
    // Failure links and output links, breadth first: a node's failure target is shallower, so already done.
    const fail = new Int32Array(nodes);
    const suffix = new Int32Array(nodes);
    const depth = new Int32Array(nodes);
    const queue = new Int32Array(nodes);
    let tail = 0;
    queue[tail++] = 0;
    for (let head = 0; head < tail; head++) {
      const node = queue[head]!;
      for (let at = edgeStart[node]!; at < edgeStart[node + 1]!; at++) {
        const code = edgeCode[at]!;
        const child = edgeChild[at]!;
        depth[child] = depth[node]! + 1;
        if (node !== 0) {
          let f = fail[node]!;
          let target = f === 0 ? root[code]! : this.child(f, code);
          while (f > 0 && target < 0) {
            f = fail[f]!;
            target = f === 0 ? root[code]! : this.child(f, code);
          }
          fail[child] = target > 0 && target !== child ? target : 0;
        }
        const longestSuffix = fail[child]!;
        suffix[child] = hasOut(longestSuffix) ? longestSuffix : suffix[longestSuffix]!;
        queue[tail++] = child;
      }
    }
    const firstOut = new Int32Array(nodes);
    for (let node = 1; node < nodes; node++) firstOut[node] = hasOut(node) ? node : suffix[node]!;
    this.install({ edgeStart, edgeCode, edgeChild, fail, suffix, firstOut, outStart, outEntry }, root);
  }

  /** Take a built automaton's arrays (built here, or ahead of time) and derive the scan's fast tables from them. */
  private install(
    parts: Pick<
      AutomatonSnapshot,
      'edgeStart' | 'edgeCode' | 'edgeChild' | 'fail' | 'suffix' | 'firstOut' | 'outStart' | 'outEntry'
    >,
    root = new Int32Array(0x10000),
  ): void {
    const { edgeStart, edgeCode, edgeChild, fail } = parts;
    const nodes = fail.length;
    for (let at = edgeStart[0]!; at < edgeStart[1]!; at++) root[edgeCode[at]!] = edgeChild[at]!;
    // Nodes of depth up to DENSE_DEPTH, breadth first (so a node's failure target has its row
    // already), get a row of 128 ASCII transitions: the failure target's row, then its own children.
    // A node without ASCII children (most of a Japanese term's) moves on ASCII as its failure target
    // does: it shares that row.
    const denseRow = new Int32Array(nodes).fill(-1);
    const copyFrom: number[] = [];
    let rows = 0;
    let level = [0];
    for (let depth = 0; depth <= DENSE_DEPTH && level.length > 0; depth++) {
      const next: number[] = [];
      for (const node of level) {
        for (let at = edgeStart[node]!; at < edgeStart[node + 1]!; at++) next.push(edgeChild[at]!);
        const first = edgeStart[node]!;
        if (node !== 0 && (first === edgeStart[node + 1]! || edgeCode[first]! >= 128)) {
          denseRow[node] = denseRow[fail[node]!]!;
          continue;
        }
        if (rows === DENSE_ROWS) continue;
        denseRow[node] = rows++;
        copyFrom.push(node);
      }
      level = next;
    }
    const dense = new Int32Array(rows * 128);
    dense.set(root.subarray(0, 128), 0);
    for (let k = 1; k < rows; k++) {
      const node = copyFrom[k]!;
      const row = denseRow[node]! * 128;
      // Rows are given out in breadth-first order until they run out: the failure target has one.
      const from = denseRow[fail[node]!]! * 128;
      dense.copyWithin(row, from, from + 128);
      for (let at = edgeStart[node]!; at < edgeStart[node + 1]!; at++) {
        const code = edgeCode[at]!;
        if (code < 128) dense[row + code] = edgeChild[at]!;
      }
    }
    const { keys } = this;
    let longest = 0;
    for (const key of keys) longest = Math.max(longest, key.length);
    this.entryList = Int32Array.from(this.lists);
    this.entryTerm = Int32Array.from(this.terms);
    this.entryLength = Int32Array.from(keys, (key) => key.length);
    this.entryBounds = Uint8Array.from(this.bounds);
    this.edgeStart = edgeStart;
    this.edgeCode = edgeCode;
    this.edgeChild = edgeChild;
    this.outStart = parts.outStart;
    this.outEntry = parts.outEntry;
    this.root = root;
    this.denseRow = denseRow;
    this.dense = dense;
    this.fail = fail;
    this.suffix = parts.suffix;
    this.firstOut = parts.firstOut;
    this.longestKey = longest;
    this.built = true;
  }

  /** The length of the longest term: a hit ending at i starts no earlier than i + 1 - longest. */
  get longest(): number {
    if (!this.built) this.prepare();
    return this.longestKey;
  }

  /**
   * Every occurrence of every term in `text` (already folded), whole-word where the term is Latin.
   * `source(i)` is the draft's own code unit behind folded unit i: short kana words are judged by
   * the script they were written in. With `from` and `to`: only the hits inside text[from, to)
   * (the units around them are still read, for word edges).
   */
  scan(
    text: string,
    onHit: (list: number, term: number, start: number, end: number) => void,
    source?: (index: number) => number,
    from = 0,
    to = text.length,
    /** Hits that end before this are not reported (the units before it are read for the state only). */
    reportFrom = 0,
  ): void {
    if (this.keys.length === 0) return;
    if (!this.built) this.build();
    const { fail, firstOut, suffix, outStart, outEntry, dense, denseRow, root } = this;
    const { entryList, entryTerm, entryLength, entryBounds } = this;
    const length = text.length;
    let node = 0;
    for (let i = from; i < to; i++) {
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
        const child = this.child(node, code);
        if (child >= 0) {
          node = child;
          break;
        }
        node = fail[node]!;
      }
      if (i + 1 < reportFrom) continue;
      for (let at = firstOut[node]!; at > 0; at = suffix[at]!) {
        for (let k = outStart[at]!, last = outStart[at + 1]!; k < last; k++) {
          const entry = outEntry[k]!;
          const end = i + 1;
          const start = end - entryLength[entry]!;
          const bounds = entryBounds[entry]!;
          if (bounds & 1 && start > 0 && isWordUnit(text.charCodeAt(start - 1))) continue;
          if (bounds & 2 && end < length && isWordUnit(text.charCodeAt(end))) continue;
          if (bounds & 4 && !standsAsWord(text, start, end, source)) continue;
          if (bounds & 8 && source && switchesKanaScript(text, start, end, source)) continue;
          if (bounds & 16 && start > 0 && isAsciiWordUnit(text.charCodeAt(start - 1))) continue;
          if (bounds & 32 && end < length && isAsciiWordUnit(text.charCodeAt(end))) continue;
          onHit(entryList[entry]!, entryTerm[entry]!, start, end);
        }
      }
    }
  }
}
