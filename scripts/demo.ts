/**
 * npm run demo: builds the extension, opens Chromium with it on local copies of the ten platforms'
 * composers (served at their real addresses, nothing goes to the network), types a risky draft into
 * each, and reports what Preflight found and where the screenshots are. With a display it leaves the
 * browser open to try it by hand; without one it runs headless and exits.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ADAPTERS } from '../entrypoints/content/platforms/index';
import type { Platform } from '../rules/schema';
import { buildFixtures, FIXTURES_DIR } from '../test/fixtures/build';
import { serveFixture } from '../test/fixtures/serve';
import { chromiumArgs } from './chromium';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
const OUT = join(ROOT, 'demo-output');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where each platform's fixture is served, and what to click first when its composer is collapsed. */
const PAGES: Record<Platform, { url: string; expand?: string }> = {
  x: { url: 'https://x.com/home' },
  facebook: { url: 'https://www.facebook.com/' },
  instagram: { url: 'https://www.instagram.com/' },
  linkedin: { url: 'https://www.linkedin.com/feed/' },
  threads: { url: 'https://www.threads.com/' },
  bluesky: { url: 'https://bsky.app/' },
  mastodon: { url: 'https://mastodon.social/home' },
  reddit: { url: 'https://www.reddit.com/r/preflight/comments/1abcde/what_time_does_the_store_open_on_sundays/' },
  youtube: { url: 'https://www.youtube.com/watch?v=preflight', expand: '#placeholder-area' },
  tiktok: { url: 'https://www.tiktok.com/@brand/video/1' },
};

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
  const platforms = ADAPTERS.map((a) => a.id).filter((id) => existsSync(join(FIXTURES_DIR, id, 'index.html')));
  await buildFixtures(platforms);
  mkdirSync(OUT, { recursive: true });

  const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');
  const context = await chromium.launchPersistentContext(join(OUT, 'profile'), {
    executablePath: CHROMIUM,
    headless,
    viewport: { width: 1100, height: 760 },
    args: chromiumArgs(EXTENSION),
  });
  console.log(`Chromium ${headless ? '(headless)' : ''} with Preflight from ${EXTENSION}\n`);

  for (const id of platforms) {
    const adapter = ADAPTERS.find((a) => a.id === id)!;
    const { url, expand } = PAGES[id];
    await serveFixture(context, new URL(url).origin, id);
    const page = await context.newPage();
    await page.goto(url);
    const composers = page.locator(adapter.composers.join(', '));
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
    const indicator = page.locator('preflight-layer .indicator').first();
    await indicator.waitFor({ timeout: 10_000 }).catch(() => undefined);
    // Let lazy editors settle (Bluesky swaps its fallback textarea for TipTap) before typing.
    await page.waitForTimeout(800);
    await composers.first().click();
    await page.keyboard.type(DRAFT, { delay: 2 });
    await page
      .waitForFunction(
        () => document.querySelector('preflight-layer')?.shadowRoot?.querySelector('.indicator[data-severity="block"]'),
        undefined,
        { timeout: 5000 },
      )
      .catch(() => undefined);
    const severity = await indicator.getAttribute('data-severity').catch(() => null);
    const count = await indicator.getAttribute('data-count').catch(() => null);
    await indicator.click().catch(() => undefined);
    await page
      .locator('preflight-layer [data-rule]')
      .first()
      .waitFor({ timeout: 3000 })
      .catch(() => undefined);
    const rules = await page
      .locator('preflight-layer [data-rule]')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-rule')));
    const shot = join(OUT, `${id}.png`);
    await page.screenshot({ path: shot });
    await page.keyboard.press('Escape');
    console.log(`${id.padEnd(10)} ${count ?? '?'} findings, worst: ${severity ?? 'none'}  →  ${shot}`);
    console.log(`           ${[...new Set(rules)].join(', ') || '(none)'}`);
    if (headless) await page.close();
  }
  if (headless) {
    await context.close();
    console.log(`\nScreenshots in ${OUT}. Run with a display to try the composers by hand.`);
  } else {
    console.log('\nThe browser stays open: type into the composers and press Post. Ctrl+C to quit.');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
