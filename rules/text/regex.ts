/**
 * Patterns come from packs, which come from outside, so a pattern must never freeze a composer.
 * Preflight rejects unsafe patterns when the pack is loaded: a pattern is accepted only when its
 * backtracking is provably bounded, that is, when the number of ways it can try to match at one
 * position is at most PATH_BUDGET. Unbounded repetition (`*`, `+`, `{n,}`), look-around and
 * backreferences are refused with a message that says what to write instead (`{0,50}`).
 * Accepted patterns run on the browser's own engine, in every host alike (CLI, extension).
 */

export interface CompiledPattern {
  readonly source: string;
  /** Calls `onMatch` for every non-overlapping, non-empty match in `text`. */
  forEach(text: string, onMatch: (start: number, end: number) => void): void;
}

export class PatternError extends Error {}

/** The most paths a pattern may try per position: a 3,000-character draft then costs a few ms at worst. */
export const PATH_BUDGET = 1000;

type Node =
  | { type: 'atom'; literal?: string }
  | { type: 'seq'; items: Node[] }
  | { type: 'alt'; options: Node[] }
  | { type: 'repeat'; node: Node; min: number; max: number };

/** A small parser for the pattern dialect: JavaScript RegExp syntax without look-around or backreferences. */
class Parser {
  private i = 0;
  constructor(private readonly source: string) {}

  fail(what: string): never {
    throw new PatternError(`pattern ${JSON.stringify(this.source)} at ${this.i}: ${what}`);
  }

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.source.length) this.fail('unbalanced ")"');
    return node;
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.source[this.i] === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { type: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.source.length && this.source[this.i] !== '|' && this.source[this.i] !== ')') {
      items.push(this.quantified(this.atom()));
    }
    return { type: 'seq', items };
  }

  private atom(): Node {
    const s = this.source;
    const char = s[this.i]!;
    if (char === '(') {
      this.i++;
      if (s[this.i] === '?') {
        const rest = s.slice(this.i, this.i + 3);
        if (rest.startsWith('?:')) this.i += 2;
        else if (/^\?<[A-Za-z]/.test(rest)) this.i = s.indexOf('>', this.i) + 1 || this.fail('unclosed group name');
        else if (/^\?<?[=!]/.test(rest))
          this.fail('look-around is not allowed (it can make matching slow); match the text itself');
        else
          this.fail(
            'inline flags are not allowed; matching is case-insensitive unless the rule sets caseSensitive: true',
          );
      }
      const inner = this.alternation();
      if (s[this.i] !== ')') this.fail('missing ")"');
      this.i++;
      return inner;
    }
    if (char === '[') {
      this.i++;
      if (s[this.i] === '^') this.i++;
      if (s[this.i] === ']') this.i++;
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      if (s[this.i] !== ']') this.fail('missing "]"');
      this.i++;
      return { type: 'atom' };
    }
    if (char === '\\') {
      const next = s[this.i + 1];
      if (next === undefined) this.fail('a pattern cannot end with "\\"');
      if (/[1-9k]/.test(next)) this.fail('backreferences are not allowed (they can make matching slow)');
      this.i += 2;
      if ((next === 'p' || next === 'P' || next === 'u') && s[this.i] === '{') {
        const close = s.indexOf('}', this.i);
        if (close < 0) this.fail('missing "}"');
        this.i = close + 1;
      }
      // An escaped punctuation character stands for itself.
      return /[^A-Za-z0-9]/.test(next) ? { type: 'atom', literal: next } : { type: 'atom' };
    }
    if (char === '*' || char === '+' || char === '?' || (char === '{' && /^\{\d/.test(s.slice(this.i)))) {
      this.fail('nothing to repeat');
    }
    const width = char.codePointAt(0)! > 0xffff ? 2 : 1;
    this.i += width;
    return char === '.' || char === '^' || char === '$'
      ? { type: 'atom' }
      : { type: 'atom', literal: s.slice(this.i - width, this.i) };
  }

  private quantified(node: Node): Node {
    const s = this.source;
    let min: number;
    let max: number;
    const char = s[this.i];
    if (char === '*' || char === '+') {
      this.fail(
        `unbounded repetition "${char}" can take quadratic time or worse on a long draft; write a bound such as {${char === '*' ? 0 : 1},50}`,
      );
    } else if (char === '?') {
      min = 0;
      max = 1;
      this.i++;
    } else if (char === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i));
      if (!match) return node;
      if (match[2] !== undefined && match[3] === '') {
        this.fail(
          `unbounded repetition "${match[0]}" can take quadratic time or worse on a long draft; write a bound such as {${match[1]},50}`,
        );
      }
      min = Number(match[1]);
      max = match[3] === undefined ? min : Number(match[3]);
      if (max < min) this.fail(`{${min},${max}}: the bounds are out of order`);
      this.i += match[0].length;
    } else return node;
    if (s[this.i] === '?') this.i++;
    return this.quantified({ type: 'repeat', node, min, max });
  }
}

/** An upper bound on the paths a backtracking engine can try from one position. */
function paths(node: Node): number {
  switch (node.type) {
    case 'atom':
      return 1;
    case 'seq':
      return node.items.reduce((product, item) => product * paths(item), 1);
    case 'alt':
      return node.options.reduce((sum, option) => sum + paths(option), 0);
    case 'repeat': {
      const each = paths(node.node);
      let total = 0;
      for (let k = node.min; k <= node.max && total <= PATH_BUDGET; k++) total += each ** k;
      return total;
    }
  }
}

interface Literals {
  /** The whole match is one of these strings (a finite language), when known. */
  exact?: string[];
  /** Every match contains one of these strings. */
  some?: string[];
}

const LITERAL_LIMIT = 64;
const shortest = (list: string[] | undefined) => (list ? Math.min(...list.map((l) => l.length)) : 0);
const better = (a: string[] | undefined, b: string[] | undefined) => (shortest(b) > shortest(a) ? b : a);

/** What every match must contain: the basis of the prefilter that skips a pattern when a draft cannot match. */
function literals(node: Node): Literals {
  switch (node.type) {
    case 'atom':
      return node.literal === undefined ? {} : { exact: [node.literal], some: [node.literal] };
    case 'alt': {
      const parts = node.options.map(literals);
      const exact = parts.every((p) => p.exact) ? parts.flatMap((p) => p.exact!) : undefined;
      const some = parts.every((p) => p.some) ? parts.flatMap((p) => p.some!) : undefined;
      return {
        exact: exact && exact.length <= LITERAL_LIMIT ? exact : undefined,
        some: some && some.length <= LITERAL_LIMIT ? some : undefined,
      };
    }
    case 'repeat': {
      const inner = literals(node.node);
      if (node.min === 0) return {};
      return node.min === 1 && node.max === 1 ? inner : { some: inner.some };
    }
    case 'seq': {
      let best: string[] | undefined;
      let run: string[] | undefined = [''];
      let allExact = true;
      for (const item of node.items) {
        const part = literals(item);
        best = better(best, part.some);
        if (part.exact && run) {
          const joined: string[] = run.flatMap((a) => part.exact!.map((b) => a + b));
          run = joined.length <= LITERAL_LIMIT ? joined : undefined;
        } else {
          allExact = false;
          if (run && run[0] !== '') best = better(best, run);
          run = [''];
        }
      }
      if (run && run[0] !== '') best = better(best, run);
      return { exact: allExact && run ? run : undefined, some: best };
    }
  }
}

/**
 * Strings of which every match of `source` contains at least one, or undefined when there are none
 * to rely on. The engine looks for them with the shared automaton and runs the expression only on
 * drafts that have one.
 */
export function requiredLiterals(source: string): string[] | undefined {
  const some = literals(new Parser(source).parse()).some;
  return some?.every((literal) => literal.length > 0) ? some : undefined;
}

/** Why a pattern is unsafe, or undefined when it is safe. */
export function unsafeReason(source: string): string | undefined {
  try {
    const count = paths(new Parser(source).parse());
    if (count > PATH_BUDGET) {
      return `pattern ${JSON.stringify(source)} can try more than ${PATH_BUDGET} ways to match at each position; use smaller bounds or fewer optional parts`;
    }
    return undefined;
  } catch (error) {
    if (error instanceof PatternError) return error.message;
    throw error;
  }
}

/** Packs are written in RE2's spelling of script classes (\p{Han}); JavaScript spells it \p{Script=Han}. */
const GENERAL_CATEGORIES =
  /^(L|Lu|Ll|Lt|Lm|Lo|M|Mn|Mc|Me|N|Nd|Nl|No|P|Pc|Pd|Ps|Pe|Pi|Pf|Po|S|Sm|Sc|Sk|So|Z|Zs|Zl|Zp|C|Cc|Cf|Co|Cn)$/;
function toJavaScript(source: string): string {
  return source.replace(/\\([pP])\{([A-Za-z_]+)\}/g, (_all, p: string, name: string) =>
    GENERAL_CATEGORIES.test(name) ? `\\${p}{${name}}` : `\\${p}{Script=${name}}`,
  );
}

/** Compile a pack's pattern; throws PatternError saying why when it is unsafe or invalid. */
export function compilePattern(source: string, ignoreCase: boolean): CompiledPattern {
  const reason = unsafeReason(source);
  if (reason) throw new PatternError(reason);
  let regex: RegExp;
  try {
    // The `u` flag makes V8 several times slower on \b and classes; ASCII-only patterns do not need it.
    const unicode = !/^[\x00-\x7f]*$/.test(source) || /\\[pPu]\{/.test(source);
    regex = new RegExp(toJavaScript(source), `g${ignoreCase ? 'i' : ''}${unicode ? 'u' : ''}`);
  } catch (error) {
    throw new PatternError(
      `invalid pattern ${JSON.stringify(source)}: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`,
    );
  }
  return {
    source,
    forEach(text, onMatch) {
      regex.lastIndex = 0;
      for (let match = regex.exec(text); match; match = regex.exec(text)) {
        if (match[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        onMatch(match.index, match.index + match[0].length);
      }
    },
  };
}
