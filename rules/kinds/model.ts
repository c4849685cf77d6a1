/**
 * `model`: a warning from one head of a pack model (rules/model/) when the draft reads like the
 * texts it learned as problems, worded in ways no rule of the pack lists. The finding covers the
 * sentence that weighs most; {words} names what in it weighs most, {score} the model's probability.
 * Such a rule speaks only where the pack's own rules of its category are silent (compile.ts), and
 * may not block: a score is a reason to look again, not a verdict.
 */
import { z } from 'zod';
import type { Draft } from '../draft';
import { id, ruleBase, Severity } from '../fields';
import { defineKind } from './kind';

export const ModelRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('model'),
  severity: Severity.exclude(['block'], { error: 'a model rule warns or informs; it never blocks' }),
  /** The pack model (`models`) and its head. */
  model: id,
  head: id,
  /** The probability (0–1) from which the rule speaks. */
  threshold: z.number().gt(0).lt(1),
  /** How many of the heaviest words {words} lists. */
  words: z.number().int().min(1).max(8).default(3),
});

export default defineKind({
  kind: 'model',
  compile(rule, context) {
    const model = context.model(rule.model);
    const head = model.head(rule.head);
    return (draft: Draft) => {
      const score = model.score(draft.text)(head);
      if (!score || score.probability < rule.threshold) return [];
      const words = score
        .words(rule.words)
        .map((word) => `“${word}”`)
        .join(', ');
      return [{ ...score.sentence, vars: { words, score: Math.round(score.probability * 100) / 100 } }];
    };
  },
});
