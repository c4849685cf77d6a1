/**
 * Debian's Firefox ESR with the built extension (.output/firefox-mv2) installed, driven by
 * puppeteer-core over WebDriver BiDi (never a downloaded browser). Fixture pages are served at the
 * platforms' real addresses by request interception, as test/fixtures/serve.ts does for Chromium.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type KeyInput, type Page } from 'puppeteer-core';
import type { AuditEntry } from '../../utils/audit';
import { DIST_DIR, FIXTURES_DIR } from '../fixtures/build';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = fileURLToPath(new URL('../../.output/firefox-mv2', import.meta.url));
/**
 * How long a page (or one of the extension's pages) may take to be ready: its first load in Firefox
 * on a loaded two-core CI machine (the content script, the packs' compile) has taken more than 10 s.
 */
export const READY_MS = 30_000;

/** Set by scripts/test.mjs when no Firefox exists; it has already said so loudly. */
export const firefoxMissing = process.env.PREFLIGHT_NO_FIREFOX === '1' || !existsSync(FIREFOX);

/** The add-on's id (wxt.config.ts) and the moz-extension:// host its pages get here (a pref fixes it). */
export const FIREFOX_ADDON_ID = 'preflight@preflight-extension.org';
export const FIREFOX_EXTENSION_UUID = '5a1d6a1e-9c3b-4f8e-9d7a-2b6f0e4c8a11';

/**
 * `extensionPages`: the tests also open the extension's own pages, which WebDriver BiDi navigates
 * to only with system access allowed (moz-extension:// is not a web address).
 */
export async function launchFirefox({ extensionPages = false } = {}): Promise<Browser> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `no built extension in ${FIREFOX_EXTENSION_DIR}: run \`npx wxt build -b firefox\` (npm test does it)`,
    );
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: extensionPages ? ['--remote-allow-system-access'] : [],
    extraPrefsFirefox: {
      // Its pages at a known address, so the tests can open the options page.
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_EXTENSION_UUID }),
      // A site's access asked for in the options page is granted as a person's "Allow" would (the
      // prompt is the browser's own UI, which no test can answer); the request still has to come
      // from a click.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  // A temporary add-on, as about:debugging loads one.
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return browser;
}

/** One of the extension's own pages (options.html#packs, popup.html), in a new tab. */
export async function extensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  // The page loads in the extension's process, whose navigation BiDi does not report as finished:
  // wait for the page itself instead.
  void page.goto(`moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`, { timeout: 60_000 }).catch(() => undefined);
  // While the navigation is under way, BiDi can fail a query with a protocol error: ask again until the deadline.
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await page.waitForSelector('#app > *', { timeout: Math.max(1, deadline - Date.now()) });
      return page;
    } catch (error) {
      if (Date.now() >= deadline || (error as Error).name === 'TimeoutError') throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** A new page whose requests to `origin` get the fixture `name` (its page, and its bundle under /__fixture__/). */
export async function fixturePage(browser: Browser, origin: string, name: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin) return void request.continue();
    if (url.pathname.startsWith('/__fixture__/')) {
      const file = url.pathname.slice('/__fixture__/'.length);
      return void request.respond({ contentType: 'text/javascript', body: readFileSync(join(DIST_DIR, file)) });
    }
    // BiDi has no resource types: anything but the page itself gets an empty answer.
    if (!request.isNavigationRequest()) return void request.respond({ status: 204, body: '' });
    return void request.respond({
      contentType: 'text/html; charset=utf-8',
      body: readFileSync(join(FIXTURES_DIR, name, 'index.html')),
    });
  });
  return page;
}

/** The audit log, read in one of the extension's own pages (a site's page cannot reach its storage). */
export function readAuditLog(extensionPage: Page): Promise<AuditEntry[]> {
  return extensionPage.evaluate(async () => {
    type Storage = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
    const api = (globalThis as unknown as { browser: Storage }).browser;
    return ((await api.storage.local.get('audit')).audit ?? []) as never;
  });
}

/** Press a key, or a chord such as "Control+Enter", as the operator would. */
export async function pressKeys(page: Page, keys: string): Promise<void> {
  const parts = keys.split('+') as KeyInput[];
  const key = parts.pop()!;
  for (const modifier of parts) await page.keyboard.down(modifier);
  await page.keyboard.press(key);
  for (const modifier of parts.reverse()) await page.keyboard.up(modifier);
}
