import { describe, expect, it } from 'vitest';
import { foldTerm } from '../../rules/text/fold';
import { type TermHit, TermMatcher } from '../../rules/text/matcher';

function scan(terms: string[], text: string): string[] {
  const matcher = new TermMatcher();
  terms.forEach((term, i) => {
    matcher.add(foldTerm(term, true), 0, i);
  });
  const hits: TermHit[] = [];
  matcher.scan(foldTerm(text, true), (list, term, start, end) => hits.push({ list, term, start, end }));
  return hits.map((hit) => `${terms[hit.term]}@${hit.start}`);
}

describe('TermMatcher', () => {
  it('matches Latin terms as whole words only', () => {
    expect(scan(['ad'], 'ad, bad, adidas, #ad')).toEqual(['ad@0', 'ad@18']);
  });

  it('matches Japanese terms anywhere, since Japanese has no spaces', () => {
    expect(scan(['元本保証'], 'この商品は元本保証です')).toEqual(['元本保証@5']);
  });

  it('applies the boundary only at Latin edges of mixed terms', () => {
    expect(scan(['no.1'], '顧客満足度No.1！')).toEqual(['no.1@5']);
    expect(scan(['no.1'], 'No.10')).toEqual([]);
  });

  it('finds overlapping and nested terms', () => {
    expect(scan(['guaranteed', 'guaranteed returns', 'returns'], 'guaranteed returns')).toEqual([
      'guaranteed@0',
      'guaranteed returns@0',
      'returns@11',
    ]);
  });

  it('follows failure links (she / he / hers)', () => {
    expect(scan(['he', 'she', 'his', 'hers'], 'ushers')).toEqual([]);
    expect(scan(['he', 'she', 'his', 'hers'], 'u she hers')).toEqual(['she@2', 'hers@6']);
  });

  it('holds thousands of terms in one automaton', () => {
    const terms = Array.from({ length: 5000 }, (_, i) => `term${i}x`);
    expect(scan(terms, 'a term4999x and term12x but not term12')).toEqual(['term4999x@2', 'term12x@16']);
  });
});
