/**
 * A small statistical second opinion: n-gram features and a multinomial logistic regression trained with
 * AdaGrad and L2, in plain TypeScript (no dependency), deterministic for a given seed.
 *   en: lower-cased word unigrams and bigrams; ja: character bigrams and trigrams after NFKC.
 */

import { prng, shuffleInPlace } from '../prng';

export type Lang = 'en' | 'ja';

/** The n-grams of a text, each once (presence features). */
export function ngrams(text: string, lang: Lang): string[] {
  const out = new Set<string>();
  if (lang === 'en') {
    const words =
      text
        .toLowerCase()
        .normalize('NFKC')
        .match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
    for (let i = 0; i < words.length; i++) {
      out.add(words[i]!);
      if (i + 1 < words.length) out.add(`${words[i]} ${words[i + 1]}`);
    }
  } else {
    const chars = [...text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ')];
    for (let i = 0; i + 1 < chars.length; i++) {
      out.add(chars[i]! + chars[i + 1]!);
      if (i + 2 < chars.length) out.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
    }
  }
  return [...out];
}

export interface Example {
  /** feature ids (indices into a shared vocabulary), each once */
  feats: Int32Array;
  label: number;
}

export interface Model {
  classes: string[];
  /** feature id -> K weights at [id * K, id * K + K) */
  weights: Float64Array;
  bias: Float64Array;
  /** features seen at least minCount times in training (others carry no weight) */
  active: Uint8Array;
}

export interface TrainOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
  seed?: number;
  minCount?: number;
}

/** Multinomial logistic regression, AdaGrad with L2, features L2-normalised presence. */
export function train(examples: Example[], classes: string[], vocabSize: number, opts: TrainOptions = {}): Model {
  const { epochs = 12, rate = 0.5, l2 = 1e-4, seed = 9, minCount = 2 } = opts;
  const K = classes.length;
  const counts = new Int32Array(vocabSize);
  for (const e of examples) for (const g of e.feats) counts[g]!++;
  const active = new Uint8Array(vocabSize);
  for (let g = 0; g < vocabSize; g++) if (counts[g]! >= minCount) active[g] = 1;
  const weights = new Float64Array(vocabSize * K);
  const hist = new Float64Array(vocabSize * K).fill(1e-6);
  const bias = new Float64Array(K);
  const biasHist = new Float64Array(K).fill(1e-6);
  const order = examples.map((_, i) => i);
  const random = prng(seed);
  const p = new Float64Array(K);
  const model = { classes, weights, bias, active };
  const kept = examples.map((e) => Int32Array.from([...e.feats].filter((g) => active[g])));
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const idx of order) {
      const feats = kept[idx]!;
      const label = examples[idx]!.label;
      const v = feats.length ? 1 / Math.sqrt(feats.length) : 0;
      scoreInto(p, feats, v, model);
      for (let k = 0; k < K; k++) {
        const grad = p[k]! - (k === label ? 1 : 0);
        biasHist[k]! += grad * grad;
        bias[k]! -= (rate * grad) / Math.sqrt(biasHist[k]!);
        for (const g of feats) {
          const at = g * K + k;
          const gk = grad * v + l2 * weights[at]!;
          hist[at]! += gk * gk;
          weights[at]! -= (rate * gk) / Math.sqrt(hist[at]!);
        }
      }
    }
  }
  return model;
}

function scoreInto(p: Float64Array, feats: Int32Array, v: number, model: Model): void {
  const K = model.bias.length;
  for (let k = 0; k < K; k++) p[k] = model.bias[k]!;
  for (const g of feats) for (let k = 0; k < K; k++) p[k]! += model.weights[g * K + k]! * v;
  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, p[k]!);
  let sum = 0;
  for (let k = 0; k < K; k++) {
    p[k] = Math.exp(p[k]! - max);
    sum += p[k]!;
  }
  for (let k = 0; k < K; k++) p[k]! /= sum;
}

/** Class probabilities for a text's feature ids. */
export function predict(model: Model, feats: Int32Array): Float64Array {
  const kept = Int32Array.from([...feats].filter((g) => g < model.active.length && model.active[g]));
  const p = new Float64Array(model.classes.length);
  scoreInto(p, kept, kept.length ? 1 / Math.sqrt(kept.length) : 0, model);
  return p;
}

/** The flag score (1 − P(clean)) and the most likely violation category (class 0 is clean). */
export function verdict(model: Model, feats: Int32Array): { score: number; category: string } {
  const p = predict(model, feats);
  let best = 1;
  for (let k = 2; k < p.length; k++) if (p[k]! > p[best]!) best = k;
  return { score: 1 - p[0]!, category: model.classes[best]! };
}

/** A growing vocabulary: n-gram -> id. */
export class Vocab {
  readonly ids = new Map<string, number>();
  readonly grams: string[] = [];
  encode(grams: string[], grow = true): Int32Array {
    const out: number[] = [];
    for (const g of grams) {
      let id = this.ids.get(g);
      if (id === undefined && grow) {
        id = this.grams.length;
        this.ids.set(g, id);
        this.grams.push(g);
      }
      if (id !== undefined) out.push(id);
    }
    return Int32Array.from(out);
  }
}
