/**
 * One draft being checked. Everything a rule may ask about it (folded text, term hits, URLs,
 * hashtags, graphemes) is computed once, on first use, and shared by every rule.
 */
import type { Platform, PostType } from './schema';
import { graphemes, isEmoji, MAY_HAVE_EMOJI } from './text/count';
import {
  type Entity,
  extractCashtags,
  extractHashtags,
  extractMentions,
  extractUrls,
  type Weighted,
  xWeighted,
} from './text/entities';
import { type Folded, fold, foldTerm, toDraftSpan } from './text/fold';
import type { TermHit, TermMatcher } from './text/matcher';

export interface Span {
  start: number;
  end: number;
}
export type { Entity };

const NO_HITS: readonly TermHit[] = Object.freeze([]);

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

  constructor(
    readonly text: string,
    readonly platform: Platform | undefined,
    readonly postType: PostType | undefined,
    private readonly matchers: Matchers,
  ) {}

  /** The draft folded for matching: width always, case when `lowerCase`. */
  folded(lowerCase: boolean): Folded {
    const index = lowerCase ? 0 : 1;
    let folded = this.foldedCache[index];
    if (!folded) {
      folded = fold(this.text, lowerCase);
      this.foldedCache[index] = folded;
    }
    return folded;
  }

  /** Hits of one term list, in the folded text of that list's case mode, in order of position. */
  hits(list: number): readonly TermHit[] {
    if (!this.hitsByList) this.hitsByList = this.scan();
    return this.hitsByList[list] ?? NO_HITS;
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
    const byList: TermHit[][] = [];
    const collect = (hit: TermHit) => {
      const exact = this.matchers.exactCase.get(hit.list);
      if (exact) {
        const { start, end } = this.span(hit);
        if (!exact[hit.term]?.includes(foldTerm(this.text.slice(start, end), false))) return;
      }
      let list = byList[hit.list];
      if (!list) {
        list = [];
        byList[hit.list] = list;
        this.hitLists.push(hit.list);
      }
      list.push(hit);
    };
    this.matchers.terms.scan(this.folded(true).text, collect);
    return byList;
  }

  private memo<T>(key: string, compute: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = compute();
    this.cache.set(key, value);
    return value;
  }

  urls(): Entity[] {
    return this.memo('urls', () => extractUrls(this.text));
  }

  hashtags(): Entity[] {
    return this.memo('hashtags', () => extractHashtags(this.text, this.urls()));
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
    return this.memo('weighted', () => xWeighted(this.text, this.urls()));
  }
}
