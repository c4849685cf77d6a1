/**
 * `limit`: the platforms' own counting (X's weighted length, Bluesky's graphemes and bytes,
 * Threads' emoji-as-bytes) and counts of hashtags, mentions, links, emoji, exclamation marks
 * and capital letters. The numbers live in the pack, per platform and post type.
 */

import { z } from 'zod';
import type { Draft, Span } from '../draft';
import { CueWords, Localized, Platform, PostType, ruleBase, Severity } from '../fields';
import { countLength, graphemeStart, isEmoji } from '../text/count';
import { linesAround } from '../text/lines';
import { defineKind, type RawFinding } from './kind';

export const LIMIT_METRICS = [
  'length',
  'bytes',
  'lines',
  'hashtags',
  'mentions',
  'cashtags',
  'links',
  'emoji',
  'exclamations',
  'capsRatio',
  'hashtagLength',
  'repeatedPunctuation',
  'repeatedEmoji',
  'forbiddenChars',
] as const;
export const LimitMetric = z.enum(LIMIT_METRICS);

/** How `length` is counted: each platform has its own unit. */
export const Counting = z.enum([
  'x-weighted', // twitter-text v3: CJK 2, URL 23, emoji 2, NFC first
  'graphemes', // Bluesky, Mastodon (with urlLength)
  'utf16', // TikTok, LinkedIn
  'utf8', // bytes: Bluesky's second cap, YouTube descriptions
  'code-points',
  'threads', // characters, emoji as their UTF-8 bytes
]);
export type Counting = z.infer<typeof Counting>;

export const LimitCheck = z.strictObject({
  metric: LimitMetric,
  counting: Counting.optional(),
  /** Count every URL as this many characters (Mastodon: 23). */
  urlLength: z.number().int().min(0).max(1000).optional(),
  max: z.number().min(0).optional(),
  min: z.number().min(0).optional(),
  /** capsRatio: ignore drafts with fewer Latin letters than this. */
  minLetters: z.number().int().min(0).optional(),
  /**
   * capsRatio: count only the letters of Latin passages of at least this many words. A passage ends at a line
   * break or at Japanese, Chinese or Korean text, so a name in capitals inside Japanese (NIKEの新作, SHIBUYA店)
   * or a lone stylised word (ARIIISE) is not shouting; a sentence in capitals is.
   */
  minRunWords: z.number().int().min(1).max(50).optional(),
  /**
   * capsRatio: lines holding one of these phrases (any case) are not counted. Required notices are often set in
   * capitals by the regulator's own template ("RESULTS MAY VARY", "NO PURCHASE NECESSARY"); they are not shouting.
   */
  ignoreLinesWith: CueWords.min(1).optional(),
  /**
   * hashtags, mentions: count only the longest run of them with nothing but spaces or line breaks between
   * ("@a @b @c @d @e"), so accounts named in a sentence ("catch @a, @b, @c and @d in action") are not a wall of tags.
   */
  runOnly: z.boolean().optional(),
  /** forbiddenChars: the characters that may not appear. */
  chars: z.string().min(1).optional(),
  platforms: z.array(Platform).min(1).optional(),
  postTypes: z.array(PostType).min(1).optional(),
  severity: Severity.optional(),
  message: Localized.optional(),
});
export type LimitCheck = z.infer<typeof LimitCheck>;

export const LimitRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('limit'),
  checks: z.array(LimitCheck).min(1),
});

interface Measure {
  value: number;
  /** Where the excess is, for highlighting; the whole draft when there is no better place. */
  where: (max: number) => Span;
}

const whole = (draft: Draft): Span => ({ start: 0, end: draft.text.length });

function entities(spans: Span[], draft: Draft): Measure {
  return {
    value: spans.length,
    where: (max) => {
      const first = spans[Math.floor(max)] ?? spans[0];
      const last = spans[spans.length - 1];
      return first && last ? { start: first.start, end: last.end } : whole(draft);
    },
  };
}

/** The longest run of entities with only whitespace between them, measured like `entities`. */
function entityRun(spans: Span[], draft: Draft): Measure {
  // Indices, not copied arrays: a draft of thousands of tags stays one pass.
  let bestStart = 0;
  let bestLength = 0;
  let runStart = 0;
  for (let i = 0; i < spans.length; i++) {
    if (i > 0 && !/^\s+$/.test(draft.text.slice(spans[i - 1]!.end, spans[i]!.start))) runStart = i;
    if (i + 1 - runStart > bestLength) {
      bestStart = runStart;
      bestLength = i + 1 - runStart;
    }
  }
  return entities(spans.slice(bestStart, bestStart + bestLength), draft);
}

/**
 * The unit whose count takes the draft past `max`, for countings where each character's count depends on it
 * alone (URLs counted as written): one pass, no grapheme split of the whole draft.
 */
function overflowUnit(text: string, counting: Counting, max: number): number | undefined {
  const limit = Math.floor(max);
  switch (counting) {
    case 'utf16':
      return Math.min(limit, text.length);
    case 'code-points': {
      let points = 0;
      for (let i = 0; i < text.length; i++) {
        if (points === limit) return i;
        points++;
        if (text.codePointAt(i)! > 0xffff) i++;
      }
      return text.length;
    }
    case 'utf8': {
      // As utf8Length counts: a high surrogate with a unit after it is four bytes.
      let bytes = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
        const width = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
        if (bytes + width > max) return i;
        bytes += width;
        if (pair) i++;
      }
      return text.length;
    }
    default:
      return undefined;
  }
}

/** The first place where the draft's count passes `max`: the start of the grapheme that passes it. */
function overflowStart(draft: Draft, check: LimitCheck, counting: NonNullable<LimitCheck['counting']>, max: number) {
  if (counting === 'x-weighted') return draft.weighted().overflowAt(max);
  if (check.urlLength === undefined || draft.urls().length === 0) {
    // Only the stretch around the overflow is split into graphemes: typing past LinkedIn's 3,000 units stays cheap.
    const unit = overflowUnit(draft.text, counting, max);
    if (unit !== undefined) return graphemeStart(draft.text, unit);
  }
  // Otherwise bisect prefixes: URLs counted at a fixed length, graphemes, Threads' emoji bytes.
  const bounds: number[] = [];
  let offset = 0;
  for (const g of draft.graphemes()) {
    offset += g.length;
    bounds.push(offset);
  }
  let low = 0;
  let high = bounds.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    const prefix = draft.text.slice(0, bounds[mid]);
    const length = countLength(
      {
        text: prefix,
        graphemes: () => draft.graphemes().slice(0, mid + 1),
        urls: () => draft.urls().filter((u) => u.end <= prefix.length),
      },
      counting,
      check.urlLength,
    );
    if (length > max) high = mid;
    else low = mid + 1;
  }
  return low === 0 ? 0 : bounds[low - 1]!;
}

/**
 * Where a Latin passage ends: a line break, or Japanese, Chinese or Korean text and their punctuation (CJK
 * symbols, kana, Han, Hangul, full-width forms).
 */
const isPassageBreak = (code: number): boolean =>
  code === 10 ||
  code === 13 ||
  code === 0x2028 ||
  code === 0x2029 ||
  (code >= 0x3000 &&
    (code <= 0x30ff ||
      (code >= 0x3400 && code <= 0x9fff) ||
      (code >= 0xac00 && code <= 0xd7af) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xff00 && code <= 0xffef)));
const isLetter = (code: number): boolean => {
  const lower = code | 0x20;
  return lower >= 97 && lower <= 122;
};

/**
 * Latin letters and capitals outside URLs, hashtags, @handles and cashtags. With `minRunWords`, only passages
 * of at least that many words count: the capitals of a name inside Japanese text are not shouting.
 */
export function letterCounts(
  draft: Draft,
  minRunWords = 0,
  quietLines: readonly Span[] = [],
): { letters: number; capitals: number } {
  const skip = [...draft.urls(), ...draft.hashtags(), ...draft.mentions(), ...draft.cashtags(), ...quietLines].sort(
    (a, b) => a.start - b.start,
  );
  const text = draft.text;
  let letters = 0;
  let capitals = 0;
  // The passage being read: its letters, capitals and words, added to the totals when it ends.
  let runLetters = 0;
  let runCapitals = 0;
  let runWords = 0;
  let inWord = false;
  const endRun = () => {
    if (runWords >= minRunWords) {
      letters += runLetters;
      capitals += runCapitals;
    }
    runLetters = 0;
    runCapitals = 0;
    runWords = 0;
    inWord = false;
  };
  // The text between skipped entities, piece by piece: the inner loop reads nothing but characters.
  let from = 0;
  for (let next = 0; next <= skip.length; next++) {
    const entity = skip[next];
    const to = entity ? Math.max(from, entity.start) : text.length;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (isLetter(code)) {
        runLetters++;
        if (code < 97) runCapitals++;
        if (!inWord) runWords++;
        inWord = true;
      } else if (isPassageBreak(code)) {
        // Nothing to add or reset after a break, or in a passage without a letter (most of a Japanese draft).
        if (runLetters > 0) endRun();
      } else if (code !== 39 && code !== 0x2019) {
        // An apostrophe stays inside a word (DON'T); anything else ends it.
        inWord = false;
      }
    }
    if (!entity) break;
    // An entity ends the word it interrupts, not the passage.
    if (entity.end > from && entity.end > entity.start) {
      inWord = false;
      from = entity.end;
    }
  }
  endRun();
  return { letters, capitals };
}

/** Spans of every match of a global expression. */
function spansOf(text: string, regex: RegExp): Span[] {
  const spans: Span[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

function longestRun(
  draft: Draft,
  units: string[],
  same: (a: string, b: string) => boolean,
  counts: (u: string) => boolean,
) {
  let best = { length: 0, start: 0, end: 0 };
  let run = { length: 0, start: 0 };
  let offset = 0;
  let previous = '';
  for (const unit of units) {
    if (counts(unit) && run.length > 0 && same(previous, unit)) run.length++;
    else run = counts(unit) ? { length: 1, start: offset } : { length: 0, start: offset };
    offset += unit.length;
    if (run.length > best.length) best = { length: run.length, start: run.start, end: offset };
    previous = unit;
  }
  return { value: best.length, where: () => (best.length > 0 ? { start: best.start, end: best.end } : whole(draft)) };
}

/** `notices`: the term list of a capsRatio check's `ignoreLinesWith` phrases in the shared automaton. */
function measure(draft: Draft, check: LimitCheck, notices?: number): Measure {
  switch (check.metric) {
    case 'length':
    case 'bytes': {
      const counting = check.metric === 'bytes' ? 'utf8' : (check.counting ?? 'code-points');
      if (counting === 'x-weighted') {
        // No character weighs more than 2 and a URL 23: below that bound, skip twitter-text's parse.
        const bound = 2 * draft.text.length + 23 * draft.urls().length;
        if (check.min === undefined && check.max !== undefined && bound <= check.max)
          return { value: bound, where: () => whole(draft) };
        const value = draft.weighted().weightedLength;
        return {
          value,
          where: (max) => ({
            start: Math.min(overflowStart(draft, check, counting, max), draft.text.length),
            end: draft.text.length,
          }),
        };
      }
      const value = countLength(
        { text: draft.text, graphemes: () => draft.graphemes(), urls: () => draft.urls() },
        counting,
        check.urlLength,
      );
      return {
        value,
        where: (max) => ({
          start: Math.min(overflowStart(draft, check, counting, max), draft.text.length),
          end: draft.text.length,
        }),
      };
    }
    case 'lines':
      return { value: draft.text.split(/\r\n|\r|\n/).length, where: () => whole(draft) };
    case 'hashtags':
      return (check.runOnly ? entityRun : entities)(draft.hashtags(), draft);
    case 'mentions':
      return (check.runOnly ? entityRun : entities)(draft.mentions(), draft);
    case 'cashtags':
      return entities(draft.cashtags(), draft);
    case 'links':
      return entities(draft.urls(), draft);
    case 'emoji':
      return entities(draft.emoji(), draft);
    case 'exclamations':
      return entities(spansOf(draft.text, /[!！]/g), draft);
    case 'capsRatio': {
      const quiet =
        notices === undefined
          ? []
          : linesAround(
              draft.text,
              draft.hits(notices).map((hit) => draft.span(hit)),
            );
      const { letters, capitals } = letterCounts(draft, check.minRunWords, quiet);
      if (letters < (check.minLetters ?? 0)) return { value: 0, where: () => whole(draft) };
      return { value: letters === 0 ? 0 : capitals / letters, where: () => whole(draft) };
    }
    case 'hashtagLength': {
      const tags = draft.hashtags();
      const longest = tags.reduce((best, tag) => (tag.value.length > (best?.value.length ?? -1) ? tag : best), tags[0]);
      return { value: longest?.value.length ?? 0, where: () => longest ?? whole(draft) };
    }
    case 'repeatedPunctuation': {
      // The longest run of "!" or of "?" (either width); "!?" mixes do not count as one run.
      const runs = [...spansOf(draft.text, /[!！]{2,}/g), ...spansOf(draft.text, /[?？]{2,}/g)];
      const longest = runs.reduce<Span | undefined>(
        (best, run) => (!best || run.end - run.start > best.end - best.start ? run : best),
        undefined,
      );
      return {
        value: longest ? longest.end - longest.start : /[!?！？]/.test(draft.text) ? 1 : 0,
        where: () => longest ?? whole(draft),
      };
    }
    case 'repeatedEmoji':
      if (draft.emoji().length === 0) return { value: 0, where: () => whole(draft) };
      return longestRun(draft, draft.graphemes(), (a, b) => a === b, isEmoji);
    case 'forbiddenChars': {
      const chars = check.chars ?? '';
      const spans: Span[] = [];
      for (let i = 0; i < draft.text.length; i++)
        if (chars.includes(draft.text[i]!)) spans.push({ start: i, end: i + 1 });
      return { value: spans.length, where: () => spans[0] ?? whole(draft) };
    }
  }
}

export default defineKind({
  kind: 'limit',
  validate(rule, check) {
    rule.checks.forEach((limit, c) => {
      if (limit.max === undefined && limit.min === undefined) check.report(['checks', c], 'give `max` or `min`');
      if (limit.metric === 'capsRatio' && (limit.max ?? 0) > 1)
        check.report(['checks', c, 'max'], 'capsRatio is a share between 0 and 1');
      if (limit.metric === 'forbiddenChars' && !limit.chars)
        check.report(['checks', c, 'chars'], 'forbiddenChars needs `chars`');
      if (limit.ignoreLinesWith && limit.metric !== 'capsRatio')
        check.report(['checks', c, 'ignoreLinesWith'], '`ignoreLinesWith` applies to capsRatio only');
      if (limit.message) check.locales(limit.message, ['checks', c, 'message']);
    });
  },
  termLists: (rule) => rule.checks.map((check, c) => [['checks', c, 'ignoreLinesWith'], check.ignoreLinesWith]),
  compile(rule, context) {
    const notices = new Map(
      rule.checks.flatMap((check) =>
        check.ignoreLinesWith ? [[check, context.terms(check.ignoreLinesWith, false)] as const] : [],
      ),
    );
    // A pack's platform limits hold a check per platform and post type: pick a draft's once per platform.
    const byPlatform = new Map<Platform | undefined, LimitCheck[]>();
    const checksFor = (platform: Platform | undefined) => {
      let checks = byPlatform.get(platform);
      if (!checks) {
        checks = rule.checks.filter((check) => !check.platforms || (platform && check.platforms.includes(platform)));
        byPlatform.set(platform, checks);
      }
      return checks;
    };
    return (draft) => {
      const findings: RawFinding[] = [];
      if (draft.text.length === 0) return findings;
      for (const check of checksFor(draft.platform)) {
        if (check.postTypes && !check.postTypes.includes(draft.postType ?? 'post')) continue;
        const { value, where } = measure(draft, check, notices.get(check));
        const over = check.max !== undefined && value > check.max;
        const under = check.min !== undefined && value < check.min;
        if (!over && !under) continue;
        const span = where(over ? (check.max as number) : 0);
        findings.push({
          ...span,
          severity: check.severity,
          message: check.message,
          vars: {
            count: check.metric === 'capsRatio' ? `${Math.round(value * 100)}%` : value,
            max:
              check.metric === 'capsRatio' && check.max !== undefined
                ? `${Math.round(check.max * 100)}%`
                : (check.max ?? ''),
            min: check.min ?? '',
            metric: check.metric,
          },
        });
      }
      return findings;
    };
  },
});
