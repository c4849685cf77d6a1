/**
 * Long and pathological drafts: every check stays fast because the slow libraries (Intl.Segmenter,
 * twitter-text's URL scan) only ever see short pieces, and nothing is quadratic in the draft.
 * Speed is measured in `npm run bench`; here the work handed to those libraries is counted, and a
 * generous time bound only catches a runaway.
 */
import fc from 'fast-check';
import twitterText from 'twitter-text';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PACK_DIR } from '../../cli/builtin-pack';
import { loadPackFrom } from '../../cli/pack-source';
import { compilePacks } from '../../rules/index';
import { graphemes } from '../../rules/text/count';
import { extractHashtags, extractUrls } from '../../rules/text/entities';

const pack = loadPackFrom(DEFAULT_PACK_DIR);
const checker = compilePacks([pack], { sets: Object.fromEntries(pack.sets.map((set) => [set.id, true])) });
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const reference = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);

/** Characters handed to Intl.Segmenter and to twitter-text's URL scan while `run` runs. */
function work(run: () => void) {
  const segmented: number[] = [];
  const scanned: number[] = [];
  const segment = Intl.Segmenter.prototype.segment;
  vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, text: string) {
    segmented.push(text.length);
    return segment.call(this, text);
  });
  const extract = twitterText.extractUrlsWithIndices;
  vi.spyOn(twitterText, 'extractUrlsWithIndices').mockImplementation((text, options) => {
    scanned.push(text.length);
    return extract(text, options);
  });
  const started = performance.now();
  run();
  const ms = performance.now() - started;
  vi.restoreAllMocks();
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  return {
    ms,
    segmented: sum(segmented),
    longestSegmented: Math.max(0, ...segmented),
    scanned: sum(scanned),
    longestScanned: Math.max(0, ...scanned),
  };
}

afterEach(() => vi.restoreAllMocks());

const PATHOLOGICAL = [
  '#a ',
  'ภาษาไทย',
  'ก่า',
  'a.b',
  'ab.',
  'a-',
  'e\u0301',
  '😀',
  '👨‍👩‍👧‍👦',
  '🇯🇵',
  '\u1100\u1161',
  '\r\n',
  '＃あ ',
  '@a ',
  '$AB ',
  'https://a.co/x ',
  'a.ba',
];
const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

describe('graphemes', () => {
  it('agree with Intl.Segmenter next to every character that may join a neighbour', () => {
    const mismatches: string[] = [];
    for (let point = 0; point < 0x20000; point++) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const c = String.fromCodePoint(point);
      // Letters, digits, punctuation and symbols are sampled; everything else is checked.
      if (/[\p{Cn}\p{Co}]/u.test(c) || (/[\p{Lu}\p{Ll}\p{Lt}\p{Lo}\p{N}\p{P}\p{S}\p{Zs}]/u.test(c) && point % 31 !== 0))
        continue;
      for (const text of [`a${c}b`, `${c}${c}`, `\n${c}`, `${c}\u0301x`, `क्${c}`]) {
        if (JSON.stringify(graphemes(text)) !== JSON.stringify(reference(text))) mismatches.push(text);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('agree with Intl.Segmenter on drafts made of joining pieces', () => {
    const piece = fc.constantFrom(
      ...PATHOLOGICAL,
      'a',
      ' ',
      '\n',
      '\u200d',
      '\ufe0f',
      '\u20e3',
      '1',
      'क्ष',
      'ﾞ',
      '\ud800',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(graphemes(text)).toEqual(reference(text));
      }),
      { numRuns: 300 },
    );
  });

  it('hand the segmenter bounded windows, whatever the run', () => {
    for (const unit of ['e\u0301', '\u1100\u1161', '🇯🇵', '👨‍👩‍👧‍👦', 'क्ष']) {
      const text = fill(unit, 50_000);
      const { longestSegmented, segmented } = work(() => graphemes(text));
      expect(longestSegmented, unit).toBeLessThanOrEqual(512);
      expect(segmented, unit).toBeLessThanOrEqual(2 * text.length);
    }
  });
});

describe('URLs and hashtags in long runs', () => {
  it('give twitter-text short windows of a long run without spaces', () => {
    for (const unit of ['a.ba', 'ab.', 'x.co/']) {
      const text = fill(unit, 100_000);
      const { longestScanned, scanned } = work(() => extractUrls(text));
      expect(longestScanned, unit).toBeLessThanOrEqual(1025);
      expect(scanned, unit).toBeLessThanOrEqual(3 * text.length);
    }
  });

  it('still find the URLs of a long run, as twitter-text does on the whole run', () => {
    const text = `${'x'.repeat(3000)}!bit.ly/abc"${'y'.repeat(3000)}"example.com/a?b=c"${'z'.repeat(2000)}`;
    const whole = twitterText
      .extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: true })
      .map(({ url, indices }) => ({ value: url, start: indices[0], end: indices[1] }));
    expect(extractUrls(text)).toEqual(whole);
    expect(whole.map((u) => u.value)).toEqual(['bit.ly/abc']);
  });

  it('find each hashtag once, in linear work', () => {
    // Quadratic de-duplication took 892 s on 1 MB of "#a ".
    const tagged = (n: number) => {
      const calls: number[] = [];
      const extract = (twitterText as unknown as Record<string, (t: string, o: unknown) => unknown[]>)
        .extractHashtagsWithIndices!;
      vi.spyOn(
        twitterText as unknown as Record<string, typeof extract>,
        'extractHashtagsWithIndices',
      ).mockImplementation((text: string, options: unknown) => {
        calls.push(text.length);
        return extract(text, options);
      });
      const count = extractHashtags(fill('#a ', n), []).length;
      vi.restoreAllMocks();
      return { count, calls: calls.length, chars: calls.reduce((a, b) => a + b, 0) };
    };
    const small = tagged(30_000);
    const large = tagged(300_000);
    expect([small.count, large.count]).toEqual([10_000, 100_000]);
    expect(large.chars).toBeLessThanOrEqual(11 * small.chars);
    expect(large.calls).toBeLessThanOrEqual(large.count / 100);
  });
});

describe('checking long drafts with the default pack', () => {
  it('stays within a generous bound on long pathological drafts, with linear work', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PATHOLOGICAL),
        fc.constantFrom('x', 'mastodon', 'threads', 'bluesky') as fc.Arbitrary<
          'x' | 'mastodon' | 'threads' | 'bluesky'
        >,
        (unit, platform) => {
          const short = work(() => checker.check(fill(unit, 10_000), { platform }));
          const long = work(() => checker.check(fill(unit, 100_000), { platform }));
          expect(long.ms, `${JSON.stringify(unit)} on ${platform}`).toBeLessThan(2000);
          // Ten times the draft, at most about ten times the work in the slow libraries.
          expect(long.segmented).toBeLessThanOrEqual(12 * short.segmented + 1024);
          expect(long.scanned).toBeLessThanOrEqual(12 * short.scanned + 8192);
          expect(long.longestScanned).toBeLessThanOrEqual(4200);
        },
      ),
      { numRuns: 12 },
    );
  });
});
