/**
 * npm run bench: how fast the engine checks a draft, against a naive baseline, and how often the
 * default pack flags real posts. Figures go in the README; nothing here asserts a time.
 *
 *   - median time per `check` for 280 / 1,000 / 3,000-character drafts (English and Japanese)
 *     with the default pack, and with a generated pack of 1,000 rules holding 5,000 terms;
 *   - the naive baseline (one RegExp per term, in a loop) on the same drafts, and the ratio;
 *   - compile time of the generated pack;
 *   - per source of ../shared/eval/real-posts, the share of posts flagged `warn` or `block`;
 *   - twitter-text's conformance cases (../shared/eval/twitter-text): agreement of plat.x-limits.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DEFAULT_PACK_DIR } from '../cli/builtin-pack';
import { loadPackFrom } from '../cli/pack-source';
import { encodePrebuilt } from '../cli/prebuilt-terms';
import { compilePacks, loadPack, type Pack, PackError } from '../rules/index';
import { compilePattern } from '../rules/text/regex';
import { generatedPack } from './generated-pack';
import { flagShares, readRealPosts } from './real-posts';

const quick = process.argv.includes('--quick');

// Ordinary brand copy (written for this benchmark) with a few problems in it, as real drafts have.
const EN =
  'Our spring collection is here: light jackets in moss and slate, made from recycled cotton. ' +
  'Stores open 10:00–19:00 this weekend, and online orders ship within two days. ' +
  'Thanks to everyone who joined the launch event yesterday! Photos are up on our site. ' +
  'We are sorry for the delay some of you saw with order tracking; the issue is fixed. ' +
  'Questions? Send us a DM and our team will help. #NewArrivals https://example.com/spring ';
const JA =
  '春の新作コレクションが入荷しました。リサイクルコットンを使った軽いジャケットを、モスとスレートの二色でご用意しています。' +
  '今週末の営業時間は10時〜19時です。オンラインストアのご注文は二日以内に発送いたします。' +
  '昨日の発売イベントにご参加いただいた皆さま、ありがとうございました！当日の写真をサイトに掲載しました。' +
  '一部のお客様に配送状況の表示が遅れる不具合がございました。現在は解消しております。' +
  'ご不明な点はDMでお気軽にお問い合わせください。#新作 https://example.com/spring ';
const PROBLEMS_EN = ' Guaranteed results, no side effects!!! Call 090-1234-5678. ';
const PROBLEMS_JA = ' 元本保証で必ず儲かる！ 担当の携帯 090-1234-5678 まで。';

function draftOf(base: string, problems: string, length: number): string {
  let text = '';
  while (text.length < length) text += base;
  // The problems go in at a sentence end near the middle, not inside a word or a URL.
  const middle = Math.max(text.indexOf('. ', length / 2) + 2, text.indexOf('。', length / 2) + 1, 1);
  return (text.slice(0, middle) + problems + text.slice(middle)).slice(0, length);
}

/** Median of per-call times, measured in batches long enough for the clock. */
function medianMs(fn: () => void, targetMs = quick ? 150 : 600): number {
  const start = performance.now();
  let calls = 0;
  while (performance.now() - start < 50) {
    fn();
    calls++;
  }
  const perBatch = Math.max(1, Math.ceil(calls / 10));
  const samples: number[] = [];
  const until = performance.now() + targetMs;
  while (performance.now() < until || samples.length < 7) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) fn();
    samples.push((performance.now() - t0) / perBatch);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a pack engine without an automaton does: one expression per term, in a loop. */
function naiveChecker(pack: Pack) {
  const regexes: RegExp[] = [];
  for (const rule of pack.rules) {
    if (rule.kind !== 'terms') continue;
    for (const term of rule.terms) {
      if (typeof term !== 'string' && 'lexicon' in term) continue;
      const text = typeof term === 'string' ? term : term.term;
      const latin = /^[\x00-\x7f]+$/.test(text);
      regexes.push(new RegExp(latin ? `\\b${escapeRegExp(text)}\\b` : escapeRegExp(text), 'gi'));
    }
  }
  return (draft: string) => {
    const found: [number, number][] = [];
    for (const regex of regexes) {
      regex.lastIndex = 0;
      for (let m = regex.exec(draft); m; m = regex.exec(draft)) found.push([m.index, m.index + m[0].length]);
    }
    return found;
  };
}

function withTerms(draft: string, pack: Pack, count: number): string {
  const terms = pack.rules.slice(0, count).map((rule) => (rule.kind === 'terms' ? String(rule.terms[0]) : ''));
  const step = Math.floor(draft.length / (count + 1));
  let out = draft;
  terms.forEach((term, i) => {
    const at = step * (i + 1);
    out = `${out.slice(0, at)} ${term} ${out.slice(at + term.length + 2)}`;
  });
  return out.slice(0, draft.length);
}

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);

function main() {
  const lines: string[] = [];
  const log = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  log(
    `Preflight benchmark: Node ${process.version}, ${new Date().toISOString().slice(0, 10)}${quick ? ' (quick)' : ''}`,
  );

  const defaultPack = loadPackFrom(DEFAULT_PACK_DIR);
  const defaultChecker = compilePacks([defaultPack]);
  // The same pack without memory between checks: every check starts cold, as the first one in a composer does.
  const coldChecker = compilePacks([defaultPack], { memory: false });
  log('');
  log(`## Default pack (${defaultChecker.rules.length} active rules of ${defaultPack.rules.length}), median per check`);
  log(
    'Typing: each check one keystroke away from the one before (the checker remembers what still holds); first: a check without memory. Floor: NFKC + lower case over the draft, the least any checker does.',
  );
  log(
    '| draft | platform | English, typing | Japanese, typing | English, first | Japanese, first | typing ÷ floor (en / ja) |',
  );
  log('|---|---|---|---|---|---|---|');
  for (const [length, platform] of [
    [280, 'x'],
    [1000, 'x'],
    [3000, 'x'],
    [3000, 'linkedin'],
    // Past LinkedIn's 3,000: the limit finding moves with every keystroke.
    [3500, 'linkedin'],
    [3000, 'facebook'],
  ] as const) {
    const en = draftOf(EN, PROBLEMS_EN, length);
    const ja = draftOf(JA, PROBLEMS_JA, length);
    const typed = (draft: string) => {
      let i = 0;
      return () => {
        i++;
        const at = (i * 37) % draft.length;
        return `${draft.slice(0, at)}${'etaoinshrdlu'[i % 12]}${draft.slice(at + 1)}`;
      };
    };
    const nextEn = typed(en);
    const nextJa = typed(ja);
    const tEn = medianMs(() => defaultChecker.check(nextEn(), { platform }));
    const tJa = medianMs(() => defaultChecker.check(nextJa(), { platform, locale: 'ja' }));
    const cEn = medianMs(() => coldChecker.check(nextEn(), { platform }));
    const cJa = medianMs(() => coldChecker.check(nextJa(), { platform, locale: 'ja' }));
    const floorEn = medianMs(() => nextEn().normalize('NFKC').toLowerCase());
    const floorJa = medianMs(() => nextJa().normalize('NFKC').toLowerCase());
    log(
      `| ${length} chars | ${platform} | ${fmt(tEn)} | ${fmt(tJa)} | ${fmt(cEn)} | ${fmt(cJa)} | ${(tEn / floorEn).toFixed(0)}× / ${(tJa / floorJa).toFixed(0)}× |`,
    );
  }

  const big = generatedPack();
  const compileTimes: number[] = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const t0 = performance.now();
    compilePacks([big]).check('warm up');
    compileTimes.push(performance.now() - t0);
  }
  compileTimes.sort((a, b) => a - b);
  // Without memory: the same draft is checked again and again here, and a remembering checker would reuse its scan.
  const bigChecker = compilePacks([big], { memory: false });
  const naive = naiveChecker(big);
  const cold = coldCompile();
  // As a pack build would ship it: the term forms and automaton made ahead of time, read in the fresh process.
  const prebuiltFile = join(mkdtempSync(join(tmpdir(), 'preflight-bench-')), 'generated-terms.bin');
  writeFileSync(prebuiltFile, encodePrebuilt(compilePacks([big]).prebuilt()));
  const coldPrebuilt = coldCompile(prebuiltFile);
  log('');
  log(
    `## Generated pack: 1,000 rules, 5,000 terms (compile + first check: ${fmt(compileTimes[Math.floor(compileTimes.length / 2)]!)} median; in a fresh process: ${cold}; with its automaton prebuilt: ${coldPrebuilt})`,
  );
  log('| draft | Preflight (one automaton) | naive (5,000 RegExps in a loop) | ratio |');
  log('|---|---|---|---|');
  for (const [label, base, problems] of [
    ['English', EN, PROBLEMS_EN],
    ['Japanese', JA, PROBLEMS_JA],
  ] as const) {
    for (const length of [280, 1000, 3000]) {
      const draft = withTerms(draftOf(base, problems, length), big, 6);
      const ours = bigChecker.check(draft).length;
      const theirs = naive(draft).length;
      const tOurs = medianMs(() => bigChecker.check(draft));
      const tNaive = medianMs(() => naive(draft));
      log(
        `| ${label}, ${length} chars (${ours} / ${theirs} hits) | ${fmt(tOurs)} | ${fmt(tNaive)} | ${(tNaive / tOurs).toFixed(0)}× |`,
      );
    }
  }

  hostile(log);

  const posts = readRealPosts();
  log('');
  if (!posts) log('## Real posts: ../shared/eval/real-posts not found, skipped');
  else {
    log(`## Real posts (${posts.length}): share flagged warn or block by the default pack`);
    log('| source | lang | posts | flagged | share | rules that fired |');
    log('|---|---|---|---|---|---|');
    for (const share of flagShares(posts)) {
      const rules = Object.entries(share.byRule)
        .sort((a, b) => b[1] - a[1])
        .map(([id, n]) => `${id} ${n}`)
        .join(', ');
      log(
        `| ${share.source} | ${share.lang} | ${share.posts} | ${share.flagged} | ${((share.flagged / share.posts) * 100).toFixed(1)}% | ${rules || '—'} |`,
      );
    }
  }

  const conformance = fileURLToPath(new URL('../../shared/eval/twitter-text/validate.json', import.meta.url));
  log('');
  if (!existsSync(conformance)) log('## twitter-text conformance: not found, skipped');
  else {
    const cases = JSON.parse(readFileSync(conformance, 'utf8')) as { text: string; over280: boolean }[];
    const agree = cases.filter(({ text, over280 }) => {
      const flagged = defaultChecker
        .check(text, { platform: 'x' })
        .some((f) => f.category === 'platform' && f.severity !== 'info');
      return flagged === over280;
    }).length;
    log(
      `## twitter-text conformance: ${agree}/${cases.length} cases agree (platform finding on X exactly when over 280)`,
    );
  }
}

/**
 * Compile + first check of the generated pack in a fresh Node process (nothing compiled by the JIT
 * yet), median of five; with `prebuilt`, a file of its term forms and automaton is read and installed.
 */
function coldCompile(prebuilt?: string): string {
  const script = fileURLToPath(new URL('./cold-compile.ts', import.meta.url));
  const total = (run: { load: number; compile: number; automaton: number; check: number }) =>
    run.load + run.compile + run.automaton + run.check;
  const runs = Array.from({ length: 5 }, () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', script, ...(prebuilt ? [prebuilt] : [])], {
      encoding: 'utf8',
    });
    return JSON.parse(out) as { load: number; compile: number; automaton: number; check: number; cpu: number };
  }).sort((a, b) => total(a) - total(b));
  const run = runs[2]!;
  const { load, compile, automaton, check, cpu } = run;
  return `${fmt(total(run))} (${prebuilt ? `reading the prebuilt automaton ${fmt(load)}, ` : ''}compile ${fmt(compile)}, automaton ${fmt(automaton)}, first check ${fmt(check)}; CPU ${fmt(cpu)})`;
}

const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** One check, timed (long drafts are too slow to repeat many times, and the first check is what an operator waits for). */
function onceMs(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/** Drafts and packs that froze or exhausted a tab before the limits (issue 10). */
function hostile(log: (line?: string) => void) {
  const pack = loadPackFrom(DEFAULT_PACK_DIR);
  const checker = compilePacks([pack], { sets: Object.fromEntries(pack.sets.map((set) => [set.id, true])) });
  const length = quick ? 100_000 : 1_000_000;
  log('');
  log(
    `## Long pathological drafts, ${length.toLocaleString('en')} characters, default pack with every set on: one check`,
  );
  log('| draft | x | mastodon | threads |');
  log('|---|---|---|---|');
  for (const [label, unit] of [
    ['`#a ` repeated', '#a '],
    ['Thai, no spaces', 'ภาษาไทยก่า'],
    ['`ab.` (one run, no spaces)', 'ab.'],
    ['`a.ba` (one run, TLDs everywhere)', 'a.ba'],
    ['e + combining accent', 'é'],
    ['emoji', '😀'],
    ['flags', '🇯🇵'],
    ['`＃あ `', '＃あ '],
    ['URLs `https://a.co/x `', 'https://a.co/x '],
    ['Japanese prose', '春の新作コレクションが入荷しました。'],
  ] as const) {
    const text = fill(unit, length);
    const times = (['x', 'mastodon', 'threads'] as const).map((platform) =>
      fmt(onceMs(() => checker.check(text, { platform }))),
    );
    log(`| ${label} | ${times.join(' | ')} |`);
  }

  log('');
  log('## Hostile packs');
  const kana = Array.from({ length: 1000 }, (_, i) => 'あ'.repeat(i + 1));
  const overlapping = loadPack(onePack('kana', kana), 'kana.json');
  const kanaChecker = compilePacks([overlapping]);
  const draft = 'あ'.repeat(3000);
  const findings = kanaChecker.check(draft);
  log(
    `- 1,000 overlapping terms (あ, ああ, …) on 3,000 あ: ${fmt(onceMs(() => kanaChecker.check(draft)))} per check, ${findings.length} findings (the last: "${findings.at(-1)?.message}")`,
  );
  const huge = onePack('huge', ['a'.repeat(4_000_000)]);
  let refusal = '';
  const refuseMs = onceMs(() => {
    try {
      loadPack(huge, 'huge.json');
    } catch (error) {
      refusal = error instanceof PackError ? (error.issues[0]?.message ?? '') : String(error);
    }
  });
  log(`- one 4,000,000-character term: refused when loaded, in ${fmt(refuseMs)}: "${refusal}"`);
  const widest = compilePattern('p{L}{0,250}x', true);
  log(
    `- the widest accepted letter pattern, \`p{L}{0,250}x\`, on 3,000 漢: ${fmt(onceMs(() => widest.forEach('漢'.repeat(3000), () => {})))} (\`p{L}{0,999}x\` is refused)`,
  );
}

/** A pack of one `terms` rule, as JSON text: the hostile packs below differ only in their terms. */
function onePack(id: string, terms: string[]): string {
  return JSON.stringify({
    id,
    name: id,
    version: '1.0.0',
    locales: ['en'],
    sets: [{ id: 's', title: 'S' }],
    manual: [{ id: 'm', title: 'M', body: 'B' }],
    rules: [{ id, set: 's', kind: 'terms', category: 'risk', severity: 'warn', manual: 'm', message: 'x', terms }],
  });
}

/** The content script's weight (without packs: they come from the background at run time). */
function contentScriptSize(log: (line?: string) => void) {
  const file = fileURLToPath(new URL('../.output/chrome-mv3/content-scripts/content.js', import.meta.url));
  log('');
  if (!existsSync(file)) {
    log('## Content script: not built (run `npx wxt build`), skipped');
    return;
  }
  const code = readFileSync(file);
  log(
    `## Content script: ${(code.length / 1024).toFixed(1)} kB minified, ${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1)} kB gzipped (packs excluded)`,
  );
}

/** How long any wait of the browser part may take: a composer that never answers fails its row, never hangs the run. */
const BROWSER_WAIT = 10_000;

type CountsWindow = { __preflightCounts: () => string };

/** Installs in the page `__preflightCounts()`: every indicator's severity and count, as one string (a keystroke in any composer changes it). */
function installCounts() {
  (window as unknown as CountsWindow).__preflightCounts = () =>
    [...(document.querySelector('preflight-layer')?.shadowRoot?.querySelectorAll('.indicator') ?? [])]
      .map((indicator) => `${indicator.getAttribute('data-severity')}:${indicator.getAttribute('data-count')}`)
      .join(',');
}

/**
 * Type a word that adds a finding at the end of the composer, `runs` times (deleting it between),
 * and time each from the keystroke's first event (Draft.js handles the keystroke itself, and no
 * `input` event follows) to the indicator's change, sorted.
 */
async function typingLatency(page: import('playwright-core').Page, selector: string, runs: number): Promise<number[]> {
  page.setDefaultTimeout(BROWSER_WAIT);
  await page.evaluate(installCounts);
  const counts = () => page.evaluate(() => (window as unknown as CountsWindow).__preflightCounts());
  const settled = async (what: string, expected?: string) => {
    await page
      .waitForFunction((wanted) => {
        const now = (window as unknown as CountsWindow).__preflightCounts();
        return now !== '' && !now.includes('loading') && (wanted === undefined || now === wanted);
      }, expected)
      .catch(async () => {
        throw new Error(`${what}: the indicators show "${await counts()}" after ${BROWSER_WAIT / 1000} s`);
      });
  };
  await settled('no indicator finished its first check');
  // Focus, not a click: a click in the middle of a long draft lands on the layer's highlight over
  // it, and the keystrokes then go to the layer (the run hung so, waiting for a count that never changed).
  const composer = page.locator(selector).first();
  await composer.focus();
  await page.keyboard.press('ControlOrMeta+End');
  if (
    !(await composer.evaluate(
      (element) => element === document.activeElement || element.contains(document.activeElement),
    ))
  )
    throw new Error(
      `the keystrokes would go to ${await page.evaluate(() => document.activeElement?.nodeName ?? 'nothing')}, not the composer`,
    );
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = await counts();
    // Watch every indicator from the page (the page's other composers have theirs), then type.
    await page.evaluate((wait) => {
      const w = window as unknown as CountsWindow & { __flip?: Promise<number | undefined>; __typed?: number };
      const before = w.__preflightCounts();
      const root = document.querySelector('preflight-layer')?.shadowRoot;
      w.__typed = undefined;
      w.__flip = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (w.__preflightCounts() === before) return;
          observer.disconnect();
          resolve(performance.now());
        });
        if (root) observer.observe(root, { attributes: true, subtree: true, childList: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(undefined);
        }, wait);
      });
      // Chromium sends textInput first, then beforeinput unless a page (Draft.js) cancelled the textInput.
      for (const type of ['textInput', 'beforeinput'])
        window.addEventListener(type, () => (w.__typed ??= performance.now()), { capture: true, once: true });
    }, BROWSER_WAIT);
    await page.keyboard.insertText('元本保証');
    const timing = await page.evaluate(async () => {
      const w = window as unknown as { __flip: Promise<number | undefined>; __typed?: number };
      return { flipped: await w.__flip, typed: w.__typed };
    });
    if (timing.typed === undefined)
      throw new Error('the keystroke reached no editor (no textInput or beforeinput event)');
    if (timing.flipped === undefined)
      throw new Error(`no indicator changed within ${BROWSER_WAIT / 1000} s of the keystroke (they show "${before}")`);
    samples.push(timing.flipped - timing.typed);
    for (let k = 0; k < 4; k++) await page.keyboard.press('Backspace');
    await settled('the indicators did not come back after deleting the word', before);
  }
  return samples.sort((a, b) => a - b);
}

/** Last keystroke → updated indicator, for a 3,000-character draft, in Chromium with the built extension. */
async function keystrokeLatency(log: (line?: string) => void) {
  const { browserMissing, launchWithExtension } = await import('./chromium');
  const { buildFixtures } = await import('../test/fixtures/build');
  const { serveFixture } = await import('../test/fixtures/serve');
  log('');
  if (browserMissing || !existsSync(fileURLToPath(new URL('../.output/chrome-mv3/manifest.json', import.meta.url)))) {
    log('## Keystroke → indicator: needs Chromium and a built extension, skipped');
    return;
  }
  await buildFixtures(['x', 'mastodon']);
  const browser = await launchWithExtension();
  log('## Keystroke → indicator, 3,000-character draft (Chromium, debounce of 100 ms included)');
  log('| composer | median | p90 | runs |');
  log('|---|---|---|---|');
  try {
    const X = 'div[data-testid^="tweetTextarea_"][contenteditable="true"]';
    for (const [name, origin, selector, growing] of [
      ['X (Draft.js)', 'https://x.com', X, false],
      ['X, page growing by ~5,000 nodes a second', 'https://x.com', X, true],
      ['Mastodon (textarea)', 'https://mastodon.social', 'form.compose-form textarea', false],
    ] as const) {
      await serveFixture(browser.context, origin, name.startsWith('X') ? 'x' : 'mastodon');
      const page = await browser.context.newPage();
      const draft = draftOf(EN, '', 2990);
      await page.goto(`${origin}/home?text=${encodeURIComponent(draft)}`);
      // An infinite feed: 33 posts of 3 nodes every 20 ms, while the operator types.
      if (growing)
        await page.evaluate(() => {
          const feed = document.body.appendChild(document.createElement('section'));
          setInterval(() => {
            for (let i = 0; i < 33; i++) {
              const post = document.createElement('article');
              post.innerHTML = '<p>A post in the feed <a href="#">link</a></p>';
              feed.append(post);
            }
          }, 20);
        });
      try {
        const samples = await typingLatency(page, selector, quick ? 5 : 15);
        const median = samples[Math.floor(samples.length / 2)]!;
        const p90 = samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.9))]!;
        log(`| ${name} | ${median.toFixed(0)} ms | ${p90.toFixed(0)} ms | ${samples.length} |`);
      } catch (error) {
        // One composer that does not answer says why, and the other rows still run.
        log(`| ${name} | failed: ${error instanceof Error ? error.message : String(error)} | | 0 |`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // --browser-only: the keystroke rows alone (they need the browser lock; the rest does not).
  if (!process.argv.includes('--browser-only')) main();
  const log = (line = '') => console.log(line);
  contentScriptSize(log);
  if (!process.argv.includes('--no-browser')) await keystrokeLatency(log);
}
