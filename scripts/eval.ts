/**
 * The quality gate on real texts: runs the default pack over eval/corpus/**\/*.jsonl and prints recall
 * (violations caught in their category) and false alarms (clean texts given a warn or block) per law,
 * class, language and profile. eval/README.md describes the corpus.
 *   npm run eval [-- --verbose] [--gate [--min-recall 0.8] [--max-false 0.02]] [--corpus DIR] [--out FILE]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_PACK_DIR } from '../cli/builtin-pack';
import { loadPackFrom } from '../cli/pack-source';
import { CorpusItem } from '../eval/schema';
import {
  type Checker,
  type CheckOptions,
  type CompileOptions,
  compilePacks,
  type Finding,
  type Pack,
} from '../rules/index';
import { defaultProfile } from '../rules/profiles';
import { DEFAULT_DAY, dayAt } from './eval-day';
import { type ProbeTally, readProbes, tallyProbes } from './eval-probes';
import { flagShares, readRealPosts } from './real-posts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CORPUS_DIR = join(ROOT, 'eval/corpus');
export const RESULTS_FILE = join(ROOT, 'eval/results.json');
export const PROBES_DIR = join(ROOT, 'eval/probes');
/**
 * The judges' sets: real texts collected each round by an engineer who changed no rule, measured
 * before any tuning. The pack's model is never trained on them (scripts/train-model.ts).
 */
const JUDGE_SET_ID = /-fresh(\d+)-collect/;
export const isHeldOut = (item: Pick<CorpusItem, 'id'>) => JUDGE_SET_ID.test(item.id);
/** A judge's set by its round and language ("round 23 en"), so each round's prospective figure reads apart. */
export const judgeRoundOf = (item: Pick<CorpusItem, 'id' | 'lang'>) =>
  `round ${JUDGE_SET_ID.exec(item.id)?.[1] ?? '?'} ${item.lang}`;
export { DEFAULT_DAY, dayAt };

export class CorpusError extends Error {}

/** Every *.jsonl file under `dir`, at any depth, in a stable order. */
export function corpusFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.jsonl')) files.push(path);
    }
  };
  walk(dir);
  return files;
}

/** Parse and validate corpus lines; every problem is named by file and line, and ids must be unique. */
export function parseCorpus(files: { file: string; text: string }[]): CorpusItem[] {
  const items: CorpusItem[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { file, text } of files) {
    text.split('\n').forEach((line, index) => {
      if (!line.trim()) return;
      const where = `${file}:${index + 1}`;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        problems.push(`${where}: not JSON (${(error as Error).message})`);
        return;
      }
      const parsed = CorpusItem.safeParse(json);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          problems.push(`${where}: ${issue.path.join('.') || 'item'}: ${issue.message}`);
        return;
      }
      const first = seen.get(parsed.data.id);
      if (first) problems.push(`${where}: id "${parsed.data.id}" is already used at ${first}`);
      seen.set(parsed.data.id, where);
      items.push(parsed.data);
    });
  }
  if (problems.length > 0) throw new CorpusError(`the corpus is not valid:\n  ${problems.join('\n  ')}`);
  return items;
}

export function readCorpus(dir = CORPUS_DIR): CorpusItem[] {
  return parseCorpus(
    corpusFiles(dir).map((file) => ({ file: relative(ROOT, file), text: readFileSync(file, 'utf8') })),
  );
}

/** Posting profiles as packs define them (`profiles: [{ id, sets }]`); read loosely until the schema has them. */
const PackProfiles = z.array(z.looseObject({ id: z.string(), sets: z.record(z.string(), z.boolean()).default({}) }));

/**
 * The set switches for a profile: the pack's own when it defines profiles, otherwise none (the default sets).
 * `known` is false when the pack has profiles but not this one.
 */
export function profileSets(pack: Pack, profile: string): { sets?: Record<string, boolean>; known: boolean } {
  const declared = (pack as { profiles?: unknown }).profiles;
  // The schema defaults `profiles` to []: a pack without profiles checks every item with its default sets.
  if (declared === undefined || (Array.isArray(declared) && declared.length === 0)) return { known: true };
  const profiles = PackProfiles.parse(declared);
  const match = profiles.find((p) => p.id === profile);
  return match ? { sets: match.sets, known: true } : { known: false };
}

export interface Outcome {
  item: CorpusItem;
  /** flag items: a warn/block finding of the expected category; pass items: no warn/block at all. */
  correct: boolean;
  /** The warn and block findings the item got. */
  findings: Pick<Finding, 'ruleId' | 'category' | 'severity' | 'excerpt'>[];
}

export function profileOf(item: CorpusItem): string {
  return item.profile ?? 'brand';
}

/** Check every item with its profile's checker, on its day, and decide caught / missed / false alarm. */
/**
 * What the operator typed. X's API returns a post with what its composer never holds and X never counts: the
 * handles a reply answers, at its start (shown apart from the text, outside `display_text_range`), and a t.co link
 * for attached media at its end.
 */
export const draftOf = (item: Pick<CorpusItem, 'text' | 'apiText'>) =>
  item.apiText ? item.text.replace(/^(?:@\w{1,15}\s+)+/, '').replace(/\s*https:\/\/t\.co\/\w+$/, '') : item.text;

export function evaluate(
  items: CorpusItem[],
  checkerFor: (profile: string, item: CorpusItem) => Checker,
  defaultDay = DEFAULT_DAY,
): Outcome[] {
  return items.map((item) => {
    // `now` is read by engines with dated rules; older engines ignore it.
    const options: CheckOptions & { now?: Date } = {
      platform: item.platform,
      postType: item.postType,
      locale: item.lang,
      now: dayAt(item.postedOn ?? defaultDay),
    };
    const findings = checkerFor(profileOf(item), item)
      .check(draftOf(item), options)
      .filter((f) => f.severity !== 'info')
      .map(({ ruleId, category, severity, excerpt }) => ({ ruleId, category, severity, excerpt }));
    const correct = item.expect === 'flag' ? findings.some((f) => f.category === item.category) : findings.length === 0;
    return { item, correct, findings };
  });
}

export interface Tally {
  flag: number;
  caught: number;
  recall: number | null;
  pass: number;
  falseAlarms: number;
  falseRate: number | null;
}

export function tally(outcomes: Outcome[]): Tally {
  const flags = outcomes.filter((o) => o.item.expect === 'flag');
  const passes = outcomes.filter((o) => o.item.expect === 'pass');
  const caught = flags.filter((o) => o.correct).length;
  const falseAlarms = passes.filter((o) => !o.correct).length;
  return {
    flag: flags.length,
    caught,
    recall: flags.length ? caught / flags.length : null,
    pass: passes.length,
    falseAlarms,
    falseRate: passes.length ? falseAlarms / passes.length : null,
  };
}

export const GROUPINGS = {
  language: (item: CorpusItem) => item.lang,
  profile: profileOf,
  law: (item: CorpusItem) => item.law,
  class: (item: CorpusItem) => item.class,
} as const;
export type Grouping = keyof typeof GROUPINGS;

export function tallyBy(outcomes: Outcome[], key: (item: CorpusItem) => string): Record<string, Tally> {
  const groups = new Map<string, Outcome[]>();
  for (const outcome of outcomes) {
    const name = key(outcome.item);
    groups.set(name, [...(groups.get(name) ?? []), outcome]);
  }
  return Object.fromEntries(
    [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, tally(v)]),
  );
}

/** The judges' sets round by round, in the order of the rounds (numerically, en before ja within one). */
export function heldOutByRound(
  withModel: Outcome[],
  rulesAlone: Outcome[],
): Record<string, { rulesAlone: Tally; withModel: Tally }> {
  const model = tallyBy(withModel, judgeRoundOf);
  const alone = tallyBy(rulesAlone, judgeRoundOf);
  const order = (key: string) => Number(/\d+/.exec(key)?.[0] ?? 0);
  return Object.fromEntries(
    Object.keys(model)
      .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
      .map((key) => [key, { rulesAlone: alone[key]!, withModel: model[key]! }]),
  );
}

export interface Report {
  pack: { id: string; version: string };
  overall: Tally;
  groups: Record<Grouping, Record<string, Tally>>;
  misses: { id: string; law: string; class: string; category?: string; got: string[] }[];
  falseAlarms: { id: string; law: string; class: string; got: string[] }[];
  /** How many violations each rule caught (in the expected category): where the recall comes from. */
  caughtRules: Record<string, number>;
  /** How many clean texts each rule flagged: where the false alarms come from. */
  falseAlarmRules: Record<string, number>;
  unknownProfiles: string[];
  /** The judges' sets alone, with the pack as it is and with its model's rules switched off. */
  heldOut?: {
    withModel: Record<string, Tally>;
    rulesAlone: Record<string, Tally>;
    /** Each judge's set ("round 23 en"), newest last: rules alone and with the model. */
    byRound?: Record<string, { rulesAlone: Tally; withModel: Tally }>;
  };
  /**
   * Every item checked under the pack's default profile, as for an operator who never picks one: a creator's or
   * a clinic's text is then read as a brand's own post.
   */
  asDefaultProfile?: { profile: string; byLanguage: Record<string, Tally> };
  realPosts?: {
    posts: number;
    flagged: number;
    rate: number;
    bySource: Record<string, { posts: number; flagged: number }>;
  };
  /** Blind paraphrase probes (written, not real; scripts/eval-probes.ts), by "set lang split". */
  probes?: Record<string, ProbeTally>;
}

const describeFinding = (f: Outcome['findings'][number]) => `${f.severity} ${f.category} ${f.ruleId} "${f.excerpt}"`;

export function report(pack: Pack, outcomes: Outcome[], unknownProfiles: string[] = []): Report {
  const wrong = outcomes.filter((o) => !o.correct);
  return {
    pack: { id: pack.id, version: pack.version },
    overall: tally(outcomes),
    groups: Object.fromEntries(
      Object.entries(GROUPINGS).map(([name, key]) => [name, tallyBy(outcomes, key)]),
    ) as Report['groups'],
    misses: wrong
      .filter((o) => o.item.expect === 'flag')
      .map(({ item, findings }) => ({
        id: item.id,
        law: item.law,
        class: item.class,
        category: item.category,
        got: findings.map(describeFinding),
      })),
    falseAlarms: wrong
      .filter((o) => o.item.expect === 'pass')
      .map(({ item, findings }) => ({
        id: item.id,
        law: item.law,
        class: item.class,
        got: findings.map(describeFinding),
      })),
    caughtRules: countRules(
      outcomes
        .filter((o) => o.correct && o.item.expect === 'flag')
        .map((o) => ({ ...o, findings: o.findings.filter((f) => f.category === o.item.category) })),
    ),
    falseAlarmRules: countRules(wrong.filter((o) => o.item.expect === 'pass')),
    unknownProfiles,
  };
}

/** Per rule id, how many of these items it fired on (once per item), most first. */
function countRules(outcomes: Outcome[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const { findings } of outcomes)
    for (const id of new Set(findings.map((f) => f.ruleId))) counts.set(id, (counts.get(id) ?? 0) + 1);
  return Object.fromEntries([...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)));
}

/**
 * The checkers `npm run eval` measures the corpus with. The pack's model learned from the corpus except
 * the judges' sets: on the texts it was trained on, its catches prove nothing, so there the pack runs
 * without it; it counts only on texts it never saw (and on the real posts).
 */
export function corpusCheckers(pack: Pack) {
  const modelSets = new Set(pack.rules.filter((rule) => rule.kind === 'model').map((rule) => rule.set));
  const withModel = checkersFor(pack);
  const rulesAlone = checkersFor(pack, Object.fromEntries([...modelSets].map((set) => [set, false])));
  const checkerFor = (profile: string, item: CorpusItem) =>
    (isHeldOut(item) ? withModel : rulesAlone).checkerFor(profile);
  return { checkerFor, withModel, rulesAlone, modelSets };
}

/** Compile the pack once per profile the corpus uses. */
export function checkersFor(
  pack: Pack,
  switches: Record<string, boolean> = {},
): { checkerFor: (profile: string) => Checker; unknownProfiles: Set<string> } {
  const cache = new Map<string, Checker>();
  const unknownProfiles = new Set<string>();
  return {
    unknownProfiles,
    checkerFor(profile) {
      let checker = cache.get(profile);
      if (!checker) {
        const { sets, known } = profileSets(pack, profile);
        if (!known) unknownProfiles.add(profile);
        // Engines that know profiles resolve them themselves; the explicit switches say the same.
        const options: CompileOptions & { profile?: string } = {
          sets: { ...sets, ...switches },
          profile: known && sets ? profile : undefined,
        };
        checker = compilePacks([pack], options);
        cache.set(profile, checker);
      }
      return checker;
    },
  };
}

const percent = (share: number | null) => (share === null ? '    –' : `${(share * 100).toFixed(1).padStart(5)}%`);

function formatTally(name: string, t: Tally, width: number): string {
  const recall = t.flag ? `recall ${percent(t.recall)} (${t.caught}/${t.flag})` : 'recall      –';
  const falses = t.pass ? `false alarms ${percent(t.falseRate)} (${t.falseAlarms}/${t.pass})` : 'false alarms     –';
  return `  ${name.padEnd(width)}  ${recall.padEnd(26)}  ${falses}`;
}

export function formatReport(r: Report, verbose: boolean): string {
  const lines = [`${r.pack.id} ${r.pack.version} on the evaluation corpus`, formatTally('overall', r.overall, 24)];
  for (const [name, groups] of Object.entries(r.groups)) {
    lines.push('', `by ${name}`);
    const width = Math.max(...Object.keys(groups).map((k) => k.length), 8);
    for (const [key, t] of Object.entries(groups)) lines.push(formatTally(key, t, width));
  }
  const byRule = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([id, n]) => `${id} ${n}`)
      .join(', ') || '–';
  lines.push('', `caught by rule: ${byRule(r.caughtRules)}`, `false alarms by rule: ${byRule(r.falseAlarmRules)}`);
  if (r.unknownProfiles.length)
    lines.push(
      '',
      `profiles the pack does not define (checked with its default sets): ${r.unknownProfiles.join(', ')}`,
    );
  if (r.heldOut) {
    lines.push('', "held out (the judges' sets: never trained on): rules alone, then with the model");
    for (const [key, t] of Object.entries(r.heldOut.rulesAlone)) {
      lines.push(
        formatTally(`${key} rules alone`, t, 24),
        formatTally(`${key} with the model`, r.heldOut.withModel[key]!, 24),
      );
    }
    const rounds = Object.entries(r.heldOut.byRound ?? {});
    if (rounds.length) {
      lines.push('', 'held out by round: violations caught by the rules alone / with the model, clean texts flagged');
      const caught = (t: Tally) => `${t.caught}/${t.flag}`;
      for (const [key, t] of rounds)
        lines.push(
          `  ${key.padEnd(12)}  ${caught(t.rulesAlone).padStart(7)} / ${caught(t.withModel).padEnd(7)}  clean ${t.rulesAlone.falseAlarms}/${t.rulesAlone.pass} / ${t.withModel.falseAlarms}/${t.withModel.pass}`,
        );
    }
  }
  if (r.asDefaultProfile) {
    const { profile, byLanguage } = r.asDefaultProfile;
    lines.push('', `every item under the default profile (${profile}), as when nobody picks one`);
    for (const [key, t] of Object.entries(byLanguage)) lines.push(formatTally(key, t, 24));
  }
  if (r.realPosts) {
    const { posts, flagged, rate, bySource } = r.realPosts;
    lines.push('', `real posts (shared/eval/real-posts): ${flagged}/${posts} flagged (${percent(rate).trim()})`);
    for (const [source, s] of Object.entries(bySource)) lines.push(`  ${source.padEnd(24)}  ${s.flagged}/${s.posts}`);
  }
  if (r.probes) {
    lines.push(
      '',
      'blind probes (eval/probes: written without seeing the rules, not real texts; paraphrases and fresh kinds; rules widen on "tune", "held" measures)',
    );
    for (const [key, t] of Object.entries(r.probes)) {
      const clean = t.clean > 0 ? `   clean flagged ${t.flagged}/${t.clean}` : '';
      lines.push(`  ${key.padEnd(28)}  caught ${t.caught}/${t.violations}${clean}`);
    }
  }
  if (verbose) {
    lines.push('', `misses (${r.misses.length})`);
    for (const m of r.misses)
      lines.push(
        `  ${m.id}  [${m.law} · ${m.class} · ${m.category}]${m.got.length ? `  got: ${m.got.join('; ')}` : ''}`,
      );
    lines.push('', `false alarms (${r.falseAlarms.length})`);
    for (const f of r.falseAlarms) lines.push(`  ${f.id}  [${f.law} · ${f.class}]  got: ${f.got.join('; ')}`);
  }
  return lines.join('\n');
}

/** The outcomes again with every item checked under one profile (only items of other profiles are checked anew). */
export function underProfile(
  profile: string,
  outcomes: Outcome[],
  checkerFor: (profile: string, item: CorpusItem) => Checker,
  defaultDay = DEFAULT_DAY,
): Outcome[] {
  const others = outcomes.filter((o) => profileOf(o.item) !== profile).map((o) => o.item);
  const rechecked = new Map(
    evaluate(others, (_profile, item) => checkerFor(profile, item), defaultDay).map((o) => [o.item, o]),
  );
  return outcomes.map((o) => rechecked.get(o.item) ?? o);
}

/** The gate: recall at least `minRecall` and false alarms at most `maxFalse`; the reasons when not. */
export function gate(overall: Tally, minRecall: number, maxFalse: number): string[] {
  const failures: string[] = [];
  if ((overall.recall ?? 0) < minRecall)
    failures.push(`recall ${percent(overall.recall).trim()} < ${minRecall * 100}%`);
  if ((overall.falseRate ?? 0) > maxFalse)
    failures.push(`false alarms ${percent(overall.falseRate).trim()} > ${maxFalse * 100}%`);
  return failures;
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      verbose: { type: 'boolean', short: 'v', default: false },
      gate: { type: 'boolean', default: false },
      'min-recall': { type: 'string', default: '0.8' },
      'max-false': { type: 'string', default: '0.02' },
      corpus: { type: 'string', default: CORPUS_DIR },
      date: { type: 'string', default: DEFAULT_DAY },
      out: { type: 'string', default: RESULTS_FILE },
    },
  });
  const minRecall = Number(values['min-recall']);
  const maxFalse = Number(values['max-false']);
  if (!(minRecall >= 0 && minRecall <= 1) || !(maxFalse >= 0 && maxFalse <= 1)) {
    console.error('eval: --min-recall and --max-false are shares between 0 and 1');
    return 2;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || Number.isNaN(dayAt(values.date).getTime())) {
    console.error('eval: --date is a day such as 2025-06-04');
    return 2;
  }
  let items: CorpusItem[];
  try {
    items = readCorpus(values.corpus);
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    console.error(`eval: ${error.message}`);
    return 2;
  }
  const pack = loadPackFrom(DEFAULT_PACK_DIR);
  const { checkerFor, withModel, rulesAlone, modelSets } = corpusCheckers(pack);
  const outcomes = evaluate(items, checkerFor, values.date);
  const unknownProfiles = new Set([...withModel.unknownProfiles, ...rulesAlone.unknownProfiles]);
  const result = report(pack, outcomes, [...unknownProfiles].sort());
  const heldOut = outcomes.filter((o) => isHeldOut(o.item));
  if (modelSets.size > 0 && heldOut.length > 0) {
    const alone = evaluate(
      heldOut.map((o) => o.item),
      rulesAlone.checkerFor,
      values.date,
    );
    result.heldOut = {
      withModel: tallyBy(heldOut, GROUPINGS.language),
      rulesAlone: tallyBy(alone, GROUPINGS.language),
      byRound: heldOutByRound(heldOut, alone),
    };
  }
  const fallback = defaultProfile([pack]);
  if (fallback) {
    const asDefault = underProfile(fallback, outcomes, checkerFor, values.date);
    result.asDefaultProfile = { profile: fallback, byLanguage: tallyBy(asDefault, GROUPINGS.language) };
  }
  const posts = readRealPosts();
  if (posts) {
    const shares = flagShares(posts, dayAt(values.date));
    const flagged = shares.reduce((n, s) => n + s.flagged, 0);
    result.realPosts = {
      posts: posts.length,
      flagged,
      rate: flagged / posts.length,
      bySource: Object.fromEntries(shares.map((s) => [s.source, { posts: s.posts, flagged: s.flagged }])),
    };
  }
  const probeSets = readProbes(PROBES_DIR);
  if (probeSets.length > 0) {
    // As operators get the pack: its default sets and profile, the model on.
    const shipped = compilePacks([pack]);
    const now = dayAt(values.date);
    result.probes = tallyProbes(probeSets, (text, lang) =>
      shipped.check(text, { platform: 'x', locale: lang, now, postType: text.startsWith('@') ? 'reply' : 'post' }),
    );
  }
  console.log(formatReport(result, values.verbose));
  writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
  if (!values.gate) return 0;
  const failures = gate(result.overall, minRecall, maxFalse);
  if (failures.length) console.error(`\neval gate failed: ${failures.join('; ')}`);
  return failures.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(main(process.argv.slice(2)));
