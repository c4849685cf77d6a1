import { describe, expect, it } from 'vitest';
import { check } from '../../helpers/pack';

const limit = (checks: Record<string, unknown>[], platforms?: string[]) => ({
  id: 'lim',
  kind: 'limit',
  category: 'platform',
  message: '{count} > {max}',
  ...(platforms ? { platforms } : {}),
  checks,
});

describe('limit', () => {
  it("counts X's weighted length with twitter-text: CJK 2, URL 23", () => {
    const rule = limit([{ metric: 'length', counting: 'x-weighted', max: 280 }], ['x']);
    expect(check([rule], 'あ'.repeat(140), { platform: 'x' })).toEqual([]);
    const [over] = check([rule], 'あ'.repeat(141), { platform: 'x' });
    expect(over).toMatchObject({ message: '282 > 280', start: 140, end: 141 });
    const url = `${'a'.repeat(256)} https://example.com/${'x'.repeat(200)}`;
    expect(check([rule], url, { platform: 'x' })).toEqual([]);
  });

  it('applies a rule limited to platforms only there', () => {
    const rule = limit([{ metric: 'length', counting: 'x-weighted', max: 280 }], ['x']);
    expect(check([rule], 'あ'.repeat(141), { platform: 'bluesky' })).toEqual([]);
    expect(check([rule], 'あ'.repeat(141))).toEqual([]);
  });

  it('counts Bluesky graphemes and bytes separately', () => {
    const family = '👨‍👩‍👧‍👦';
    const rule = limit([
      { metric: 'length', counting: 'graphemes', max: 300 },
      { metric: 'bytes', max: 3000, message: '{count} bytes' },
    ]);
    expect(check([rule], family.repeat(120))).toEqual([]);
    expect(check([rule], family.repeat(121)).map((f) => f.message)).toEqual(['3025 bytes']);
    expect(check([rule], 'a'.repeat(301)).map((f) => f.message)).toEqual(['301 > 300']);
  });

  it('counts Threads emoji as their UTF-8 bytes', () => {
    const rule = limit([{ metric: 'length', counting: 'threads', max: 500 }]);
    expect(check([rule], `${'a'.repeat(496)}😀`)).toEqual([]);
    expect(check([rule], `${'a'.repeat(497)}😀`).map((f) => f.message)).toEqual(['501 > 500']);
  });

  it('counts Mastodon URLs as 23 characters', () => {
    const rule = limit([{ metric: 'length', counting: 'graphemes', urlLength: 23, max: 500 }]);
    const url = `https://example.com/${'p'.repeat(40)}`;
    expect(check([rule], `${'a'.repeat(470)} ${url}`)).toEqual([]);
    expect(check([rule], `${'a'.repeat(480)} ${url}`).map((f) => f.message)).toEqual(['504 > 500']);
  });

  it('counts hashtags and points at the ones past the limit', () => {
    const rule = limit([{ metric: 'hashtags', max: 5 }]);
    const text = '#a #b #c #d #e #f';
    const [finding] = check([rule], text);
    expect(finding?.message).toBe('6 > 5');
    expect(text.slice(finding!.start, finding!.end)).toBe('#f');
    expect(check([rule], '#a #b #c #d #e')).toEqual([]);
  });

  it('counts only a run of mentions with spaces between when runOnly is set', () => {
    const rule = limit([{ metric: 'mentions', max: 4, runOnly: true }]);
    const wall = 'Thanks @ana @ben @chris @dana @eli for coming!';
    const [finding] = check([rule], wall);
    expect(finding).toMatchObject({ message: '5 > 4', start: 30, end: 34 });
    expect(wall.slice(finding!.start, finding!.end)).toBe('@eli');
    const prose =
      'Stream @adidasATLGames live and catch @LylesNoah, @Flaamingoo_, @annaahalll and @Evaglobal01 in action.';
    expect(check([rule], prose)).toEqual([]);
    expect(check([limit([{ metric: 'mentions', max: 4 }])], prose)[0]?.message).toBe('5 > 4');
    const [tail] = check([rule], 'Great night! @a @b\n@c @d @e');
    expect(tail).toMatchObject({ message: '5 > 4', start: 25, end: 27 });
  });

  it('measures the share of capitals, ignoring URLs, tags and handles', () => {
    const rule = limit([{ metric: 'capsRatio', max: 0.7, minLetters: 20 }]);
    expect(check([rule], "HUGE SALE TODAY ONLY DON'T MISS OUT").map((f) => f.message)).toEqual(['100% > 70%']);
    expect(check([rule], 'Our NASA-tested jacket ships today.')).toEqual([]);
    expect(check([rule], 'OK GO NOW')).toEqual([]);
    expect(check([rule], '@BIGBRANDACCOUNT #HUGESALEEVENT see you there')).toEqual([]);
  });

  it('counts capitals only in Latin passages of minRunWords words: names inside Japanese are not shouting', () => {
    const rule = limit([{ metric: 'capsRatio', max: 0.7, minLetters: 20, minRunWords: 3 }]);
    expect(check([rule], 'NIKEの新作スニーカー、SHIBUYA店とHARAJUKU店で本日発売。NEW BALANCEも入荷。')).toEqual([]);
    expect(check([rule], '@sololeveling_en ARIIIIIIIIIIIIIIIIIISE')).toEqual([]);
    const text = '【お知らせ】NEW ARRIVALS NOW IN STORE AT ALL LOCATIONS';
    const [finding] = check([rule], text);
    expect(finding).toMatchObject({ message: '100% > 70%', start: 0, end: text.length });
    // A line break ends a passage: a two-word heading does not count, the sentence below it does.
    expect(check([rule], "BIG NEWS\nWE ARE OPEN LATE TONIGHT, DON'T MISS IT").map((f) => f.message)).toEqual([
      '100% > 70%',
    ]);
    expect(check([rule], 'SUMMER SALE\nOur stores are open late tonight for the big game.')).toEqual([]);
    // Without the option every letter counts, as before.
    const plain = limit([{ metric: 'capsRatio', max: 0.7, minLetters: 20 }]);
    expect(check([plain], 'NIKEの新作スニーカー、SHIBUYA店とHARAJUKU店で本日発売。NEW BALANCEも入荷。')).toHaveLength(
      1,
    );
  });

  it('does not count lines holding a required notice set in capitals', () => {
    const rule = limit([
      { metric: 'capsRatio', max: 0.7, minLetters: 20, minRunWords: 3, ignoreLinesWith: ['results may vary'] },
    ]);
    const notice = 'AS EVERYONE EXPERIENCES MIGRAINE DIFFERENTLY. TREATMENT RESULTS MAY VARY';
    expect(check([rule], notice)).toEqual([]);
    // Only the notice's own line is left out: a shouted line above it still counts.
    const shouted = "HUGE SALE TODAY ONLY, DON'T MISS OUT\nResults may vary.";
    expect(check([rule], shouted)).toMatchObject([{ message: '100% > 70%', start: 0, end: shouted.length }]);
    expect(check([limit([{ metric: 'capsRatio', max: 0.7, minLetters: 20 }])], notice)).toHaveLength(1);
  });

  it('finds runs of punctuation and identical emoji', () => {
    const rule = limit([
      { metric: 'repeatedPunctuation', max: 2, message: 'punct {count}' },
      { metric: 'repeatedEmoji', max: 3, message: 'emoji {count}' },
    ]);
    const text = 'セール開始！！！🎉🎉🎉🎉';
    expect(check([rule], text).map((f) => [f.message, text.slice(f.start, f.end)])).toEqual([
      ['punct 3', '！！！'],
      ['emoji 4', '🎉🎉🎉🎉'],
    ]);
    expect(check([rule], 'セールを開始しました！🎉')).toEqual([]);
  });

  it('finds forbidden characters and applies post types', () => {
    const rule = limit([{ metric: 'forbiddenChars', chars: '<>', max: 0, postTypes: ['title'] }]);
    expect(check([rule], 'a <b> title', { postType: 'title' }).map((f) => f.excerpt)).toEqual(['<']);
    expect(check([rule], 'a <b> title', { postType: 'post' })).toEqual([]);
  });

  it('lets one check carry its own severity', () => {
    const rule = limit([{ metric: 'hashtags', max: 1, severity: 'info' }]);
    expect(check([rule], '#a #b')[0]?.severity).toBe('info');
  });
});
