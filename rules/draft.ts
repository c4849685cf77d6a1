/**
 * One draft being checked. Everything a rule may ask about it (folded text, term hits, URLs,
 * hashtags, graphemes) is computed once, on first use, and shared by every rule.
 */
import type { Platform, PostType } from './schema';
import { graphemes, isEmoji, MAY_HAVE_EMOJI } from './text/count';
import {
  type Entity,
  type EntityMemory,
  extractCashtags,
  extractHashtags,
  extractMentions,
  extractUrls,
  NO_MEMORY,
  type Weighted,
  xWeighted,
} from './text/entities';
import { type Edit, editBetween, type Folded, fold, foldEdited, foldTerm, toDraftSpan } from './text/fold';
import type { TermHit, TermMatcher } from './text/matcher';
import type { CompiledPattern } from './text/regex';

export interface Span {
  start: number;
  end: number;
}
export type { Entity };

const NO_HITS: readonly TermHit[] = Object.freeze([]);
const NO_SPANS: readonly Span[] = Object.freeze([]);

/**
 * Whether no hit from `first` on starts at or before `keptAfter` (the edit removed none of them).
 * Hits are in order of their ends and at most `longest` long: past an end of `keptAfter + longest`
 * every start is after `keptAfter`.
 */
function untouched(hits: readonly TermHit[], first: number, keptAfter: number, longest: number): boolean {
  for (let j = first; j < hits.length && hits[j]!.end <= keptAfter + longest; j++)
    if (hits[j]!.start <= keptAfter) return false;
  return true;
}
/** What a rule that kept every match could not keep: shared, never changed (`note` makes a rule its own). */
const NOTHING_UNCOUNTED: Uncounted = Object.freeze({ count: 0, first: undefined });

/**
 * How many matches one draft may produce, so that a pack of overlapping terms (あ, ああ, …) or a
 * pattern that matches everywhere cannot exhaust the tab. Matches beyond them are counted, not
 * kept, and the finding list says "and N more".
 */
export const MATCH_LIMITS = {
  /** Term hits kept per term list, and pattern matches per pattern; findings reported per rule. */
  perRule: 1_000,
  /** Term hits kept per draft over all lists; findings reported per draft. */
  perDraft: 10_000,
};

/** Matches a rule could not keep: how many, and where the first was. */
export interface Uncounted {
  count: number;
  first: Span | undefined;
}

export interface Matchers {
  /** Every term of every rule, folded to lower case: one pass over the draft finds them all. */
  terms: TermMatcher;
  /** For lists whose case matters (brand names), each term's forms as written: a hit must match one exactly. */
  exactCase: Map<number, readonly (readonly string[])[]>;
}

export class Draft {
  private foldedCache: [Folded | undefined, Folded | undefined] = [undefined, undefined];
  private hitsByList: TermHit[][] | undefined;
  private cache = new Map<string, unknown>();
  /** Per term list, hits beyond the limits: counted, with the first one's span in the folded text. */
  private overflow = new Map<number, { count: number; start: number; end: number }>();
  /** What the rule running now could not keep; the engine reports it as "and N more". */
  private uncounted: Uncounted = NOTHING_UNCOUNTED;
  private noted = new Set<number>();

  constructor(
    readonly text: string,
    readonly platform: Platform | undefined,
    readonly postType: PostType | undefined,
    private readonly matchers: Matchers,
    /** What the checker remembers from earlier drafts (twitter-text's answers by piece of text). */
    private readonly memory: EntityMemory = NO_MEMORY,
    /**
     * The draft the checker saw before this one (the same composer one keystroke ago, usually): its
     * fold and term hits outside the edit are taken over instead of computed again.
     */
    private previous?: Draft,
  ) {
    // Only one draft back: a chain of earlier drafts would keep every one of them alive.
    if (previous) previous.previous = undefined;
  }

  private editCache: Edit | null | undefined;
  /** The edit from the previous draft, when small enough that reusing the rest pays (at most half the draft). */
  private edit(): Edit | undefined {
    if (this.editCache === undefined) {
      const edit = this.previous && editBetween(this.previous.text, this.text);
      this.editCache = edit && 2 * (edit.prefix + edit.suffix) >= this.text.length ? edit : null;
    }
    return this.editCache ?? undefined;
  }

  /** The draft folded for matching: width always, case when `lowerCase`. */
  folded(lowerCase: boolean): Folded {
    const index = lowerCase ? 0 : 1;
    let folded = this.foldedCache[index];
    if (!folded) {
      const earlier = this.previous?.foldedCache[index];
      const edit = earlier && this.edit();
      folded = (edit && foldEdited(earlier, this.text, edit, lowerCase)) || fold(this.text, lowerCase);
      this.foldedCache[index] = folded;
    }
    return folded;
  }

  /** Hits of one term list, in the folded text of that list's case mode, in order of position. */
  hits(list: number): readonly TermHit[] {
    if (!this.hitsByList) this.hitsByList = this.scan();
    const over = this.overflow.get(list);
    if (over && !this.noted.has(list)) {
      this.noted.add(list);
      this.note(over.count, this.span({ list, term: 0, start: over.start, end: over.end }));
    }
    return this.hitsByList[list] ?? NO_HITS;
  }

  /** Whether a term list has any hit, kept or not. */
  hasHits(list: number): boolean {
    return this.hits(list).length > 0 || this.overflow.has(list);
  }

  /** Whether a term list has any hit, kept or not, without counting overflow against the running rule. */
  has(list: number): boolean {
    if (!this.hitsByList) this.hitsByList = this.scan();
    return (this.hitsByList[list]?.length ?? 0) > 0 || this.overflow.has(list);
  }

  /**
   * Every match of a pack pattern in the case-keeping folded text. With `literals` (the list of
   * literals every match holds): none when the draft has none of them, and otherwise only their
   * neighbourhood is searched, when the hits can say where they are. A pattern is used with one
   * list of literals only (its rule's), so its matches are kept per pattern.
   */
  eachMatch(
    pattern: CompiledPattern,
    literals: number | undefined,
    onMatch: (start: number, end: number) => void,
  ): void {
    if (literals !== undefined && !this.has(literals)) return;
    // Keeping a pattern's matches for the next keystroke pays only where its reach around an edit
    // leaves most of the draft unread (not in a post of a few hundred characters).
    if (this.text.length <= 4 * pattern.reach + 16) this.searchPattern(pattern, literals, onMatch);
    else for (const span of this.patternSpans(pattern, literals)) onMatch(span.start, span.end);
  }

  private readonly patternSpansCache = new Map<CompiledPattern, readonly Span[]>();

  private patternSpans(pattern: CompiledPattern, literals: number | undefined): readonly Span[] {
    let spans = this.patternSpansCache.get(pattern);
    if (!spans) {
      spans = this.patternSpansAfterEdit(pattern, literals) ?? this.allPatternSpans(pattern, literals);
      this.patternSpansCache.set(pattern, spans);
    }
    return spans;
  }

  private allPatternSpans(pattern: CompiledPattern, literals: number | undefined): readonly Span[] {
    const spans: Span[] = [];
    this.searchPattern(pattern, literals, (start, end) => spans.push({ start, end }));
    return spans.length > 0 ? spans : NO_SPANS;
  }

  /** Search the whole draft with a pattern: near its literals' hits when they can say where they are. */
  private searchPattern(
    pattern: CompiledPattern,
    literals: number | undefined,
    onMatch: (start: number, end: number) => void,
  ): void {
    const text = this.folded(false).text;
    const near = literals !== undefined && pattern.forEachNear && this.literalSpans(literals);
    if (near) pattern.forEachNear!(text, near, onMatch);
    else pattern.forEach(text, onMatch);
  }

  /**
   * A pattern's matches after a keystroke, from the draft before's: the attempts within its reach
   * of the edit are made again, near the literals there (or all of them, for a pattern without
   * literals); see `spansAfterEdit`.
   */
  private patternSpansAfterEdit(pattern: CompiledPattern, literals: number | undefined): readonly Span[] | undefined {
    const earlier = this.previous?.patternSpansCache.get(pattern);
    const edited = earlier && pattern.forEachNear && this.editedSpan();
    if (!edited) return undefined;
    const text = this.folded(false).text;
    const { reach } = pattern;
    let hits: readonly TermHit[] | undefined;
    if (literals !== undefined) {
      hits = this.literalSpans(literals);
      if (!hits) return undefined;
    }
    return spansAfterEdit(earlier, edited, text.length - this.previous!.text.length, reach, (start, resume, push) => {
      // Without literals: one "literal" whose neighbourhood is every start from `start` to just before `resume`.
      const near = hits ?? [{ start: resume - 1, end: start + reach }];
      pattern.forEachNear!(text, near, push, start, resume);
      return true;
    });
  }

  private readonly regexSpansCache = new Map<RegExp, readonly Span[]>();

  /**
   * Every match of a kind's own global expression (no anchors, no lookbehind, never empty) in the
   * case-keeping folded text, as spans of that text. `reach`: an attempt at a unit reads the unit
   * before it and none as far as `reach` units after it. After a keystroke, the draft before's
   * matches away from the edit are kept (shifted after it) and only around the edit is searched.
   */
  regexSpans(regex: RegExp, reach: number): readonly Span[] {
    let spans = this.regexSpansCache.get(regex);
    if (!spans) {
      const text = this.folded(false).text;
      const earlier = this.previous?.regexSpansCache.get(regex);
      const edited = earlier && this.editedSpan();
      // Worth it when the edit and the reach on each side are less than half the draft.
      const worth = edited && 2 * (edited.end - edited.start + 2 * reach + 4) < text.length;
      spans =
        (worth &&
          spansAfterEdit(earlier, edited, text.length - this.previous!.text.length, reach, (start, resume, push) => {
            // One unit before the first attempt (for \b) and all the last attempt can read after it.
            const offset = Math.max(0, start - 1);
            const slice = text.slice(offset, Math.min(text.length, resume + reach + 1));
            regex.lastIndex = start - offset;
            for (let m = regex.exec(slice); m; m = regex.exec(slice)) {
              const at = offset + m.index;
              if (at >= resume) break;
              // An empty match: search the whole text (as `allSpans` steps past it).
              if (m[0].length === 0) return false;
              push(at, at + m[0].length);
            }
            return true;
          })) ||
        allSpans(regex, text);
      this.regexSpansCache.set(regex, spans);
    }
    return spans;
  }

  /** The edited units in the case-keeping fold, when both drafts fold it one unit to one unit. */
  private editedSpan(): Span | undefined {
    const edit = this.edit();
    const earlier = this.previous?.foldedCache[1];
    if (!edit || !earlier?.oneToOne || !this.folded(false).oneToOne) return undefined;
    return { start: edit.prefix, end: this.text.length - edit.suffix };
  }

  /** A list's hits in the case-keeping folded text, when both folded texts line up and none was dropped. */
  private literalSpans(list: number): readonly TermHit[] | undefined {
    if (this.overflow.has(list) || !this.foldsAlign()) return undefined;
    return this.hitsByList?.[list];
  }

  private aligned: boolean | undefined;
  /** Whether the lower-case and case-keeping folds have the same units from the same characters (nearly always). */
  private foldsAlign(): boolean {
    if (this.aligned === undefined) {
      const lower = this.folded(true);
      const exact = this.folded(false);
      let same = lower.text.length === exact.text.length;
      if (same && lower.starts !== exact.starts && lower.starts.buffer !== exact.starts.buffer)
        for (let i = 0; same && i < lower.starts.length; i++) same = lower.starts[i] === exact.starts[i];
      this.aligned = same;
    }
    return this.aligned;
  }

  /** Every match of a pack pattern, in draft offsets, up to MATCH_LIMITS.perRule; the rest are counted. */
  matches(pattern: CompiledPattern, literals?: number): Span[] {
    const spans: Span[] = [];
    let more = 0;
    let first: Span | undefined;
    this.eachMatch(pattern, literals, (start, end) => {
      if (spans.length < MATCH_LIMITS.perRule) spans.push(this.fromFolded(false, start, end));
      else if (more++ === 0) first = this.fromFolded(false, start, end);
    });
    if (more > 0) this.note(more, first);
    return spans;
  }

  private note(count: number, first: Span | undefined): void {
    if (this.uncounted === NOTHING_UNCOUNTED) this.uncounted = { count: 0, first: undefined };
    this.uncounted.count += count;
    this.uncounted.first ??= first;
  }

  /** Start counting what the next rule cannot keep. */
  beginRule(): void {
    // Most rules keep every match: nothing to allocate or clear for them.
    this.uncounted = NOTHING_UNCOUNTED;
    if (this.noted.size > 0) this.noted.clear();
  }

  /** What the rule that just ran could not keep. */
  endRule(): Uncounted {
    return this.uncounted;
  }

  /** A hit's span in the draft. */
  span(hit: TermHit): Span {
    const [start, end] = toDraftSpan(this.folded(true), hit.start, hit.end);
    return { start, end };
  }

  /** Map a span of a folded text back to the draft. */
  fromFolded(lowerCase: boolean, start: number, end: number): Span {
    const [s, e] = toDraftSpan(this.folded(lowerCase), start, end);
    return { start: s, end: e };
  }

  /** The term lists that have at least one hit in this draft. */
  listsWithHits(): readonly number[] {
    if (!this.hitsByList) this.hitsByList = this.scan();
    return this.hitLists;
  }

  private hitLists: number[] = [];

  private scan(): TermHit[][] {
    return this.scanEdit() ?? this.scanAll();
  }

  /**
   * The previous draft's hits outside the edit, and a scan of the edit and the longest term's length
   * around it: the same hits, in the same order per list, as a scan of the whole draft. A hit that
   * ends before the common start (with the unit after it, read for word edges) or starts after the
   * common end (with the unit before it) is unchanged; any other hit lies in the scanned window.
   * Only when both drafts fold one unit to one unit and no list reached its limit.
   */
  private scanEdit(): TermHit[][] | undefined {
    const earlier = this.previous;
    const edit = this.edit();
    const earlierHits = earlier?.hitsByList;
    if (!earlier || !edit || !earlierHits || earlier.overflow.size > 0) return undefined;
    if (!earlier.folded(true).oneToOne || !this.folded(true).oneToOne) return undefined;
    const length = this.text.length;
    const shift = length - earlier.text.length;
    const changedEnd = length - edit.suffix;
    const keptAfter = earlier.text.length - edit.suffix;
    // New hits, per list, in the order the scan finds them (by end).
    const fresh = new Map<number, TermHit[]>();
    const longest = this.matchers.terms.longest;
    this.collectHits(
      (id, term, start, end) => {
        if (end < edit.prefix || start > changedEnd) return;
        const hits = fresh.get(id);
        if (hits) hits.push({ list: id, term, start, end });
        else fresh.set(id, [{ list: id, term, start, end }]);
      },
      Math.max(0, edit.prefix - longest),
      Math.min(length, changedEnd + longest),
      edit.prefix,
    );
    const byList: TermHit[][] = [];
    const hitLists: number[] = [];
    let kept = 0;
    // Only the lists that have hits in either draft (a pack may have thousands of lists).
    const lists = [...earlier.hitLists];
    for (const id of fresh.keys()) if (!earlierHits[id]) lists.push(id);
    for (const id of lists) {
      const old = earlierHits[id] ?? NO_HITS;
      const added = fresh.get(id) ?? NO_HITS;
      // The first hit that does not end before the edit (hits are in order of their ends).
      let first = 0;
      for (let hi = old.length; first < hi; ) {
        const mid = (first + hi) >> 1;
        if (old[mid]!.end < edit.prefix) first = mid + 1;
        else hi = mid;
      }
      if (added.length === 0 && untouched(old, first, keptAfter, longest)) {
        // Most lists have no hit near the edit: their array is taken over, the hits after the edit moved.
        if (shift !== 0)
          for (let j = first; j < old.length; j++) {
            (old[j] as { start: number }).start += shift;
            (old[j] as { end: number }).end += shift;
          }
        if (old.length === 0) continue;
        kept += old.length;
        if (old.length > MATCH_LIMITS.perRule || kept > MATCH_LIMITS.perDraft) return undefined;
        byList[id] = old as TermHit[];
        hitLists.push(id);
        continue;
      }
      const hits: TermHit[] = old.slice(0, first);
      let k = first;
      // The rest: fresh hits and the shifted hits after the edit, merged by end (at one end, the
      // fresh hit starts earlier, so is longer, and the scan reports longer hits first).
      let f = 0;
      for (; k < old.length; k++) {
        const hit = old[k]!;
        if (hit.start <= keptAfter) continue;
        // Moved, not copied: the earlier draft is done with its hits (only the draft after it reads
        // them, here, once), and a keystroke would otherwise allocate every hit after the caret again.
        if (shift !== 0) {
          (hit as { start: number }).start += shift;
          (hit as { end: number }).end += shift;
        }
        while (f < added.length && added[f]!.end <= hit.end) hits.push(added[f++]!);
        hits.push(hit);
      }
      while (f < added.length) hits.push(added[f++]!);
      if (hits.length === 0) continue;
      kept += hits.length;
      // Over a limit: the whole scan decides which hits are kept.
      if (hits.length > MATCH_LIMITS.perRule || kept > MATCH_LIMITS.perDraft) return undefined;
      byList[id] = hits;
      hitLists.push(id);
    }
    this.hitLists = hitLists;
    return byList;
  }

  /**
   * Scan the folded draft (or its units from `from` to `to`) for term hits; `onHit` gets each hit
   * whose case matches where its list asks for exact case.
   */
  private collectHits(
    onHit: (id: number, term: number, start: number, end: number) => void,
    from?: number,
    to?: number,
    reportFrom?: number,
  ): void {
    const folded = this.folded(true);
    const text = this.text;
    const exactCase = this.matchers.exactCase;
    this.matchers.terms.scan(
      folded.text,
      (id, term, start, end) => {
        const exact = exactCase.get(id);
        if (exact) {
          const span = this.span({ list: id, term, start, end });
          if (!exact[term]?.includes(foldTerm(text.slice(span.start, span.end), false))) return;
        }
        onHit(id, term, start, end);
      },
      (index) => text.charCodeAt(folded.starts[index]!),
      from,
      to,
      reportFrom,
    );
  }

  private scanAll(): TermHit[][] {
    const byList: TermHit[][] = [];
    let kept = 0;
    this.collectHits((id, term, start, end) => {
      let list = byList[id];
      if (!list) {
        list = [];
        byList[id] = list;
        this.hitLists.push(id);
      }
      if (list.length < MATCH_LIMITS.perRule && kept < MATCH_LIMITS.perDraft) {
        list.push({ list: id, term, start, end });
        kept++;
        return;
      }
      const over = this.overflow.get(id);
      if (over) over.count++;
      else this.overflow.set(id, { count: 1, start, end });
    });
    return byList;
  }

  private memo<T>(key: string, compute: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = compute();
    this.cache.set(key, value);
    return value;
  }

  urls(): Entity[] {
    return this.memo('urls', () => extractUrls(this.text, this.memory));
  }

  hashtags(): Entity[] {
    return this.memo('hashtags', () => extractHashtags(this.text, this.urls(), this.memory));
  }

  mentions(): Entity[] {
    return this.memo('mentions', () => extractMentions(this.text));
  }

  cashtags(): Entity[] {
    return this.memo('cashtags', () => extractCashtags(this.text));
  }

  graphemes(): string[] {
    return this.memo('graphemes', () => graphemes(this.text));
  }

  /** Spans of the emoji graphemes. */
  emoji(): Span[] {
    return this.memo('emoji', () => {
      if (!MAY_HAVE_EMOJI.test(this.text)) return [];
      const spans: Span[] = [];
      let offset = 0;
      for (const g of this.graphemes()) {
        if (isEmoji(g)) spans.push({ start: offset, end: offset + g.length });
        offset += g.length;
      }
      return spans;
    });
  }

  /** X's weighted length (twitter-text), computed once. */
  weighted(): Weighted {
    return this.memo('weighted', () =>
      xWeighted(this.text, this.urls(), this.memory, this.previous?.cache.get('weighted') as Weighted | undefined),
    );
  }
}

function allSpans(regex: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/**
 * The matches of an edited text from the matches before the edit. Attempts that start more than
 * `reach` (and two) before the edit, or two after it, read only unchanged units, so they find what
 * they found before: the earlier matches there are kept (shifted after the edit), and `search`
 * makes the attempts in between again, from `start` (where the kept matches leave the search) up
 * to `resume`, pushing what it finds (it may push matches from `resume` on: they are left out) and
 * answering false when the whole text must be searched instead. The search goes on after the edit as it went before
 * only when neither search is inside a match there; otherwise undefined (search the whole text).
 */
function spansAfterEdit(
  earlier: readonly Span[],
  edited: Span,
  shift: number,
  reach: number,
  search: (start: number, resume: number, push: (start: number, end: number) => void) => boolean,
): readonly Span[] | undefined {
  const from = Math.max(0, edited.start - reach - 2);
  const resume = edited.end + 2;
  const resumeBefore = resume - shift;
  let k = 0;
  while (k < earlier.length && earlier[k]!.start < from) k++;
  let after = k;
  for (; after < earlier.length && earlier[after]!.start < resumeBefore; after++)
    if (earlier[after]!.end > resumeBefore) return undefined;
  const start = Math.max(from, earlier[k - 1]?.end ?? 0);
  let found: Span[] | undefined;
  let overruns = false;
  if (start < resume) {
    const finished = search(start, resume, (at, end) => {
      if (at >= resume) return;
      if (end > resume) overruns = true;
      found ??= [];
      found.push({ start: at, end });
    });
    if (!finished || overruns) return undefined;
  }
  // Nothing found near the edit, none dropped and none to move: the earlier matches stand as they were.
  if (!found && after === k && (after === earlier.length || shift === 0)) return earlier;
  const spans = earlier.slice(0, k);
  if (found) for (const span of found) spans.push(span);
  for (let i = after; i < earlier.length; i++) {
    const span = earlier[i]!;
    spans.push(shift === 0 ? span : { start: span.start + shift, end: span.end + shift });
  }
  return spans.length > 0 ? spans : NO_SPANS;
}
