/**
 * npm run demo: builds the extension, opens Chromium with it on local copies of the ten platforms'
 * composers (served at their real addresses, nothing goes to the network), types a risky draft into
 * each, and saves two screenshots per platform and language (English, and Japanese where Chromium has
 * its Japanese UI): the underlined draft with a finding's card open, and the gate that Post opens. It
 * prints what Preflight found. With a display the last browser stays open to try it by hand.
 * `npm run demo -- x reddit` shows only those platforms; `--headless` never shows a window.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Locator, type Page } from 'playwright-core';
import { ADAPTERS } from '../entrypoints/content/platforms/index';
import type { PlatformAdapter } from '../entrypoints/content/platforms/types';
import type { Platform } from '../rules/schema';
import { buildFixtures, FIXTURES_DIR } from '../test/fixtures/build';
import { serveFixture } from '../test/fixtures/serve';
import { chromiumArgs } from './chromium';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
const OUT = join(ROOT, 'demo-output');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Where each platform's fixture is served, what to click first when the composer to show is collapsed or
 * behind a button, and where that composer is (the post composer, not a comment box, where a brand posts).
 */
const PAGES: Record<Platform, { url: string; expand?: string; within?: string }> = {
  x: { url: 'https://x.com/home' },
  facebook: { url: 'https://www.facebook.com/', expand: '.entry:not(.page-entry)', within: '[role="dialog"]' },
  instagram: { url: 'https://www.instagram.com/', expand: 'a:has([aria-label="New post"])', within: '[role="dialog"]' },
  linkedin: {
    url: 'https://www.linkedin.com/feed/',
    expand: '.share-box-feed-entry__trigger',
    within: '[role="dialog"]',
  },
  threads: { url: 'https://www.threads.com/' },
  bluesky: { url: 'https://bsky.app/' },
  mastodon: { url: 'https://mastodon.social/home' },
  reddit: { url: 'https://www.reddit.com/r/preflight/comments/1abcde/what_time_does_the_store_open_on_sundays/' },
  youtube: { url: 'https://www.youtube.com/watch?v=preflight', expand: '#placeholder-area' },
  tiktok: { url: 'https://www.tiktok.com/@brand/video/1' },
};

const VIEWPORT = { width: 1100, height: 760 };
const LANGUAGES = ['en', 'ja'];
const DRAFT = 'Hurricane sale! 30% off everything, guaranteed returns. 元本保証で必ず儲かる！ Call 090-1234-5678 #ad';

async function main() {
  if (!existsSync(CHROMIUM)) {
    console.error(
      `Chromium not found at ${CHROMIUM}. Install it: sudo apt-get update && sudo apt-get install -y chromium`,
    );
    process.exit(2);
  }
  console.log('Building the extension…');
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  // `npm run demo -- x threads` shows only those platforms.
  const asked = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const platforms = ADAPTERS.map((a) => a.id).filter(
    (id) => existsSync(join(FIXTURES_DIR, id, 'index.html')) && (asked.length === 0 || asked.includes(id)),
  );
  await buildFixtures(platforms);
  mkdirSync(OUT, { recursive: true });

  const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');
  const languages = LANGUAGES.filter((language) => language === 'en' || hasChromiumLocale(language));
  for (const language of LANGUAGES.filter((l) => !languages.includes(l)))
    console.warn(`No ${language} screenshots: Chromium has no ${language} UI (sudo apt-get install -y chromium-l10n).`);

  for (const language of languages) {
    // The last language stays open with a display, to try by hand.
    const keepOpen = !headless && language === languages.at(-1);
    const context = await chromium.launchPersistentContext(join(OUT, `profile-${language}`), {
      executablePath: CHROMIUM,
      headless: !keepOpen,
      viewport: VIEWPORT,
      // The browser's UI language is the extension's: its messages, the rules' messages and the manual.
      args: [...chromiumArgs(EXTENSION), `--lang=${language}`],
      env: { ...process.env, LANGUAGE: language },
    });
    console.log(`Chromium (${language}${keepOpen ? '' : ', headless'}) with Preflight from ${EXTENSION}\n`);
    for (const id of platforms) {
      await serveFixture(context, new URL(PAGES[id].url).origin, id);
      const page = await context.newPage();
      await showPlatform(page, id, language);
      if (!keepOpen) await page.close();
    }
    if (!keepOpen) await context.close();
    else console.log('\nThe browser stays open: type into the composers and press Post. Ctrl+C to quit.');
  }
  console.log(`\nScreenshots in ${OUT}.`);
  if (missing.length > 0) {
    console.error(`\nNo screenshot of ${missing.join(', ')}: the demo did not reach them.`);
    process.exitCode = 1;
  }
}

/** The screenshots the demo meant to take and could not: it says so, and exits non-zero. */
const missing: string[] = [];

/** Whether Debian's Chromium can show its UI (and so the extension) in `language`. */
function hasChromiumLocale(language: string): boolean {
  return (
    existsSync(join(dirname(realpathSync(CHROMIUM)), 'locales', `${language}.pak`)) ||
    existsSync(`/usr/lib/chromium/locales/${language}.pak`)
  );
}

/**
 * On one platform's page: type the risky draft, then save the underlined draft with the card of its
 * first finding open, and the gate that Post opens; print what was found.
 */
async function showPlatform(page: Page, id: Platform, language: string): Promise<void> {
  const adapter = ADAPTERS.find((a) => a.id === id)!;
  const { url, expand, within } = PAGES[id];
  await page.goto(url);
  const scope = within ? page.locator(within) : page;
  const composers = scope.locator(adapter.composers.join(', '));
  if (expand)
    await page
      .locator(expand)
      .first()
      .click()
      .catch(() => undefined);
  await composers
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  const badges = page.locator('preflight-layer [data-preflight="badge"]');
  await badges
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  // Let lazy editors settle (Bluesky swaps its fallback textarea for TipTap) before typing.
  await page.waitForTimeout(800);
  await composers.first().click();
  await page.keyboard.type(DRAFT, { delay: 2 });
  await page
    .waitForFunction(
      () =>
        document
          .querySelector('preflight-layer')
          ?.shadowRoot?.querySelector('[data-preflight="badge"][data-severity="block"]'),
      undefined,
      { timeout: 5000 },
    )
    .catch(() => undefined);
  // The typed-in composer's badge: the one that found something (the page's other composers are clean).
  const found = badges.and(page.locator('[data-count]:not([data-count="0"])')).first();
  const indicator = (await found.count()) > 0 ? found : badges.first();
  const severity = await indicator.getAttribute('data-severity').catch(() => null);
  const count = await indicator.getAttribute('data-count').catch(() => null);

  // The badge's list, then its first finding: it is selected in the text and its card opens there.
  await indicator.click().catch(() => undefined);
  // The list renders after the click: read its rules once it is there, not before.
  await page
    .locator('preflight-layer [data-rule]')
    .first()
    .waitFor({ timeout: 3000 })
    .catch(() => undefined);
  const rules = await page
    .locator('preflight-layer [data-rule]')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-rule')))
    .catch(() => [] as (string | null)[]);
  await page
    .locator('preflight-layer .jump')
    .first()
    .click({ timeout: 3000 })
    .catch(() => undefined);
  const card = page.locator('preflight-layer [data-preflight="card"]');
  const shots: string[] = [];
  if (
    await card.waitFor({ timeout: 3000 }).then(
      () => true,
      () => false,
    )
  ) {
    // Away from the text, so the selection does not hide the underline.
    await page
      .locator('preflight-layer [data-preflight="card"] .card-close')
      .focus()
      .catch(() => undefined);
    shots.push(await shoot(page, `${id}-card-${language}.png`));
  }
  await page.keyboard.press('Escape');

  // Post: the gate stops it. Focus, not a click: a click in the middle of the draft lands on an
  // underline and opens its card, which can cover the Post button (X).
  await composers.first().focus();
  const publish = await publishControl(page, adapter, within);
  await publish?.click({ timeout: 3000 }).catch(() => undefined);
  const gate = page.locator('preflight-layer [data-preflight="gate"]');
  if (
    await gate.waitFor({ timeout: 3000 }).then(
      () => true,
      () => false,
    )
  ) {
    shots.push(await shoot(page, `${id}-gate-${language}.png`));
    await page.keyboard.press('Escape');
  }
  for (const kind of ['card', 'gate'])
    if (!shots.some((shot) => shot.endsWith(`${id}-${kind}-${language}.png`)))
      missing.push(`${id}'s ${kind} (${language})`);
  console.log(
    `${id.padEnd(10)} ${count ?? '?'} findings, worst: ${severity ?? 'none'}  →  ${shots.join(', ') || '(no screenshot)'}`,
  );
  console.log(`           ${[...new Set(rules)].join(', ') || '(none)'}`);
}

/**
 * The first visible publish control; where the adapter knows Post by its words (Threads' div buttons,
 * whose first match is "Add to thread"), the first whose text or label says so, as the gate reads it.
 */
async function publishControl(page: Page, adapter: PlatformAdapter, within?: string): Promise<Locator | undefined> {
  // From the whole page: the adapter's selectors name the dialog they are in, which a locator scoped to
  // that dialog would not match.
  const visible = await page.locator(adapter.publish.join(', ')).filter({ visible: true }).all();
  const candidates: Locator[] = [];
  for (const candidate of visible)
    if (!within || (await candidate.evaluate((control, scope) => !!control.closest(scope), within)))
      candidates.push(candidate);
  if (!adapter.publishText) return candidates[0];
  for (const candidate of candidates) {
    const label = await candidate.evaluate(
      (control) =>
        control.textContent?.trim() ||
        (control.getAttribute('aria-label') ?? control.querySelector('[aria-label]')?.getAttribute('aria-label') ?? ''),
    );
    if (adapter.publishText.test(label.trim())) return candidate;
  }
  return candidates[0];
}

async function shoot(page: Page, name: string): Promise<string> {
  const path = join(OUT, name);
  await page.screenshot({ path });
  return path;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
