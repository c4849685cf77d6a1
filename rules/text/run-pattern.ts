/**
 * Running a pack pattern that text/regex.ts has proved safe. This module holds no parser: the
 * content script runs what the background prepared when it admitted the pack.
 */

/**
 * A string every match of a pattern holds. `wordStart`/`wordEnd`: the pattern has \b right before
 * (after) it and it starts (ends) with an ASCII word character, so it counts only where a word
 * starts (ends): the "end" of `\bends?` is no reason to search the "end" in every "weekend".
 */
export interface PatternLiteral {
  readonly text: string;
  readonly wordStart: boolean;
  readonly wordEnd: boolean;
}

/** What the proof found about a pattern, and all that running it needs. */
export interface PreparedPattern {
  readonly source: string;
  /** The source JavaScript compiles (RE2's \p{Han} spelled \p{Script=Han}). */
  readonly js: string;
  /** Whether it runs in unicode mode. */
  readonly unicode: boolean;
  /** Whether it has ^ or $: they would hold at the edge of a slice, so it is searched whole. */
  readonly anchored: boolean;
  /** The most characters (and zero-width assertions) one attempt can examine. */
  readonly length: number;
  /** Strings of which every match holds one (the prefilter), or undefined when there are none to rely on. */
  readonly literals: readonly PatternLiteral[] | undefined;
}

export interface CompiledPattern {
  readonly source: string;
  /** The most UTF-16 units one attempt can read from where it starts (one more before it, for \b). */
  readonly reach: number;
  /** Calls `onMatch` for every non-overlapping, non-empty match in `text`. */
  forEach(text: string, onMatch: (start: number, end: number) => void): void;
  /**
   * The same matches, when every match holds a literal found in `text` at `literals` (start, end
   * pairs): only the neighbourhood of each literal is searched. With `from`, the matches that start
   * there or later, as a search of the whole text would find them if its last match before `from`
   * ended at or before it; with `until`, no literal's neighbourhood that starts there or later is
   * searched (matches from `until` on may or may not be reported). Undefined when the pattern
   * cannot be searched that way (it anchors at the text's start or end).
   */
  readonly forEachNear:
    | ((
        text: string,
        literals: readonly { start: number; end: number }[],
        onMatch: (start: number, end: number) => void,
        from?: number,
        until?: number,
      ) => void)
    | undefined;
}

export class PatternError extends Error {}

const quote = (source: string) => JSON.stringify(source);

/**
 * Past an empty match: one code point in unicode mode. Stepping one unit into a surrogate pair
 * would loop for ever, since a unicode-mode search started there begins again at the pair's start.
 */
function pastEmpty(text: string, index: number, unicode: boolean): number {
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return unicode && code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}

function inOrderOfEnds(spans: readonly { end: number }[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i]!.end < spans[i - 1]!.end) return false;
  return true;
}

export function runPattern(prepared: PreparedPattern, ignoreCase: boolean): CompiledPattern {
  const { source, unicode } = prepared;
  let regex: RegExp;
  try {
    // The `u` flag makes V8 several times slower on \b and classes; patterns that read the same without it go without.
    regex = new RegExp(prepared.js, `g${ignoreCase ? 'i' : ''}${unicode ? 'u' : ''}`);
  } catch (error) {
    throw new PatternError(
      `invalid pattern ${quote(source)}: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`,
    );
  }
  // What one attempt at a position can read, in UTF-16 units: each character may be a surrogate
  // pair, and \b reads one more on either side.
  const reach = 2 * prepared.length + 2;
  const forEachNear: CompiledPattern['forEachNear'] = prepared.anchored
    ? undefined
    : (text, literals, onMatch, from = 0, until = Number.POSITIVE_INFINITY) => {
        // A match holds a literal, and is at most `reach` long: it starts in [literal end − reach, literal start].
        // Term hits come in order of their ends, so those ranges come in order of their starts.
        const near = inOrderOfEnds(literals) ? literals : [...literals].sort((a, b) => a.end - b.end);
        let pos = from;
        for (let r = 0; r < near.length; r++) {
          const first = Math.max(0, near[r]!.end - reach);
          if (first >= until) break;
          let to = near[r]!.start;
          while (r + 1 < near.length && near[r + 1]!.end - reach <= to + 1) to = Math.max(to, near[++r]!.start);
          if (to < pos) continue;
          let start = Math.max(pos, first);
          // Never start inside a surrogate pair: the whole text's search, in unicode mode, does not.
          const code = text.charCodeAt(start);
          const before = text.charCodeAt(start - 1);
          if (unicode && start > pos && code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff)
            start--;
          // A slice with one unit before the first start and all an attempt can read after the last.
          const offset = Math.max(0, start - 1);
          const slice = text.slice(offset, Math.min(text.length, to + reach + 2));
          regex.lastIndex = start - offset;
          for (
            let match = regex.exec(slice), steps = 0;
            match && steps <= slice.length;
            match = regex.exec(slice), steps++
          ) {
            const at = offset + match.index;
            if (at > to) break;
            if (match[0].length === 0) {
              regex.lastIndex = pastEmpty(slice, match.index, unicode);
              pos = offset + regex.lastIndex;
              continue;
            }
            onMatch(at, at + match[0].length);
            pos = at + match[0].length;
          }
        }
      };
  return {
    source,
    reach,
    forEach(text, onMatch) {
      regex.lastIndex = 0;
      // Each step moves on by one unit at least: more steps than units would be a loop, never a match.
      for (let match = regex.exec(text), steps = 0; match && steps <= text.length; match = regex.exec(text), steps++) {
        if (match[0].length === 0) {
          regex.lastIndex = pastEmpty(text, match.index, unicode);
          continue;
        }
        onMatch(match.index, match.index + match[0].length);
      }
    },
    forEachNear,
  };
}
