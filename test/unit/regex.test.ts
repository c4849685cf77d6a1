import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, compilePattern, PatternError } from '../../rules/text/regex';

const all = (source: string, text: string, ignoreCase = true) => {
  const found: string[] = [];
  compilePattern(source, ignoreCase).forEach(text, (s, e) => found.push(text.slice(s, e)));
  return found;
};

describe('pattern safety', () => {
  it('runs patterns with bounded repetition on the native engine', () => {
    expect(analyse('will (double|triple)').native).toBe(true);
    expect(analyse('他社(製品|の).{0,10}(粗悪|危険)').native).toBe(true);
    expect(analyse('\\d{1,3}%').native).toBe(true);
  });

  it('sends unbounded, nested or combinatorial patterns to RE2', () => {
    expect(analyse('(a+)+$')).toEqual({ native: false, reason: 'unbounded repetition' });
    expect(analyse('(ab){2,5}')).toEqual({ native: false, reason: 'repeated group' });
    expect(analyse('.{0,99}.{0,99}')).toEqual({ native: false, reason: 'too many combinations' });
    expect(analyse('(?i)abc')).toEqual({ native: false, reason: 'uses RE2-only syntax' });
    expect(compilePattern('(a+)+$', true).engine).toBe('re2');
  });

  it('finishes a catastrophic pattern on a long hostile draft', () => {
    // On a backtracking engine this would not finish in our lifetime.
    const hostile = `${'a'.repeat(5000)}!`;
    expect(all('(a+)+$', hostile)).toEqual([]);
    expect(all('(a|aa)+b', hostile)).toEqual([]);
    expect(all('(x+x+)+y', 'x'.repeat(5000))).toEqual([]);
  });

  it('rejects what RE2 cannot run in linear time, with RE2s reason', () => {
    expect(() => compilePattern('(a)\\1', true)).toThrow(PatternError);
    expect(() => compilePattern('foo(?=bar)', true)).toThrow(/invalid pattern/);
    expect(() => compilePattern('[unclosed', true)).toThrow(PatternError);
  });

  it('translates RE2 script classes for the native engine', () => {
    const pattern = compilePattern('\\p{Han}{2}', true);
    expect(pattern.engine).toBe('native');
    expect(all('\\p{Han}{2}', 'abc 漢字 かな')).toEqual(['漢字']);
  });

  it('matches case-insensitively unless asked not to', () => {
    expect(all('will (double|triple)', 'It WILL Double')).toEqual(['WILL Double']);
    expect(all('will (double|triple)', 'It WILL Double', false)).toEqual([]);
  });

  it('gives the same matches on both engines', () => {
    const sources = ['[a-c]{1,3}x?', 'ab|b{1,2}c', '\\d{2,4}-?\\d{0,2}', '(foo|bar)baz?', 'x[^y]{0,3}y'];
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc.string({ unit: fc.constantFrom(...'abcxyz0123-fobrz '), maxLength: 40 }),
        (source, text) => {
          const native = compilePattern(source, true);
          expect(native.engine).toBe('native');
          const viaRe2: string[] = [];
          // A redundant group forces the same pattern onto RE2.
          compilePattern(`(?:${source})(?:)*`, true).forEach(text, (s, e) => viaRe2.push(`${s}-${e}`));
          const viaNative: string[] = [];
          native.forEach(text, (s, e) => viaNative.push(`${s}-${e}`));
          expect(viaNative).toEqual(viaRe2);
        },
      ),
      { numRuns: 300 },
    );
  });
});
