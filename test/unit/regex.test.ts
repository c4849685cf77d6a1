import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compilePattern,
  LENGTH_BUDGET,
  PATH_BUDGET,
  PatternError,
  patternBound,
  preparePattern,
  requiredLiterals,
  unsafeReason,
} from '../../rules/text/regex';

const all = (source: string, text: string, ignoreCase = true) => {
  const found: string[] = [];
  compilePattern(source, ignoreCase).forEach(text, (s, e) => found.push(text.slice(s, e)));
  return found;
};

describe('pattern safety', () => {
  it('accepts patterns whose backtracking is bounded', () => {
    for (const source of [
      'will (double|triple)',
      '他社(製品|の).{0,10}(粗悪|危険)',
      '\\d{1,3}%',
      '(?:\\s|,){0,3}x',
      '(ab){2,5}',
      '[^}]{0,40}\\}\\}',
    ]) {
      expect(unsafeReason(source), source).toBeUndefined();
    }
  });

  it('rejects unbounded repetition, saying what to write instead', () => {
    expect(unsafeReason('(a+)+$')).toMatch(/unbounded repetition "\+".*write a bound such as \{1,50\}/);
    expect(unsafeReason('x.*y')).toMatch(/unbounded repetition "\*".*\{0,50\}/);
    expect(unsafeReason('\\d{3,}')).toMatch(/unbounded repetition "\{3,\}".*\{3,50\}/);
  });

  it('rejects patterns with too many ways to match at one position', () => {
    expect(unsafeReason('(a|aa){0,30}b')).toMatch(new RegExp(`more than ${PATH_BUDGET} ways`));
    expect(unsafeReason('.{0,99}.{0,99}')).toMatch(/more than/);
    expect(unsafeReason('.{0,250}')).toBeUndefined();
  });

  it('rejects look-around, backreferences and inline flags', () => {
    expect(unsafeReason('foo(?=bar)')).toMatch(/look-around is not allowed/);
    expect(unsafeReason('(?<!a)b')).toMatch(/look-around/);
    expect(unsafeReason('(a)\\1')).toMatch(/backreferences are not allowed/);
    expect(unsafeReason('(?i)abc')).toMatch(/^invalid pattern .*inline flags are not allowed/);
    // Not a flag: an invalid group, not inline flags (a fuzz counterexample).
    expect(unsafeReason('(?A)')).toMatch(/^invalid pattern .*invalid group/);
    // An empty "(?)" names no flag: it is broken syntax (found by the fuzz test below, seed 930466283).
    expect(unsafeReason('(?)[]')).toMatch(/^invalid pattern/);
    expect(unsafeReason('(?-)')).toMatch(/^invalid pattern/);
  });

  it('rejects broken syntax with a clear message', () => {
    expect(() => compilePattern('[unclosed', true)).toThrow(PatternError);
    expect(() => compilePattern('(open', true)).toThrow(/at 5: unterminated group/);
    expect(() => compilePattern('a{5,2}', true)).toThrow(/out of order/);
    expect(() => compilePattern('?x', true)).toThrow(/nothing to repeat/);
  });

  it('reads [] and [^] as JavaScript does: whole classes, so what follows is seen', () => {
    // Read as "[^](\w+)+[\]" by a hand parser, this froze a Mastodon tab on an ordinary hashtag.
    expect(unsafeReason('[^](\\w+)+[\\]]')).toMatch(/at 8: unbounded repetition "\+"/);
    expect(unsafeReason('[](a+)')).toMatch(/unbounded repetition "\+"/);
    expect(all('a[^]b', 'a\nb axb')).toEqual(['a\nb', 'axb']);
    expect(all('a[]b', 'ab a]b')).toEqual([]);
  });

  it('bounds the product of nested repetitions, not only the ways to match', () => {
    // 1,000 ways, but each up to 999 characters long: seconds on a long draft in Node 20.
    expect(patternBound('\\p{L}{0,999}x')).toEqual({ paths: 1000, length: 999 });
    expect(unsafeReason('\\p{L}{0,999}x')).toMatch(
      new RegExp(`more than ${LENGTH_BUDGET} characters from one position .*the limit is ${LENGTH_BUDGET}`),
    );
    expect(unsafeReason('(?:abc){0,100}')).toMatch(/more than 256 characters/);
    expect(unsafeReason('(?:[a-z]{0,20}){0,20}')).toMatch(/more than 1000 ways/);
    expect(patternBound('(?:a{2}){3}b')).toEqual({ paths: 1, length: 7 });
    expect(unsafeReason('\\p{L}{0,200}x')).toBeUndefined();
  });

  it('reads escapes, properties and names as JavaScript does', () => {
    expect(all('\\x41BC', 'xABC abc', false)).toEqual(['ABC']);
    expect(all('caf\\u00e9', 'un café')).toEqual(['café']);
    expect(all('\\u{1F600}', 'a😀b')).toEqual(['😀']);
    expect(all('(?<word>ok)', 'ok!')).toEqual(['ok']);
    expect(unsafeReason('(?<a>x)|(?<a>y)')).toMatch(/group name "a" is used twice/);
    expect(unsafeReason('(?<a>x)\\k<a>')).toMatch(/backreferences are not allowed/);
    expect(unsafeReason('(?i:abc)')).toMatch(/inline flags are not allowed/);
    // \p{L} wants unicode mode; an escape that unicode mode refuses is then an error, not the letter p.
    expect(unsafeReason('\\p{L}\\-')).toMatch(/invalid pattern .* invalid escape/);
    expect(all('\\p{Han}\\p{Hiragana}', '漢か abc')).toEqual(['漢か']);
    expect(all('\\\\p{Han}', 'a\\p{Han}', false)).toEqual(['\\p{Han}']);
  });

  it('bounds the worst case: an accepted pattern on a long hostile draft returns', () => {
    expect(all('(a{0,30}){0,1}a{0,30}b', 'a'.repeat(5000))).toEqual([]);
    expect(all('(?:a|b){0,8}c', 'ab'.repeat(3000))).toEqual([]);
    expect(all('\\p{L}{0,250}x', 'あ'.repeat(5000))).toEqual([]);
  });

  it('steps past an emoji after an empty match instead of searching the same place for ever', () => {
    // Found by the fuzz test: in unicode mode a search started inside a surrogate pair starts again at the pair.
    const pattern = compilePattern('\\p{Lu}?', false);
    const text = '😀😀X 😀Y';
    const whole: number[][] = [];
    pattern.forEach(text, (s, e) => whole.push([s, e]));
    expect(whole).toEqual([
      [4, 5],
      [8, 9],
    ]);
    const near: number[][] = [];
    pattern.forEachNear?.(
      text,
      [
        { start: 4, end: 5 },
        { start: 8, end: 9 },
      ],
      (s, e) => near.push([s, e]),
    );
    expect(near).toEqual(whole);
  });

  it('translates RE2-style script classes', () => {
    expect(all('\\p{Han}{2}', 'abc 漢字 かな')).toEqual(['漢字']);
    expect(all('\\p{L}{2}', '1ab2')).toEqual(['ab']);
  });

  it('matches case-insensitively unless asked not to', () => {
    expect(all('will (double|triple)', 'It WILL Double')).toEqual(['WILL Double']);
    expect(all('will (double|triple)', 'It WILL Double', false)).toEqual([]);
  });
});

describe('the literals a pattern needs', () => {
  it('are found through alternations, sequences and required repetition', () => {
    expect(requiredLiterals('will (double|triple)')).toEqual(['will double', 'will triple']);
    expect(requiredLiterals('年利\\d{1,3}%')).toEqual(['年利']);
    expect(requiredLiterals('\\{\\{[^}]{0,40}\\}\\}')).toEqual(['{{']);
    expect(requiredLiterals('(order|account)[ a-z]{0,10}\\d{6}')).toEqual(['order', 'account']);
    expect(requiredLiterals('a?\\d')).toBeUndefined();
    // A space is in every draft: as a gate it would let every draft through and cost a hit per space.
    expect(requiredLiterals('\\b[A-Z][a-z]{1,12} [A-Z][a-z]{1,15}\\b')).toBeUndefined();
    expect(requiredLiterals('[A-Z][a-z]+ (?:left|skipped)')).toEqual([' left', ' skipped']);
    expect(requiredLiterals('x|\\d')).toBeUndefined();
    // Escapes are the characters they stand for: the prefilter finds "ABC" and "café".
    expect(requiredLiterals('\\x41BC')).toEqual(['ABC']);
    expect(requiredLiterals('caf\\u00e9')).toEqual(['café']);
    expect(requiredLiterals('^\\bno\\.1\\b')).toEqual(['no.1']);
    expect(requiredLiterals('[!?]{3,20}')).toEqual(['!', '?']);
  });

  it('are in every match, so a draft without them can be skipped', () => {
    const sources = ['will (double|triple)', '(ab){1,3}c?', 'x[a-c]{0,2}(?:yz|q)', '(?:foo|ba[rz])!?', 'k\\.?m'];
    let matches = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        // Pieces of the patterns' words, so that drafts often match and sometimes nearly do.
        fc
          .array(
            fc.constantFrom(
              'will ',
              'WILL ',
              'double',
              'triple',
              'ab',
              'c',
              'x',
              'a',
              'yz',
              'q',
              'foo',
              'ba',
              'r',
              'z',
              '!',
              'k',
              '.',
              'm',
              ' ',
            ),
            {
              maxLength: 12,
            },
          )
          .map((pieces) => pieces.join('')),
        (source, text) => {
          const literals = requiredLiterals(source)!;
          const lower = text.toLowerCase();
          compilePattern(source, true).forEach(text, (s, e) => {
            const match = lower.slice(s, e);
            matches++;
            expect(literals.some((l) => match.includes(l.toLowerCase()))).toBe(true);
          });
        },
      ),
      { numRuns: 400 },
    );
    // The alphabet makes matches common: the property was exercised, not passed vacuously.
    expect(matches).toBeGreaterThan(20);
  });

  it('note a \\b before or after a literal, so that it is looked for only at a word edge', () => {
    const edges = (source: string) =>
      preparePattern(source).literals?.map(({ text, wordStart, wordEnd }) => [text, wordStart, wordEnd]);
    expect(edges('(% ?off|\\bends?|\\bending) (today|tonight)')).toEqual([
      [' today', false, false],
      [' tonight', false, false],
    ]);
    // The edge reaches into a group: each way the group starts is tied to it.
    expect(edges('\\b(?:ends?|ending)\\b')).toEqual([
      ['end', true, false],
      ['ending', true, false],
    ]);
    expect(edges('\\b(?:ends|ending)\\b')).toEqual([
      ['ends', true, true],
      ['ending', true, true],
    ]);
    expect(edges('\\bcure[sd]?\\b')).toEqual([['cure', true, false]]);
    expect(edges('\\bno\\.1\\b')).toEqual([['no.1', true, true]]);
    // \\b before a non-word character means a word ends there: no edge to rely on.
    expect(edges('\\b%off')).toEqual([['%off', false, false]]);
    // \\B and anchors are no edges.
    expect(edges('\\Bend')).toEqual([['end', false, false]]);
    expect(edges('^end$')).toEqual([['end', false, false]]);
    // A \\b that an optional part may separate from the literal is no edge of it.
    expect(edges('\\b(?:re)?fund')).toEqual([['fund', false, false]]);
    // The text keeps no mark: requiredLiterals gives the bare strings.
    expect(requiredLiterals('\\bends?\\b|\\bending')).toEqual(['end', 'ending']);
  });

  it('with their word edges, are in every match as the browser reads \\b', () => {
    const sources = ['\\bends?\\b', '(?:\\bend|week)end', '\\b(?:do|don)\\b ?it', '[a-z]{0,3}\\bfoo', 'é?\\bfoo\\b'];
    let matches = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc
          .array(fc.constantFrom('end', 'END', 's', 'week', 'do', 'n', ' ', 'it', 'foo', 'é', '_', '1', '.', 'ſ'), {
            maxLength: 10,
          })
          .map((pieces) => pieces.join('')),
        (source, text) => {
          const literals = preparePattern(source).literals!;
          const lower = text.toLowerCase();
          const word = (char: string | undefined) => char !== undefined && /[a-z0-9_]/.test(char);
          compilePattern(source, true).forEach(text, (s, e) => {
            matches++;
            // Some literal lies in the match where its edges hold in the whole text.
            const held = literals.some(({ text: literal, wordStart, wordEnd }) => {
              for (
                let at = lower.indexOf(literal, s);
                at >= 0 && at + literal.length <= e;
                at = lower.indexOf(literal, at + 1)
              ) {
                if (wordStart && word(lower[at - 1])) continue;
                if (wordEnd && word(lower[at + literal.length])) continue;
                return true;
              }
              return false;
            });
            expect(held).toBe(true);
          });
        },
      ),
      { numRuns: 600 },
    );
    expect(matches).toBeGreaterThan(20);
  });
});

describe('the checker against the parser', () => {
  // Pattern pieces that trip hand-written parsers: empty and negated classes, escaped brackets,
  // escapes that stand for characters, properties, names, quantifiers of every form.
  const piece = fc.oneof(
    fc.constantFrom(
      '[]',
      '[^]',
      '[\\]]',
      '[^\\]]',
      ']',
      '[',
      '(',
      ')',
      '(?:',
      '(?<n>',
      '(?=',
      '(?i:',
      '|',
      '\\',
      '\\\\',
      '\\x41',
      '\\u00e9',
      '\\u{1F600}',
      '\\p{L}',
      '\\p{Han}',
      '\\k<n>',
      '\\1',
      '\\b',
      '^',
      '$',
      '.',
      '\\w',
      '\\d',
      '*',
      '+',
      '?',
      '{2}',
      '{0,9}',
      '{0,99}',
      '{3,}',
      '{',
      '}',
      'a',
      'あ',
      '-',
    ),
    fc.string({ maxLength: 2 }),
  );
  const source = fc.array(piece, { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(''));
  // Modifiers and repeated group names are ES2025, which the parser reads and Node 20 does not.
  const es2025 = (text: string) => text.includes('(?i:') || (text.match(/\(\?<n>/g)?.length ?? 0) > 1;
  const engineAccepts = (text: string, flags: string) => {
    try {
      new RegExp(text, flags);
      return true;
    } catch {
      return false;
    }
  };

  it('never accepts what JavaScript rejects, and compiles all it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(source, (text) => {
        const reason = unsafeReason(text);
        if (!engineAccepts(text, 'u') && !engineAccepts(text, '') && !/\\p\{/.test(text)) expect(reason).toBeDefined();
        if (reason === undefined) {
          accepted++;
          expect(() => compilePattern(text, true)).not.toThrow();
        } else if (!/^invalid pattern/.test(reason) && !es2025(text)) {
          // Refused for safety: the parser read it as a valid expression, and so does the engine.
          expect(engineAccepts(text, 'u') || engineAccepts(text, '')).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('runs every accepted pattern in bounded time on adversarial drafts', () => {
    let ran = 0;
    fc.assert(
      fc.property(source, fc.constantFrom('a', 'aa-', 'あ', 'A1 ', ']', '😀'), (text, unit) => {
        if (unsafeReason(text) !== undefined) return;
        const pattern = compilePattern(text, true);
        const { paths, length } = patternBound(text);
        expect(paths).toBeLessThanOrEqual(PATH_BUDGET);
        expect(length).toBeLessThanOrEqual(LENGTH_BUDGET);
        // The pattern's own pieces, repeated, then a character that makes it fail at the end.
        const draft = `${unit.repeat(Math.ceil(3000 / unit.length))}\u0000`;
        const started = performance.now();
        pattern.forEach(draft, () => {});
        ran++;
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 1500 },
    );
    expect(ran).toBeGreaterThan(50);
  });
});
