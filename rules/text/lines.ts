/** Lines of a draft, for checks that set aside a whole line (a required notice set in capitals). */

import type { Span } from '../draft';

/** The lines of a text that hold one of the phrases, in any case. */
export function linesHolding(text: string, phrases: readonly string[]): Span[] {
  const lowered = phrases.map((phrase) => phrase.toLowerCase());
  const spans: Span[] = [];
  const lineBreak = /\r\n|[\n\r\u2028\u2029]/g;
  let start = 0;
  for (;;) {
    const found = lineBreak.exec(text);
    const end = found ? found.index : text.length;
    const line = text.slice(start, end).toLowerCase();
    if (lowered.some((phrase) => line.includes(phrase))) spans.push({ start, end });
    if (!found) return spans;
    start = lineBreak.lastIndex;
  }
}
