/**
 * Real Chromium with the built extension loaded, for the browser tests. Uses Debian's Chromium
 * (never a downloaded one) through playwright-core.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Fixed by the manifest's `key` (wxt.config.ts); enterprise policy names the extension by it. */
export const EXTENSION_ID = 'baddhdakpamoealemkigdhjhacnfbbig';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
/** Set by scripts/test.mjs when no Chromium exists; it has already said so loudly. */
export const browserMissing = process.env.PREFLIGHT_NO_BROWSER === '1' || !existsSync(CHROMIUM);

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

/** Chromium's flags for this machine (no sandbox as root, no network of its own) with the extension loaded. */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}

/**
 * A Mastodon compose page (the fixture, at mastodon.social) once Preflight's badge is on it, with
 * `draft` typed into the first composer when given: the page the extension-wide tests watch.
 */
export async function openMastodon(browser: ExtensionBrowser, draft?: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto('https://mastodon.social/home');
  await page.locator('preflight-layer .indicator').first().waitFor();
  if (draft !== undefined) {
    await page.locator('form.compose-form textarea').first().click();
    await page.keyboard.type(draft, { delay: 5 });
  }
  return page;
}

/**
 * Chromium with the extension; `language` sets the browser's UI language (`--lang`), which the
 * extension's messages, rule messages and manual follow. Debian's Chromium has only en-US without
 * the `chromium-l10n` package: a test in another language then fails on its first Japanese string.
 */
export async function launchWithExtension(options: { language?: string } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no built extension in ${EXTENSION_DIR}: run \`npx wxt build\` (npm test does it)`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'preflight-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...chromiumArgs(EXTENSION_DIR), ...(options.language ? [`--lang=${options.language}`] : [])],
    ...(options.language ? { env: { ...process.env, LANGUAGE: options.language } } : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Give the extension access to a site, as a person does under chrome://extensions → Site access
 * (the same grant `permissions.request` asks for; Chromium's prompt cannot be answered from a
 * test). A request for it then resolves at once, without a prompt.
 */
export async function grantHostAccess(browser: ExtensionBrowser, pattern: string): Promise<void> {
  await siteAccess(browser, 'addHostPermission', pattern);
}

/** Take a site's access back, as a person does under chrome://extensions. */
export async function revokeHostAccess(browser: ExtensionBrowser, pattern: string): Promise<void> {
  await siteAccess(browser, 'removeHostPermission', pattern);
}

async function siteAccess(browser: ExtensionBrowser, call: string, pattern: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    ([id, method, host]) => {
      type Call = (extensionId: string, host: string) => Promise<void>;
      const api = (globalThis as unknown as { chrome: { developerPrivate: Record<string, Call> } }).chrome;
      return api.developerPrivate[method as string]?.(id as string, host as string);
    },
    [browser.extensionId, call, pattern],
  );
  await page.close();
}

type ChromeStorage = {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
};

/** What the extension keeps under `key` in storage.local, read from one of its pages. */
export function readExtensionStorage<T>(page: Page, key: string): Promise<T | undefined> {
  return page.evaluate(async (wanted) => {
    const { chrome } = globalThis as unknown as { chrome: ChromeStorage };
    return (await chrome.storage.local.get(wanted))[wanted] as never;
  }, key);
}

/** Write storage.local from one of the extension's pages, as anything with its access could. */
export function writeExtensionStorage(page: Page, items: Record<string, unknown>): Promise<void> {
  return page.evaluate(async (values) => {
    const { chrome } = globalThis as unknown as { chrome: ChromeStorage };
    await chrome.storage.local.set(values);
  }, items);
}

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/**
 * Show the extension's pages in another language. Debian's Chromium ships only its en-US locale, so
 * `--lang` cannot switch chrome.i18n: this answers getMessage and getUILanguage from that language's
 * messages.json (English where it has none), substituting placeholders as the browser does.
 */
export async function inLanguage(context: BrowserContext, language: string): Promise<void> {
  const read = (tag: string) =>
    JSON.parse(readFileSync(join(EXTENSION_DIR, '_locales', tag, 'messages.json'), 'utf8')) as Messages;
  const messages = { ...read('en'), ...read(language) };
  await context.addInitScript(
    ({ language, messages }: { language: string; messages: Messages }) => {
      const i18n = (globalThis as unknown as { chrome?: { i18n?: object } }).chrome?.i18n;
      if (!i18n) return;
      const getMessage = (key: string, substitutions?: string | string[]) => {
        const entry = messages[key];
        if (!entry) return '';
        const values = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
        return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
          const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
          return values[Number(content.slice(1)) - 1] ?? '';
        });
      };
      Object.defineProperty(i18n, 'getMessage', { value: getMessage, configurable: true });
      Object.defineProperty(i18n, 'getUILanguage', { value: () => language, configurable: true });
    },
    { language, messages },
  );
}
