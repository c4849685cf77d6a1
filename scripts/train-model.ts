/**
 * Trains the default pack's model (rules/packs/default/models/cited-texts.json): a logistic
 * regression per category over the features of rules/model/features.ts, from the evaluation
 * corpus (real, sourced texts) and the pack's own rule examples. The judges' held-out sets
 * (ids `…-fresh<N>-collect…`, collected by engineers who changed no rule) are never trained
 * on: `npm run eval` measures the model on them, the only honest figure for texts it has not seen.
 * Deterministic: the same corpus and pack give the same file.
 *   npm run train-model [-- --out FILE] [--corpus DIR] [--pack DIR]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_PACK_DIR } from '../cli/builtin-pack';
import { joinPackFolder } from '../cli/pack-source';
import { FEATURES_VERSION, featuresOf, normalizeSentence, sentencesOf } from '../rules/model/features';
import { encodeWeights, type Model } from '../rules/model/model';
import { CORPUS_DIR, corpusFiles, isHeldOut, parseCorpus } from './eval';
import { prng, shuffleInPlace } from './prng';

/**
 * The categories the model learns. Heads for risk, etiquette and privacy were trained too and, on the
 * judges' sets of rounds 12–20, caught nothing the rules missed: they were left out (docs/evaluation.md).
 */
export const HEADS = ['legal'] as const;
const BITS = 18;
const EPOCHS = 15;
const LEARNING_RATE = 0.5;
const L2 = 1e-4;
/** Kept features (the heaviest): the pack stays small and a tab holds one table. */
const MAX_FEATURES = 60_000;
const SEED = 20261206;

interface Example {
  text: string;
  /** The head it is a problem for, or undefined for a clean text. */
  head: number | undefined;
}

export function examplesFromCorpus(dir = CORPUS_DIR): Example[] {
  const files = corpusFiles(dir);
  const items = parseCorpus(files.map((file) => ({ file, text: readFileSync(file, 'utf8') })));
  return items
    .filter((item) => !isHeldOut(item))
    .map((item) => ({
      text: item.text,
      head: item.expect === 'flag' ? HEADS.indexOf(item.category as (typeof HEADS)[number]) : undefined,
    }));
}

/**
 * Lexicons of wordings regulators permit or require (the 56 cosmetic efficacy items, authorised health
 * claims' context, risk warnings, notices set in capitals): each entry is a clean text, so the model
 * learns that they are how compliant copy reads.
 */
const PERMITTED_LEXICONS = ['cosmetic-permitted', 'authorised-claim-context', 'risk-warning', 'capitalised-notice'];

/** The pack's rule examples: a flag example is a problem of its rule's category, a pass example is not. */
export function examplesFromPack(dir = DEFAULT_PACK_DIR): Example[] {
  const { document } = joinPackFolder(dir);
  const out: Example[] = [];
  for (const lexicon of document.lexicons as { id: string; terms?: unknown[] }[]) {
    if (!PERMITTED_LEXICONS.includes(lexicon.id)) continue;
    for (const term of lexicon.terms ?? []) {
      const text = typeof term === 'object' && term !== null ? (term as { term?: unknown }).term : term;
      if (typeof text === 'string') out.push({ text, head: undefined });
    }
  }
  for (const rule of document.rules as { kind?: string; category?: string; examples?: Record<string, unknown[]> }[]) {
    if (rule.kind === 'model') continue;
    for (const side of ['flag', 'pass'] as const) {
      for (const example of rule.examples?.[side] ?? []) {
        const text = typeof example === 'object' && example !== null ? (example as { text?: unknown }).text : example;
        if (typeof text !== 'string' && typeof text !== 'number') continue;
        const head = HEADS.indexOf(rule.category as (typeof HEADS)[number]);
        out.push({ text: String(text), head: side === 'flag' && head >= 0 ? head : undefined });
      }
    }
  }
  return out;
}

/** A text's features, sentence by sentence, as the checker reads them (features.ts). */
function featuresOfText(text: string): Uint32Array {
  const all: number[] = [];
  for (const span of sentencesOf(text))
    for (const feature of featuresOf(normalizeSentence(text.slice(span.start, span.end)), BITS)) all.push(feature.hash);
  return Uint32Array.from(all);
}

export function train(examples: Example[]): Model {
  const heads = HEADS.length;
  const size = 1 << BITS;
  const weights = new Float64Array(size * heads);
  const squares = new Float64Array(size * heads).fill(1e-6);
  const bias = new Float64Array(heads);
  const features = examples.map((example) => featuresOfText(example.text));
  const random = prng(SEED);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    shuffleInPlace(order, random);
    for (const index of order) {
      const f = features[index]!;
      if (f.length === 0) continue;
      const norm = Math.sqrt(f.length);
      for (let h = 0; h < heads; h++) {
        let z = bias[h]!;
        for (const key of f) z += weights[key * heads + h]!;
        const p = 1 / (1 + Math.exp(-z / norm));
        const error = p - (examples[index]!.head === h ? 1 : 0);
        const step = error / norm;
        for (const key of f) {
          const at = key * heads + h;
          const gradient = step + L2 * weights[at]!;
          squares[at]! += gradient * gradient;
          weights[at]! -= (LEARNING_RATE * gradient) / Math.sqrt(squares[at]!);
        }
        bias[h]! -= 0.01 * error;
      }
    }
  }
  // Keep the heaviest features, each head's weight in one signed byte.
  const heaviest = new Float64Array(size);
  for (let key = 0; key < size; key++)
    for (let h = 0; h < heads; h++) heaviest[key] = Math.max(heaviest[key]!, Math.abs(weights[key * heads + h]!));
  const cutoff = [...heaviest].sort((a, b) => b - a)[MAX_FEATURES - 1] ?? 0;
  const kept: number[] = [];
  for (let key = 0; key < size; key++) if (heaviest[key]! > 0 && heaviest[key]! >= cutoff) kept.push(key);
  const scale = Math.max(...kept.map((key) => heaviest[key]!)) / 127;
  const bytes = new Int8Array(kept.length * heads);
  kept.forEach((key, i) => {
    for (let h = 0; h < heads; h++) bytes[i * heads + h] = Math.round(weights[key * heads + h]! / scale);
  });
  return {
    id: 'cited-texts',
    title: { en: 'Texts like those regulators and the public cited', ja: '規制当局や世間に指摘された文面との近さ' },
    sources: [
      `eval/corpus (${examples.length} texts with the pack's examples; the judges' held-out sets fresh<N>-collect* left out)`,
      'rules/packs/default rule examples (flag: a problem of the rule category; pass: not one)',
      `rules/packs/default lexicons of permitted and required wordings, as clean texts: ${PERMITTED_LEXICONS.join(', ')}`,
    ],
    features: FEATURES_VERSION,
    bits: BITS,
    heads: HEADS.map((id, h) => ({ id, bias: Math.round(bias[h]! * 1e6) / 1e6 })),
    scale: Math.round(scale * 1e9) / 1e9,
    ...encodeWeights(kept, bytes),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // --corpus and --pack train on another checkout's texts (the replay of earlier rounds, eval/model-cited-texts.md).
  const { values } = parseArgs({
    options: { out: { type: 'string' }, corpus: { type: 'string' }, pack: { type: 'string' } },
  });
  const out = values.out ?? join(DEFAULT_PACK_DIR, 'models/cited-texts.json');
  const examples = [...examplesFromCorpus(values.corpus), ...examplesFromPack(values.pack)];
  const model = train(examples);
  writeFileSync(out, `${JSON.stringify(model, null, 1)}\n`);
  const kept = Buffer.from(model.weights, 'base64').length / model.heads.length;
  console.log(`${out}: ${examples.length} texts, ${kept} features kept, ${model.heads.length} heads`);
}
