/**
 * Patterns come from packs, which come from outside, so a pattern must never freeze a composer.
 * Every pattern is parsed by RE2 (re2js), which rejects backreferences and look-around.
 * A pattern whose backtracking is provably bounded (no unbounded repetition, no repeated groups,
 * few combinations) runs on the browser's own engine, which is fast; every other pattern runs on
 * re2js, whose matching time is linear in the draft's length whatever the pattern.
 */
import { RE2JS } from 're2js';

export interface CompiledPattern {
  readonly source: string;
  readonly engine: 'native' | 're2';
  /** Calls `onMatch` for every non-overlapping, non-empty match in `text`. */
  forEach(text: string, onMatch: (start: number, end: number) => void): void;
}

export class PatternError extends Error {}

/** The most backtracking combinations per start position a native pattern may have. */
const NATIVE_BUDGET = 1000;
const RE2_ONLY = /\(\?[a-zA-Z]|\(\?P|\\[QECzAx]|\\p[A-Za-z]|\[\[:/;

interface Analysis {
  native: boolean;
  reason?: string;
}

/** Conservative: answers `native: false` whenever unsure. */
export function analyse(source: string): Analysis {
  if (RE2_ONLY.test(source)) return { native: false, reason: 'uses RE2-only syntax' };
  let combinations = 1;
  // For each open group: did it contain a quantifier or an alternation?
  const groups: { risky: boolean }[] = [];
  let lastAtomWasGroup = false;
  let lastGroupRisky = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      i += source[i + 1] === 'p' || source[i + 1] === 'P' ? skipBraces(source, i + 2) - i : 1;
      lastAtomWasGroup = false;
      continue;
    }
    if (char === '[') {
      i = skipClass(source, i);
      lastAtomWasGroup = false;
      continue;
    }
    if (char === '(') {
      groups.push({ risky: false });
      if (source[i + 1] === '?') i += source[i + 2] === '<' ? source.indexOf('>', i) - i : 2;
      lastAtomWasGroup = false;
      continue;
    }
    if (char === ')') {
      const group = groups.pop();
      lastAtomWasGroup = true;
      lastGroupRisky = group?.risky ?? false;
      if (lastGroupRisky && groups.length > 0) groups[groups.length - 1]!.risky = true;
      continue;
    }
    if (char === '|') {
      if (groups.length > 0) groups[groups.length - 1]!.risky = true;
      continue;
    }
    const quantifier = readQuantifier(source, i);
    if (quantifier) {
      i = quantifier.end - 1;
      if (source[i + 1] === '?') i++;
      if (quantifier.max === Number.POSITIVE_INFINITY) return { native: false, reason: 'unbounded repetition' };
      if (quantifier.max > 1 && lastAtomWasGroup) return { native: false, reason: 'repeated group' };
      combinations *= quantifier.max - quantifier.min + 1;
      if (combinations > NATIVE_BUDGET) return { native: false, reason: 'too many combinations' };
      if (groups.length > 0) groups[groups.length - 1]!.risky = true;
      lastAtomWasGroup = false;
      continue;
    }
    lastAtomWasGroup = false;
  }
  return { native: true };
}

function skipBraces(source: string, from: number): number {
  if (source[from] !== '{') return from;
  const close = source.indexOf('}', from);
  return close < 0 ? from : close;
}

function skipClass(source: string, from: number): number {
  let i = from + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++;
  for (; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return i;
}

function readQuantifier(source: string, i: number): { min: number; max: number; end: number } | undefined {
  const char = source[i];
  if (char === '*') return { min: 0, max: Number.POSITIVE_INFINITY, end: i + 1 };
  if (char === '+') return { min: 1, max: Number.POSITIVE_INFINITY, end: i + 1 };
  if (char === '?') return { min: 0, max: 1, end: i + 1 };
  if (char !== '{') return undefined;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
  if (!match) return undefined;
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : match[3] === '' ? Number.POSITIVE_INFINITY : Number(match[3]);
  return { min, max, end: i + match[0].length };
}

/** RE2 and JavaScript spell script classes differently: \p{Han} vs \p{Script=Han}. */
const GENERAL_CATEGORIES =
  /^(L|Lu|Ll|Lt|Lm|Lo|M|Mn|Mc|Me|N|Nd|Nl|No|P|Pc|Pd|Ps|Pe|Pi|Pf|Po|S|Sm|Sc|Sk|So|Z|Zs|Zl|Zp|C|Cc|Cf|Co|Cn)$/;
function toJavaScript(source: string): string {
  return source.replace(/\\([pP])\{(\^?)([A-Za-z_]+)\}/g, (_all, p: string, negate: string, name: string) => {
    const inverted = negate ? (p === 'p' ? 'P' : 'p') : p;
    return GENERAL_CATEGORIES.test(name) ? `\\${inverted}{${name}}` : `\\${inverted}{Script=${name}}`;
  });
}

/** Compile a pack's pattern; throws PatternError with RE2's own explanation when it is invalid. */
export function compilePattern(source: string, ignoreCase: boolean): CompiledPattern {
  let re2: RE2JS;
  try {
    re2 = RE2JS.compile(source, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    throw new PatternError(`invalid pattern ${JSON.stringify(source)}: ${(error as Error).message}`);
  }
  if (analyse(source).native) {
    try {
      const native = new RegExp(toJavaScript(source), ignoreCase ? 'giu' : 'gu');
      return {
        source,
        engine: 'native',
        forEach(text, onMatch) {
          native.lastIndex = 0;
          for (let match = native.exec(text); match; match = native.exec(text)) {
            if (match[0].length === 0) {
              native.lastIndex++;
              continue;
            }
            onMatch(match.index, match.index + match[0].length);
          }
        },
      };
    } catch {
      // Valid for RE2 but not for JavaScript: RE2 runs it.
    }
  }
  return {
    source,
    engine: 're2',
    forEach(text, onMatch) {
      const matcher = re2.matcher(text);
      while (matcher.find()) {
        const start = matcher.start();
        const end = matcher.end();
        if (end > start) onMatch(start, end);
      }
    },
  };
}
