/**
 * URLs, hashtags, mentions and cashtags as X finds them, with twitter-text's own expressions.
 * twitter-text scans a whole draft for URLs in milliseconds when the draft is long and Japanese, so
 * URLs are looked for only in the runs of text that can hold one (no spaces, no CJK), each run
 * handed to twitter-text as is. A test checks this gives what twitter-text gives on the whole text.
 */
import twitterText from 'twitter-text';

// What twitter-text exports beyond its published type definitions.
const tt = twitterText as typeof twitterText & {
  extractHashtagsWithIndices(text: string, options: { checkUrlOverlap: boolean }): twitterText.HashtagWithIndices[];
  removeOverlappingEntities(entities: unknown[]): void;
  configs: { defaults: { transformedURLLength: number; maxWeightedTweetLength: number } };
};

export interface Entity {
  start: number;
  end: number;
  /** The entity's text without its sigil: the URL, the tag, the handle. */
  value: string;
}

// A URL without "://" lives in a run of characters that are neither spaces nor CJK/full-width ones
// and has a dot followed by a letter (a domain). One with "://" starts at its scheme and ends at a space.
const RUN = /[^\s\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+/g;
const SCHEME = /(?:https?|ftp):\/\/\S{1,4096}/gi;
const MAY_BE_URL = /:\/\/|\.[A-Za-z]/;

export function extractUrls(text: string): Entity[] {
  if (!MAY_BE_URL.test(text)) return [];
  const urls: Entity[] = [];
  const found = (window: string, offset: number, withoutProtocol: boolean) => {
    for (const { url, indices } of twitterText.extractUrlsWithIndices(window, {
      extractUrlsWithoutProtocol: withoutProtocol,
    })) {
      const start = offset + indices[0];
      if (!urls.some((u) => u.start < offset + indices[1] && start < u.end))
        urls.push({ value: url, start, end: offset + indices[1] });
    }
  };
  if (text.includes('://')) {
    SCHEME.lastIndex = 0;
    for (let m = SCHEME.exec(text); m; m = SCHEME.exec(text)) {
      // One character of context before the scheme decides whether twitter-text takes it.
      const from = Math.max(0, m.index - 1);
      found(text.slice(from, m.index + m[0].length), from, false);
    }
  }
  RUN.lastIndex = 0;
  for (let run = RUN.exec(text); run; run = RUN.exec(text)) {
    if (/\.[A-Za-z]/.test(run[0])) found(run[0], run.index, true);
  }
  return urls.sort((a, b) => a.start - b.start);
}

const HASH = /[#＃]/g;

export function extractHashtags(text: string, urls: Entity[]): Entity[] {
  if (!/[#＃]/.test(text)) return [];
  // twitter-text's expression needs one character of context before the sign and sees the tag's end
  // within the same word, so each "#" is handed over with its neighbourhood, not the whole draft.
  type Tagged = { hashtag?: string; url?: string; indices: [number, number] };
  const tags: Tagged[] = [];
  let covered = -1;
  HASH.lastIndex = 0;
  for (let m = HASH.exec(text); m; m = HASH.exec(text)) {
    if (m.index < covered) continue;
    const from = Math.max(0, m.index - 1);
    const space = text.slice(m.index).search(/\s/);
    const to = space < 0 ? text.length : m.index + space;
    for (const tag of tt.extractHashtagsWithIndices(text.slice(from, to), { checkUrlOverlap: false })) {
      const indices: [number, number] = [from + tag.indices[0], from + tag.indices[1]];
      if (!tags.some((t) => t.indices[0] === indices[0])) tags.push({ hashtag: tag.hashtag, indices });
    }
    covered = to;
  }
  if (tags.length === 0) return [];
  // As twitter-text does: a "#" inside a URL is not a hashtag.
  const entities: Tagged[] = [
    ...tags,
    ...urls.map((u) => ({ url: u.value, indices: [u.start, u.end] as [number, number] })),
  ];
  tt.removeOverlappingEntities(entities);
  return entities.flatMap((e) =>
    e.hashtag === undefined ? [] : [{ value: e.hashtag, start: e.indices[0], end: e.indices[1] }],
  );
}

export function extractMentions(text: string): Entity[] {
  if (!/[@＠]/.test(text)) return [];
  return twitterText
    .extractMentionsWithIndices(text)
    .map(({ screenName, indices }) => ({ value: screenName, start: indices[0], end: indices[1] }));
}

export function extractCashtags(text: string): Entity[] {
  if (!text.includes('$')) return [];
  return twitterText
    .extractCashtagsWithIndices(text)
    .map(({ cashtag, indices }) => ({ value: cashtag, start: indices[0], end: indices[1] }));
}

export interface Weighted {
  weightedLength: number;
  /** Where the text passes `max`: the first UTF-16 offset beyond the limit, or the length if within. */
  overflowAt(max: number): number;
}

const URL_LENGTH = tt.configs.defaults.transformedURLLength;
const STAND_IN = ' '.repeat(URL_LENGTH);

/**
 * X's weighted length, counted by twitter-text on the draft with each URL replaced by spaces of
 * X's transformed URL length (23): the same count, without twitter-text rescanning a long draft
 * for URLs, and with its own valid range mapped back to the draft.
 */
export function xWeighted(text: string, urls: Entity[]): Weighted {
  // Outside the URLs, "." and ":" become "," and ";": the same weight, but nothing left for
  // twitter-text to take for a URL (a half-typed "https://exam" costs it milliseconds to reject).
  const plain = (part: string) => part.replace(/[.:]/g, (c) => (c === '.' ? ',' : ';'));
  let stand = '';
  let last = 0;
  for (const url of urls) {
    stand += `${plain(text.slice(last, url.start))}${STAND_IN}`;
    last = url.end;
  }
  stand += plain(text.slice(last));
  const parsed = tt.parseTweet(stand);
  const toDraft = (offset: number): number => {
    let shift = 0;
    for (const url of urls) {
      const standStart = url.start - shift;
      if (offset < standStart) break;
      if (offset < standStart + URL_LENGTH) return url.start;
      shift += url.end - url.start - URL_LENGTH;
    }
    return offset + shift;
  };
  return {
    weightedLength: parsed.weightedLength,
    overflowAt(max) {
      if (parsed.weightedLength <= max) return text.length;
      if (max === tt.configs.defaults.maxWeightedTweetLength)
        return Math.min(text.length, toDraft(parsed.validRangeEnd + 1));
      // Another limit (a paid tier): the shortest prefix over it, by bisection.
      let low = 0;
      let high = stand.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (tt.parseTweet(stand.slice(0, mid + 1)).weightedLength > max) high = mid;
        else low = mid + 1;
      }
      return Math.min(text.length, toDraft(low));
    },
  };
}
