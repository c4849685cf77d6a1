/**
 * URLs, hashtags, mentions and cashtags as X finds them, with twitter-text's own expressions.
 * twitter-text scans a whole draft for URLs in milliseconds when the draft is long and Japanese, so
 * URLs are looked for only in the runs of text that can hold one (no spaces, no CJK), each run
 * handed to twitter-text as is. A test checks this gives what twitter-text gives on the whole text.
 */
import twitterText from 'twitter-text';
import { editBetween } from './fold';
import { Memo } from './memo';

// What twitter-text exports beyond its published type definitions.
const tt = twitterText as typeof twitterText & {
  regexen: { validGTLD: RegExp; validCCTLD: RegExp; validPunycode: RegExp };
  extractHashtagsWithIndices(text: string, options: { checkUrlOverlap: boolean }): twitterText.HashtagWithIndices[];
  removeOverlappingEntities(entities: unknown[]): void;
  configs: { defaults: { transformedURLLength: number; maxWeightedTweetLength: number; scale: number } };
};

type FoundUrl = { url: string; indices: [number, number] };
type FoundTag = { hashtag: string; indices: [number, number] };

/** What one checker remembers between drafts: twitter-text's answers, by the piece of text asked about. */
export interface EntityMemory {
  urls: Pick<Memo<readonly FoundUrl[]>, 'get'>;
  hashtags: Pick<Memo<readonly FoundTag[]>, 'get'>;
  chunks: Pick<Memo<ChunkCount>, 'get'>;
  /** twitter-text's validRangeEnd in a chunk, by the weight left for it and the chunk. */
  validEnds: Pick<Memo<number>, 'get'>;
}

export function entityMemory(): EntityMemory {
  return { urls: new Memo(), hashtags: new Memo(), chunks: new Memo(), validEnds: new Memo(200) };
}

/** No memory: every piece is computed (direct calls, tests, and the benchmark's cold figure). */
const computeEach = { get: <V>(_key: string, compute: () => V) => compute() };
export const NO_MEMORY: EntityMemory = {
  urls: computeEach,
  hashtags: computeEach,
  chunks: computeEach,
  validEnds: computeEach,
};

const urlsIn = (memory: EntityMemory, text: string, withoutProtocol: boolean): readonly FoundUrl[] =>
  memory.urls.get(`${withoutProtocol ? 1 : 0}${text}`, () =>
    twitterText.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: withoutProtocol }),
  );

export interface Entity {
  start: number;
  end: number;
  /** The entity's text without its sigil: the URL, the tag, the handle. */
  value: string;
}

// A URL without "://" lives in a run of characters that are neither spaces nor CJK/full-width ones
// and has a dot followed by a letter (a domain). One with "://" starts at its scheme and ends at a space.
const SEPARATOR = /[\s\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const DOT_LETTER = /\.[A-Za-z]/g;
/** Per UTF-16 unit: 1 when it ends a run (a space, CJK, full-width), 0 when not, -1 not yet asked. */
const separators = new Int8Array(0x10000).fill(-1);
function separates(code: number): boolean {
  let known = separators[code]!;
  if (known < 0) {
    known = SEPARATOR.test(String.fromCharCode(code)) ? 1 : 0;
    separators[code] = known;
  }
  return known === 1;
}
const SCHEME = /(?:https?|ftp):\/\/\S{1,4096}/gi;
const MAY_BE_URL = /:\/\/|\.[A-Za-z]/;
/**
 * twitter-text's scan for URLs without a scheme takes time that grows faster than the square of a
 * run's length (a minute for 100,000 characters of "ab."): longer runs go to it in overlapping
 * windows. A URL that reaches a window's end is read again from its start, up to LONG_URL.
 */
const WHOLE_RUN = 1024;
const WINDOW = 128;
const STEP = 64;
const LONG_URL = 1024;
/** A URL without a scheme ends its host with one of twitter-text's own top-level domains: windows without one are skipped. */
const TLD = new RegExp(
  `\\.(?:${tt.regexen.validGTLD.source}|${tt.regexen.validCCTLD.source}|${tt.regexen.validPunycode.source})`,
  'i',
);

export function extractUrls(text: string, memory: EntityMemory = NO_MEMORY): Entity[] {
  if (!MAY_BE_URL.test(text)) return [];
  const urls = new Found();
  // Runs that are exactly a URL already found with its scheme need no second look.
  const withScheme = new Set<string>();
  const found = (window: string, offset: number, withoutProtocol: boolean) => {
    for (const { url, indices } of urlsIn(memory, window, withoutProtocol)) {
      const start = offset + indices[0];
      const end = offset + indices[1];
      if (!withoutProtocol) withScheme.add(`${start},${end}`);
      urls.add({ value: url, start, end });
    }
  };
  if (text.includes('://')) {
    // Each URL with a scheme is handed over with one character of context before it, which decides
    // whether twitter-text takes it; URLs close together go in one call.
    let batch: [number, number] | undefined;
    SCHEME.lastIndex = 0;
    for (let m = SCHEME.exec(text); m; m = SCHEME.exec(text)) {
      const from = Math.max(0, m.index - 1);
      const to = m.index + m[0].length;
      if (batch && from <= batch[1] + 1 && to - batch[0] <= WHOLE_RUN) batch[1] = to;
      else {
        if (batch) found(text.slice(batch[0], batch[1]), batch[0], false);
        batch = [from, to];
      }
    }
    if (batch) found(text.slice(batch[0], batch[1]), batch[0], false);
  }
  // Only the runs around a "." before a letter: most words of a draft are never looked at.
  DOT_LETTER.lastIndex = 0;
  for (let dot = DOT_LETTER.exec(text); dot; dot = DOT_LETTER.exec(text)) {
    let start = dot.index;
    while (start > 0 && !separates(text.charCodeAt(start - 1))) start--;
    let end = dot.index + 1;
    while (end < text.length && !separates(text.charCodeAt(end))) end++;
    DOT_LETTER.lastIndex = end;
    if (withScheme.has(`${start},${end}`)) continue;
    const run = text.slice(start, end);
    if (run.length <= WHOLE_RUN) found(run, start, true);
    else inWindows(run, start, urls, memory);
  }
  return urls.sorted();
}

/** URLs found so far, in two passes that each find them in order: an overlap check without a quadratic scan. */
class Found {
  private readonly passes: Entity[][] = [[]];
  add(url: Entity): void {
    for (const list of this.passes) {
      // The last URL that starts before this one ends is the only one that can overlap it.
      let low = 0;
      let high = list.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (list[mid]!.start < url.end) low = mid + 1;
        else high = mid;
      }
      const before = list[low - 1];
      if (before && url.start < before.end) return;
    }
    const current = this.passes[this.passes.length - 1]!;
    const last = current[current.length - 1];
    if (last && url.start < last.start) this.passes.push([url]);
    else current.push(url);
  }
  sorted(): Entity[] {
    return this.passes.flat().sort((a, b) => a.start - b.start);
  }
}

function inWindows(run: string, offset: number, urls: Found, memory: EntityMemory): void {
  let reach = 0;
  for (let from = 0; from < run.length; from += STEP) {
    if (from + WINDOW <= reach) continue; // inside a URL already found
    const window = run.slice(from, from + WINDOW);
    if (!TLD.test(window)) continue;
    for (const { url, indices } of urlsIn(memory, window, true)) {
      let [start, end] = [from + indices[0], from + indices[1]];
      // A URL at a window's cut start may only look like one there; one in the overlap is found again later.
      const later = indices[0] >= STEP && from + WINDOW < run.length; // the next window sees it whole
      if ((start === from && from > 0) || start < reach || later) continue;
      let value = url;
      if (end === from + window.length && end < run.length) {
        const context = Math.max(0, start - 1);
        const again = urlsIn(memory, run.slice(context, start + LONG_URL), true)[0];
        if (again && context + again.indices[0] === start) {
          value = again.url;
          end = context + again.indices[1];
        }
      }
      urls.add({ value, start: offset + start, end: offset + end });
      reach = end;
    }
  }
}

/** ECMAScript's \s, unit by unit: white space (tab, vertical tab, form feed, BOM, Zs) and line terminators. */
export const isSpace = (code: number): boolean =>
  code === 32 ||
  (code >= 9 && code <= 13) ||
  (code >= 0xa0 &&
    (code === 0xa0 ||
      code === 0x1680 ||
      (code >= 0x2000 && code <= 0x200a) ||
      code === 0x2028 ||
      code === 0x2029 ||
      code === 0x202f ||
      code === 0x205f ||
      code === 0x3000 ||
      code === 0xfeff));

/** The next "#" or "＃" at or after `from`, or -1: two native searches instead of an expression over the draft. */
function nextSign(text: string, from: number, half: number, full: number): [number, number, number] {
  if (half >= 0 && half < from) half = text.indexOf('#', from);
  if (full >= 0 && full < from) full = text.indexOf('＃', from);
  const at = half < 0 ? full : full < 0 ? half : Math.min(half, full);
  return [at, half, full];
}

export function extractHashtags(text: string, urls: Entity[], memory: EntityMemory = NO_MEMORY): Entity[] {
  let half = text.indexOf('#');
  let full = text.indexOf('＃');
  if (half < 0 && full < 0) return [];
  // twitter-text's expression needs one character of context before the sign and sees the tag's end
  // within the same word, so each "#" is handed over with its neighbourhood, not the whole draft.
  type Tagged = { hashtag?: string; url?: string; indices: [number, number] };
  const tags: Tagged[] = [];
  const seen = new Set<number>();
  let covered = -1;
  const extract = (from: number, to: number) => {
    const piece = text.slice(from, to);
    for (const tag of memory.hashtags.get(piece, () =>
      tt.extractHashtagsWithIndices(piece, { checkUrlOverlap: false }),
    )) {
      const indices: [number, number] = [from + tag.indices[0], from + tag.indices[1]];
      if (!seen.has(indices[0])) {
        seen.add(indices[0]);
        tags.push({ hashtag: tag.hashtag, indices });
      }
    }
  };
  // Tags close together go in one call; a word is looked at up to LONG_URL characters.
  let batch: [number, number] | undefined;
  for (let next = 0; ; ) {
    let at: number;
    [at, half, full] = nextSign(text, next, half, full);
    if (at < 0) break;
    next = at + 1;
    if (at < covered) continue;
    const from = Math.max(0, at - 1);
    const limit = Math.min(text.length, at + LONG_URL);
    let to = at;
    while (to < limit && !isSpace(text.charCodeAt(to))) to++;
    if (batch && from <= batch[1] && to - batch[0] <= WHOLE_RUN) batch[1] = to;
    else {
      if (batch) extract(...batch);
      batch = [from, to];
    }
    covered = to;
  }
  if (batch) extract(...batch);
  if (tags.length === 0) return [];
  // As twitter-text does: a "#" inside a URL is not a hashtag.
  const entities: Tagged[] = [
    ...tags,
    ...urls.map((u) => ({ url: u.value, indices: [u.start, u.end] as [number, number] })),
  ];
  tt.removeOverlappingEntities(entities);
  const found: Entity[] = [];
  for (const e of entities)
    if (e.hashtag !== undefined) found.push({ value: e.hashtag, start: e.indices[0], end: e.indices[1] });
  return found;
}

export function extractMentions(text: string): Entity[] {
  if (text.indexOf('@') < 0 && text.indexOf('＠') < 0) return [];
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
  /** The stand-in text in chunks with their counts: what the count of the next draft starts from. */
  readonly chunks: StandChunks;
}

/** The stand-in text, where it is cut (each chunk's end; the last is its length), and each chunk's count. */
export interface StandChunks {
  stand: string;
  ends: readonly number[];
  counts: readonly ChunkCount[];
}

const DEFAULTS = tt.configs.defaults;
const URL_LENGTH = DEFAULTS.transformedURLLength;
const STAND_IN = ' '.repeat(URL_LENGTH);

/** X's count of one chunk: its weight in twitter-text's scaled units, and whether the chunk is ordinary text. */
export interface ChunkCount {
  scaled: number;
  /** Already NFC and without characters twitter-text calls invalid: offsets and validity add up across chunks. */
  plain: boolean;
}

const INVALID = /[\uFFFE\uFEFF\uFFFF]/;

/**
 * Where the stand-in text may be cut so that twitter-text counts the parts as it counts the whole:
 * between two characters that no emoji sequence, URL or normalisation joins (printable ASCII, CJK
 * punctuation, kana and kanji, except the combining voicing marks).
 */
const joinsNothing = (code: number) =>
  (code >= 0x20 && code < 0x7f) || (code >= 0x3000 && code <= 0x9fff && code !== 0x3099 && code !== 0x309a);
/**
 * Chunks are cut where the text itself says (a hash of the three characters before the cut), not at
 * fixed offsets, so an edit changes only its own chunk and the rest are counted from memory.
 */
const CHUNK_MIN = 64;
const CHUNK_MAX = 1024;

function chunkEnds(stand: string): number[] {
  const ends: number[] = [];
  cutFrom(stand, 0, ends);
  ends.push(stand.length);
  return ends;
}

/**
 * Cut `stand` from the cut at `start` on, pushing each cut to `ends`; with `stop`, it may end early
 * (returning true) once `stop` says a cut is one the rest follows from.
 */
function cutFrom(stand: string, start: number, ends: number[], stop?: (cut: number) => boolean): boolean {
  for (let p = start + CHUNK_MIN; p < stand.length; p++) {
    const before = stand.charCodeAt(p - 1);
    if (!joinsNothing(before) || !joinsNothing(stand.charCodeAt(p))) continue;
    const hash = Math.imul((before * 31 + stand.charCodeAt(p - 2)) * 31 + stand.charCodeAt(p - 3), 0x9e3779b1);
    if (p - start >= CHUNK_MAX || hash >>> 26 === 0) {
      ends.push(p);
      if (stop?.(p)) return true;
      start = p;
      p = start + CHUNK_MIN - 1;
    }
  }
  return false;
}

/**
 * The chunks of `stand`, reusing an earlier stand-in's where the two agree. A cut is decided by the
 * three units before it, the unit after it and the cut before it, so the earlier cuts before the
 * edit stand; after the edit, once a cut falls where the earlier text (shifted) had one, every
 * later cut is the earlier one shifted. The chunks before and after the edit keep their counts.
 */
function chunksAfterEdit(stand: string, earlier: StandChunks, memory: EntityMemory): StandChunks {
  const { prefix, suffix } = editBetween(earlier.stand, stand);
  const old = earlier.ends;
  const shift = stand.length - earlier.stand.length;
  const changedEnd = stand.length - suffix;
  // The earlier cuts whose decisions read only units before the edit.
  let kept = 0;
  while (kept < old.length - 1 && old[kept]! < prefix) kept++;
  const ends = old.slice(0, kept);
  // The earlier cuts after the edit, by position in the new stand-in, to find where the two meet again.
  let resumed = -1;
  cutFrom(stand, kept > 0 ? ends[kept - 1]! : 0, ends, (cut) => {
    if (cut - 3 < changedEnd) return false;
    let low = kept;
    let high = old.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (old[mid]! + shift < cut) low = mid + 1;
      else high = mid;
    }
    if (low < old.length - 1 && old[low]! + shift === cut) resumed = low;
    return resumed >= 0;
  });
  const fresh = ends.length;
  if (resumed >= 0) for (let j = resumed + 1; j < old.length; j++) ends.push(old[j]! + shift);
  else ends.push(stand.length);
  const counts: ChunkCount[] = earlier.counts.slice(0, kept);
  for (let k = kept, start = kept > 0 ? ends[kept - 1]! : 0; k < ends.length; start = ends[k++]!) {
    if (k >= fresh && resumed >= 0) counts.push(earlier.counts[resumed + 1 + k - fresh]!);
    else {
      const chunk = stand.slice(start, ends[k]);
      counts.push(memory.chunks.get(chunk, () => countChunk(chunk)));
    }
  }
  return { stand, ends, counts };
}

function countedChunks(stand: string, memory: EntityMemory): StandChunks {
  const ends = chunkEnds(stand);
  const counts: ChunkCount[] = [];
  for (let k = 0, start = 0; k < ends.length; start = ends[k++]!) {
    const chunk = stand.slice(start, ends[k]);
    counts.push(memory.chunks.get(chunk, () => countChunk(chunk)));
  }
  return { stand, ends, counts };
}

function countChunk(chunk: string): ChunkCount {
  return {
    scaled: Math.round(tt.parseTweet(chunk).weightedLength * DEFAULTS.scale),
    plain: chunk.normalize() === chunk && !INVALID.test(chunk),
  };
}

/**
 * X's weighted length, counted by twitter-text on the draft with each URL replaced by spaces of
 * X's transformed URL length (23): the same count, without twitter-text rescanning a long draft
 * for URLs, and with its own valid range mapped back to the draft. The stand-in is counted in
 * chunks, each remembered by its text, so a keystroke recounts one chunk.
 */
export function xWeighted(
  text: string,
  urls: Entity[],
  memory: EntityMemory = NO_MEMORY,
  /** The count of an earlier draft (one keystroke ago, usually): its chunks are reused where the texts agree. */
  earlier?: Weighted,
): Weighted {
  // Outside the URLs, "." and ":" become "," and ";": the same weight, but nothing left for
  // twitter-text to take for a URL (a half-typed "https://exam" costs it milliseconds to reject).
  const plain = (part: string) => part.replaceAll('.', ',').replaceAll(':', ';');
  let stand = '';
  let last = 0;
  for (const url of urls) {
    stand += `${plain(text.slice(last, url.start))}${STAND_IN}`;
    last = url.end;
  }
  stand += plain(text.slice(last));
  const chunks = earlier ? chunksAfterEdit(stand, earlier.chunks, memory) : countedChunks(stand, memory);
  const { ends, counts } = chunks;
  let scaled = 0;
  let allPlain = true;
  for (const count of counts) {
    scaled += count.scaled;
    allPlain &&= count.plain;
  }
  const weightedLength = scaled / DEFAULTS.scale;
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
  /** The last valid unit of the stand-in under `max`, as twitter-text's validRangeEnd, from the one chunk that crosses it. */
  const lastValidInChunks = (max: number): number | undefined => {
    if (!allPlain) return undefined;
    let before = 0;
    for (let k = 0, start = 0; k < ends.length; start = ends[k++]!) {
      if (before + counts[k]!.scaled > max * DEFAULTS.scale) {
        const budget = max - before / DEFAULTS.scale;
        const chunk = stand.slice(start, ends[k]);
        const local = memory.validEnds.get(
          `${budget}|${chunk}`,
          () => tt.parseTweet(chunk, { ...DEFAULTS, maxWeightedTweetLength: budget }).validRangeEnd,
        );
        // 0 is also what twitter-text says when not even the first character fits: ask the whole text.
        return local > 0 ? start + local : undefined;
      }
      before += counts[k]!.scaled;
    }
    return undefined;
  };
  return {
    weightedLength,
    chunks,
    overflowAt(max) {
      if (weightedLength <= max) return text.length;
      const inChunks = lastValidInChunks(max);
      if (inChunks !== undefined) return Math.min(text.length, toDraft(inChunks + 1));
      // Unusual text (not NFC, or characters twitter-text calls invalid): one parse of the whole stand-in.
      const whole = tt.parseTweet(stand, { ...DEFAULTS, maxWeightedTweetLength: max });
      return Math.min(text.length, toDraft(whole.validRangeEnd + 1));
    },
  };
}
