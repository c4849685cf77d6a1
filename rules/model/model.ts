/**
 * A pack model: a linear classifier over a sentence's hashed n-grams (features.ts), one head per
 * category, trained offline on sourced texts (scripts/train-model.ts). Rules name a model and a
 * head; the model's weights ride in the pack, so a draft never leaves the browser.
 *
 * On disk the weights are compact: the sorted feature hashes as base64 varint gaps, and per feature
 * one signed byte per head, times `scale`. Decoded, they are a dense table: one read per feature.
 */
import { z } from 'zod';
import { id, Localized } from '../fields';
import { Memo } from '../text/memo';
import {
  FEATURES_VERSION,
  featuresOf,
  maskOf,
  normalizeSentence,
  quotable,
  type Sentence,
  sentencesOf,
  visitFeatures,
} from './features';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

export const Model = z.strictObject({
  id,
  title: Localized.optional(),
  description: Localized.optional(),
  /** What the model was trained on: corpora and their sources. */
  sources: z.array(z.string().min(1)).min(1),
  features: z.literal(FEATURES_VERSION, { error: `a model of features "${FEATURES_VERSION}"` }),
  bits: z.number().int().min(8).max(20),
  heads: z
    .array(z.strictObject({ id, bias: z.number() }))
    .min(1)
    .max(16),
  scale: z.number().positive(),
  /** Sorted feature hashes, each as the unsigned LEB128 gap from the one before, in base64. */
  keys: base64,
  /** One signed byte per head for each key, key by key, in base64. */
  weights: base64,
});
export type Model = z.infer<typeof Model>;

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The keys and weights in the pack's form (the training script writes them this way). */
export function encodeWeights(keys: readonly number[], weights: Int8Array): { keys: string; weights: string } {
  const gaps: number[] = [];
  let last = 0;
  for (const key of keys) {
    let gap = key - last;
    last = key;
    while (gap >= 0x80) {
      gaps.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    gaps.push(gap);
  }
  return { keys: toBase64(Uint8Array.from(gaps)), weights: toBase64(new Uint8Array(weights.buffer)) };
}

/** Why a model cannot be used (the pack loader reports it at the model's path). */
export function modelProblem(model: Model): string | undefined {
  try {
    const keys = decodeKeys(model);
    const weights = fromBase64(model.weights);
    if (weights.length !== keys.length * model.heads.length)
      return `${weights.length} weights for ${keys.length} keys and ${model.heads.length} heads`;
    const size = 1 << model.bits;
    if (keys.some((key, i) => key >= size || (i > 0 && key <= keys[i - 1]!)))
      return `keys must rise and stay under 2^${model.bits}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return undefined;
}

function decodeKeys(model: Model): number[] {
  const bytes = fromBase64(model.keys);
  const keys: number[] = [];
  let value = 0;
  let shift = 0;
  let last = 0;
  for (const byte of bytes) {
    value += (byte & 0x7f) * 2 ** shift;
    if (byte & 0x80) {
      shift += 7;
      if (shift > 28) throw new Error('a key gap runs past 32 bits');
      continue;
    }
    last += value;
    keys.push(last);
    value = 0;
    shift = 0;
  }
  if (shift !== 0) throw new Error('the keys end inside a gap');
  return keys;
}

/** What a sentence adds to each head: the weight sum over its features, and how many it has. */
interface SentenceScore {
  /** The sentence as the model reads it (normalizeSentence). */
  normalized: string;
  sums: Float64Array;
  count: number;
}

export interface HeadScore {
  /** The probability the head gives the whole draft (0–1). */
  probability: number;
  /** The sentences (up to three in a row) that weigh most towards the head. */
  sentence: Sentence;
  /** What in that sentence weighs most, heaviest first. */
  words(limit: number): string[];
}

export interface CompiledModel {
  readonly id: string;
  head(id: string): number;
  /** Every head's score of a draft; sentences already read come from memory. */
  score(text: string): (head: number) => HeadScore | undefined;
}

/** A stand-in for contexts that only record what rules compile (terms, patterns) and never check a draft. */
export const UNREAD_MODEL: CompiledModel = { id: '', head: () => 0, score: () => () => undefined };

/** The most sentences a model reads together (see scoreWithWindow). */
const WINDOW = 3;
/**
 * The fewest distinct features a draft needs before a head speaks. A short reply is scored on a
 * handful of n-grams, divided by a small root: "ok", "Love it!", "Amazing", "DM us" all scored over
 * 0.8 and got a legal warning. Thirty is about three English words or twelve Japanese characters;
 * shorter drafts are left to the rules (no corpus text the model catches is that short).
 */
export const MIN_FEATURES = 30;

export function compileModel(model: Model): CompiledModel {
  const heads = model.heads.length;
  const table = new Int8Array((1 << model.bits) * heads);
  const bytes = new Int8Array(fromBase64(model.weights).buffer);
  decodeKeys(model).forEach((key, i) => {
    table.set(bytes.subarray(i * heads, (i + 1) * heads), key * heads);
  });
  // Which features the sentence being read has had already: a stamp per table row, so reading
  // allocates nothing per feature.
  const mask = maskOf(model.bits);
  const stamps = new Uint16Array(1 << model.bits);
  let stamp = 0;
  const read = (normalized: string): SentenceScore => {
    const sums = new Float64Array(heads);
    let count = 0;
    stamp = stamp === 0xffff ? 1 : stamp + 1;
    if (stamp === 1) stamps.fill(0);
    visitFeatures(normalized, (hash) => {
      const key = (hash & mask) >>> 0;
      if (stamps[key] === stamp) return;
      stamps[key] = stamp;
      count++;
      const at = key * heads;
      for (let h = 0; h < heads; h++) sums[h]! += table[at + h]!;
    });
    for (let h = 0; h < heads; h++) sums[h]! *= model.scale;
    return { normalized, sums, count };
  };
  // A composer's drafts differ by one edit: every other sentence is read from memory.
  const sentences = new Memo<SentenceScore>(2_000);
  const headIds = model.heads.map((head) => head.id);
  let last: { text: string; result: (head: number) => HeadScore | undefined } | undefined;

  return {
    id: model.id,
    head(headId) {
      return headIds.indexOf(headId);
    },
    score(text) {
      // The model's rules run one after another on the same draft.
      if (last?.text === text) return last.result;
      const spans = sentencesOf(text);
      const scores = spans.map((span) => {
        const raw = text.slice(span.start, span.end);
        return sentences.get(raw, () => read(normalizeSentence(raw)));
      });
      const normalized = scores.map((score) => score.normalized);
      const result = (head: number): HeadScore | undefined => {
        if (head < 0 || head >= heads) return undefined;
        const best = scoreWithWindow(normalized, scores, head);
        if (!best) return undefined;
        const window = normalized.slice(best.from, best.to);
        return {
          probability: 1 / (1 + Math.exp(-best.z)),
          sentence: { start: spans[best.from]!.start, end: spans[best.to - 1]!.end },
          words: (limit) => heaviest(window, head, limit),
        };
      };
      last = { text, result };
      return result;
    },
  };

  /**
   * The draft's score, as the model learned whole posts: every distinct sentence counts once, so
   * repeating one never raises it. What the finding shows is the run of up to WINDOW sentences that
   * adds most to the head.
   */
  function scoreWithWindow(normalized: readonly string[], scores: readonly SentenceScore[], head: number) {
    let sum = model.heads[head]!.bias;
    let count = 0;
    const distinct = normalized.map((sentence, i) => normalized.indexOf(sentence) === i);
    scores.forEach((score, i) => {
      if (!distinct[i]) return;
      sum += score.sums[head]!;
      count += score.count;
    });
    if (count < MIN_FEATURES) return undefined;
    let best = { from: 0, to: 1, weight: Number.NEGATIVE_INFINITY };
    for (let from = 0; from < scores.length; from++) {
      let weight = 0;
      for (let to = from; to < Math.min(scores.length, from + WINDOW); to++) {
        weight += scores[to]!.sums[head]!;
        // The shortest run of the most weight: a sentence that adds nothing is not shown.
        const shorter = to + 1 - from < best.to - best.from;
        if (weight > best.weight || (weight === best.weight && shorter)) best = { from, to: to + 1, weight };
      }
    }
    return { from: best.from, to: best.to, z: sum / Math.sqrt(count) };
  }

  /** The features of the sentences that weigh most towards a head, without ones inside a heavier one. */
  function heaviest(sentences: readonly string[], head: number, limit: number): string[] {
    const weighed = [...new Set(sentences)]
      .flatMap((sentence) =>
        featuresOf(sentence, model.bits, true).map((feature) => ({
          text: quotable(feature, sentence),
          weight: table[feature.hash * heads + head]!,
        })),
      )
      .filter((feature): feature is { text: string; weight: number } => feature.weight > 0 && !!feature.text)
      .sort((a, b) => b.weight - a.weight || b.text.length - a.text.length);
    const out: string[] = [];
    for (const { text } of weighed) {
      if (out.length >= limit) break;
      if (out.some((kept) => kept.includes(text) || text.includes(kept))) continue;
      out.push(text);
    }
    return out;
  }
}
