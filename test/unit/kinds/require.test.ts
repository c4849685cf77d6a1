import { describe, expect, it } from 'vitest';
import { check, matched } from '../../helpers/pack';

const disclosure = {
  id: 'disclosure',
  kind: 'require',
  category: 'legal',
  severity: 'block',
  when: { terms: ['sent me', 'gifted', 'ご提供いただき'] },
  need: { terms: ['#ad', '#sponsored', '#PR', '広告', 'プロモーション'], pattern: 'thanks to \\S{1,40} for the free' },
};

describe('require', () => {
  it('flags the cue when nothing required is present', () => {
    expect(matched([disclosure], 'Thanks @glowco for sending me this — they sent me a serum! #skincare')).toEqual([
      'sent me',
    ]);
    expect(matched([disclosure], 'ABC化粧品様にご提供いただきました！')).toEqual(['ご提供いただき']);
  });

  it('passes when a label or a clear sentence is present', () => {
    expect(matched([disclosure], '#ad They sent me a serum')).toEqual([]);
    expect(matched([disclosure], '#PR ABC化粧品様にご提供いただきました。')).toEqual([]);
    expect(matched([disclosure], 'Thanks to Acme for the free serum — they sent me two.')).toEqual([]);
  });

  it('says nothing when the condition does not hold', () => {
    expect(matched([disclosure], 'Our new serum is in stores today.')).toEqual([]);
  });

  it('reports a label out of position (after the fold or behind other hashtags)', () => {
    const buried = {
      id: 'buried',
      kind: 'require',
      need: { terms: ['#ad', '#PR'] },
      report: 'misplaced',
      position: { withinFirst: 125, beforeHashtag: 3 },
    };
    expect(matched([buried], `Loving my new serum ${'so much '.repeat(20)}#skincare #ad`)).toEqual(['#ad']);
    expect(matched([buried], 'Loving it #skincare #glow #beauty #ad')).toEqual(['#ad']);
    expect(matched([buried], '#ad Loving my new serum #skincare #glow #beauty')).toEqual([]);
    expect(matched([buried], 'No label here at all')).toEqual([]);
  });

  it('requires something near each cue', () => {
    const basis = {
      id: 'basis',
      kind: 'require',
      when: { terms: ['No.1', 'ナンバーワン'] },
      need: { terms: ['※', '調べ'] },
      position: { near: 30 },
    };
    expect(matched([basis], '顧客満足度No.1のコーヒー！')).toEqual(['No.1']);
    expect(matched([basis], '顧客満足度No.1※ ※2025年6月 当社調べ')).toEqual([]);
    expect(matched([basis], `No.1※ ${'x'.repeat(50)} ナンバーワン`)).toEqual(['ナンバーワン']);
  });

  it('skips drafts that carry an `unless` cue', () => {
    const rule = { ...disclosure, unless: { terms: ['not sponsored'] } };
    expect(check([rule], 'They sent me this, not sponsored.')).toEqual([]);
  });
});
