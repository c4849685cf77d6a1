/**
 * The replay behind eval/model-cited-texts.md: would the pack's model have caught what each round's judge
 * collected, had it existed then? For every judge's set (`eval/corpus/<lang>/fresh<N>-collect…`), check out
 * the commit before the set entered main, measure the set with that commit's rules (its own `npm run eval`),
 * train a model with today's trainer on that commit's corpus and rule examples (the judges' sets left out),
 * and count what the model adds at the default pack's threshold. Needs the git history; takes about a minute
 * a round.
 *   npx tsx scripts/model-replay.ts [--rounds 12,13] [--work DIR]
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_PACK_DIR } from '../cli/builtin-pack';
import { loadPackFrom } from '../cli/pack-source';
import { compileModel } from '../rules/model/model';
import { readCorpus } from './eval';
import { readRealPosts } from './real-posts';
import { examplesFromCorpus, examplesFromPack, train } from './train-model';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

/** The judges' files of each round, by round number. */
function judgeFiles(): Map<number, string[]> {
  const rounds = new Map<number, string[]>();
  for (const lang of ['en', 'ja']) {
    for (const name of readdirSync(join(ROOT, 'eval/corpus', lang))) {
      const round = /^fresh(\d+)-collect/.exec(name)?.[1];
      if (round) rounds.set(Number(round), [...(rounds.get(Number(round)) ?? []), `eval/corpus/${lang}/${name}`]);
    }
  }
  return new Map([...rounds.entries()].sort(([a], [b]) => a - b));
}

/** The last commit on main's first-parent line before any of these files existed. */
function baseOf(files: string[]): string {
  const mainLine = new Set(git('rev-list', '--first-parent', 'HEAD').split('\n'));
  const added = git('log', '--diff-filter=A', '--format=%H', '--', ...files)
    .split('\n')
    .filter(Boolean);
  let commit = `${added.at(-1)}^`;
  for (;;) {
    const hash = git('rev-parse', commit);
    if (mainLine.has(hash) && !files.some((file) => git('ls-tree', '--name-only', hash, '--', file))) return hash;
    commit = `${hash}^`;
  }
}

function main(): void {
  const { values } = parseArgs({
    options: { rounds: { type: 'string' }, work: { type: 'string', default: '/tmp/preflight-replay' } },
  });
  const wanted = values.rounds?.split(',').map(Number);
  const threshold = loadPackFrom(DEFAULT_PACK_DIR).rules.find((rule) => rule.kind === 'model');
  const at = threshold && 'threshold' in threshold ? threshold.threshold : 0.8;
  const items = readCorpus();
  const posts = readRealPosts() ?? [];
  const rows: number[][] = [];
  console.log(
    `| round | base | violations | rules | + model | clean | flagged by rules | + model | real posts, model alone |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [round, files] of judgeFiles()) {
    if (wanted && !wanted.includes(round)) continue;
    const base = baseOf(files);
    const dir = join(values.work, String(round));
    if (!existsSync(dir)) {
      mkdirSync(values.work, { recursive: true });
      git('worktree', 'add', '--detach', dir, base);
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    }
    for (const file of files) copyFileSync(join(ROOT, file), join(dir, file));
    // That commit's own rules, through its own evaluation.
    const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir, stdio: 'ignore' });
    run('npx', ['wxt', 'prepare']);
    run('node', ['scripts/build-cli.mjs']);
    run('npx', ['tsx', 'scripts/eval.ts', '--out', join(dir, 'rules.json')]);
    const rules = JSON.parse(readFileSync(join(dir, 'rules.json'), 'utf8')) as {
      misses: { id: string }[];
      falseAlarms: { id: string }[];
    };
    const missed = new Set(rules.misses.map((m) => m.id));
    const flagged = new Set(rules.falseAlarms.map((f) => f.id));
    // Today's trainer on that commit's texts.
    const model = compileModel(
      train([...examplesFromCorpus(join(dir, 'eval/corpus')), ...examplesFromPack(join(dir, 'rules/packs/default'))]),
    );
    const legal = model.head('legal');
    const scores = (text: string) => model.score(text)(legal)?.probability ?? 0;
    const set = items.filter((item) => new RegExp(`-fresh${round}-collect`).test(item.id));
    const violations = set.filter((item) => item.expect === 'flag');
    const clean = set.filter((item) => item.expect === 'pass');
    const caught = violations.filter((item) => !missed.has(item.id)).length;
    const added = violations.filter(
      (item) => missed.has(item.id) && item.category === 'legal' && scores(item.text) >= at,
    ).length;
    const cleanFlagged = clean.filter((item) => flagged.has(item.id)).length;
    const cleanAdded = clean.filter((item) => !flagged.has(item.id) && scores(item.text) >= at).length;
    const realAlone = posts.filter((post) => scores(post.text) >= at).length;
    rows.push([violations.length, caught, caught + added, clean.length, cleanFlagged, cleanFlagged + cleanAdded]);
    console.log(
      `| ${round} | ${base.slice(0, 7)} | ${violations.length} | ${caught} | ${caught + added} | ${clean.length} | ${cleanFlagged} | ${cleanFlagged + cleanAdded} | ${realAlone}/${posts.length} |`,
    );
  }
  const sum = (i: number) => rows.reduce((total, row) => total + row[i]!, 0);
  console.log(`| all | | ${sum(0)} | ${sum(1)} | ${sum(2)} | ${sum(3)} | ${sum(4)} | ${sum(5)} | |`);
}

main();
