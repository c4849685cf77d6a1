/** Lines of a draft, for checks that set aside a whole line (a required notice set in capitals). */

import type { Span } from '../draft';

const isLineBreak = (code: number) => code === 10 || code === 13 || code === 0x2028 || code === 0x2029;

/**
 * The lines that hold these spans (phrases the shared automaton found), each once, in order. Reading only
 * around the hits keeps a keystroke's cost independent of the draft's length when no notice is there.
 */
export function linesAround(text: string, spans: readonly Span[]): Span[] {
  const lines: Span[] = [];
  for (const span of spans) {
    const last = lines.at(-1);
    if (last && span.start < last.end) continue;
    let start = span.start;
    while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--;
    let end = span.end;
    while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
    lines.push({ start, end });
  }
  return lines;
}
