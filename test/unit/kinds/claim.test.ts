import { describe, expect, it } from 'vitest';
import { check, matched } from '../../helpers/pack';

const health = (extra: Record<string, unknown> = {}) => ({
  id: 'c',
  kind: 'claim',
  subject: ['アトピー', 'ガン', 'eczema', 'arthritis pain'],
  predicate: ['改善', '治る', '予防', 'clears up', 'relieves'],
  message: { en: '{predicate} {subject}: "{match}"', ja: '{subject}が{predicate}' },
  ...extra,
});

describe('claim', () => {
  it('finds a subject and a predicate in either order, spanning both, and names both', () => {
    const text = 'アトピーが改善しました。This clears up eczema fast.';
    const findings = check([health()], text);
    expect(findings.map((f) => [f.start, f.end, f.excerpt, f.message])).toEqual([
      [0, 7, 'アトピーが改善', '改善 アトピー: "アトピーが改善"'],
      [17, 33, 'clears up eczema', 'clears up eczema: "clears up eczema"'],
    ]);
  });

  it('keeps to one clause and to `within` characters', () => {
    expect(matched([health()], 'アトピー。改善')).toEqual([]);
    expect(matched([health()], 'アトピー、改善')).toEqual(['アトピー、改善']);
    expect(matched([health()], 'eczema.\nRelieves')).toEqual([]);
    expect(matched([health({ crossClause: true })], 'eczema. Relieves')).toEqual(['eczema. Relieves']);
    expect(matched([health()], `eczema ${'x'.repeat(18)} relieves`)).toEqual([`eczema ${'x'.repeat(18)} relieves`]);
    expect(matched([health()], `eczema ${'x'.repeat(19)} relieves`)).toEqual([]);
    expect(matched([health({ within: 30 })], `eczema ${'x'.repeat(19)} relieves`)).toHaveLength(1);
  });

  it('honours `order`', () => {
    expect(matched([health({ order: 'subject-first' })], 'relieves eczema; ガンが治る')).toEqual(['ガンが治る']);
    expect(matched([health({ order: 'predicate-first' })], 'relieves eczema; ガンが治る')).toEqual(['relieves eczema']);
  });

  it('is cancelled by a negation before, after or between its parts', () => {
    expect(matched([health()], 'ガンが治るものではありません')).toEqual([]);
    expect(matched([health()], 'This does not relieve eczema, and never relieves arthritis pain')).toEqual([]);
    expect(matched([health()], 'eczema is not relieved by it; arthritis pain: relieves')).toEqual([
      'arthritis pain: relieves',
    ]);
    // A negation in another clause does not reach the claim.
    expect(matched([health()], '副作用はない。アトピーが改善')).toEqual(['アトピーが改善']);
  });

  it('takes the allow-list and co-occurrence controls', () => {
    expect(matched([health({ exceptions: ['ガン予防研究'] })], 'ガン予防研究に寄付')).toEqual([]);
    expect(matched([health({ with: { terms: ['cream'] } })], 'ガン予防')).toEqual([]);
    expect(matched([health({ with: { terms: ['cream'] } })], 'ガン予防 cream')).toEqual(['ガン予防']);
  });

  it('reports non-overlapping claims, tightest first, up to the limit', () => {
    expect(matched([health()], 'ガン予防、アトピー改善')).toEqual(['ガン予防', 'アトピー改善']);
    expect(matched([health({ limit: 1 })], 'ガン予防、アトピー改善')).toEqual(['ガン予防']);
  });
});
