/**
 * `require`: when a draft has one thing, it must have another, in the right place. A post that
 * speaks of a gift or a sponsor must carry a disclosure (FTC Endorsement Guides; Japan's
 * stealth-marketing rule), a "No.1" claim must state its basis nearby.
 */

import { z } from 'zod';
import { compileCue } from '../cue';
import type { Draft, Span } from '../draft';
import { Cue, ruleBase } from '../fields';
import { defineKind, type RawFinding } from './kind';

export const RequireRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('require'),
  /** The condition: when the draft has one of these… (absent: always) */
  when: Cue.optional(),
  /** …it must also have one of these. */
  need: Cue,
  /** Where `need` must be: within the first N characters, before the k-th hashtag, near the cue. */
  position: z
    .strictObject({
      withinFirst: z.number().int().min(1).optional(),
      beforeHashtag: z.number().int().min(1).optional(),
      near: z.number().int().min(1).optional(),
    })
    .optional(),
  /** `missing`: flag when nothing of `need` is present. `misplaced`: flag when present but out of position. */
  report: z.enum(['missing', 'misplaced']).default('missing'),
  /** Drafts that also contain one of these are not checked (e.g. a negated cue). */
  unless: Cue.optional(),
});

const gap = (a: Span, b: Span) => Math.max(0, a.start - b.end, b.start - a.end);

export default defineKind({
  kind: 'require',
  termLists: (rule) => [
    [['when', 'terms'], rule.when?.terms],
    [['need', 'terms'], rule.need.terms],
    [['unless', 'terms'], rule.unless?.terms],
  ],
  patterns: (rule) => [
    [['when', 'pattern'], rule.when?.pattern],
    [['need', 'pattern'], rule.need.pattern],
    [['unless', 'pattern'], rule.unless?.pattern],
  ],
  compile(rule, context) {
    const when = rule.when ? compileCue(rule.when, context) : undefined;
    const need = compileCue(rule.need, context);
    const unless = rule.unless ? compileCue(rule.unless, context) : undefined;
    const position = rule.position ?? {};

    const inPosition = (draft: Draft, found: Span, cue: Span | undefined): boolean => {
      if (position.withinFirst !== undefined && found.start >= position.withinFirst) return false;
      if (position.beforeHashtag !== undefined) {
        const earlier = draft.hashtags().filter((tag) => tag.end <= found.start).length;
        if (earlier >= position.beforeHashtag) return false;
      }
      if (position.near !== undefined && cue && gap(found, cue) > position.near) return false;
      return true;
    };

    return (draft) => {
      const cues = when ? when(draft) : [{ start: 0, end: 0 }];
      if (cues.length === 0) return [];
      if (unless && unless(draft).length > 0) return [];
      const found = need(draft);
      const findings: RawFinding[] = [];
      if (rule.report === 'misplaced') {
        if (found.length === 0) return [];
        if (found.some((span) => inPosition(draft, span, cues[0]))) return [];
        findings.push({ ...found[0]! });
        return findings;
      }
      if (position.near !== undefined) {
        // Each cue needs its own requirement close by (a basis for every "No.1").
        for (const cue of cues) if (!found.some((span) => inPosition(draft, span, cue))) findings.push({ ...cue });
        return findings;
      }
      if (found.some((span) => inPosition(draft, span, cues[0]))) return [];
      const first = cues[0]!;
      return [first.end > first.start ? { ...first } : { start: 0, end: Math.min(draft.text.length, 40) }];
    };
  },
});
