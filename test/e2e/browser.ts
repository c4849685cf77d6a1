/**
 * Helpers for the browser tests: Chromium with the built extension (scripts/chromium.ts), a
 * platform page with a draft, site access, the extension's storage, another UI language, and a
 * describe block's browser serving fixtures (withFixtures).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { EXTENSION_DIR, type ExtensionBrowser, launchWithExtension } from '../../scripts/chromium';
import { serveFixture } from '../fixtures/serve';

export * from '../../scripts/chromium';

/**
 * A Mastodon compose page (the fixture, at mastodon.social) once Preflight's badge is on it, with
 * `draft` typed into the first composer when given: the page the extension-wide tests watch.
 */
export async function openMastodon(browser: ExtensionBrowser, draft?: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto('https://mastodon.social/home');
  // The default pack compiles after the page loads; on a slow machine that outlasts a test's first look.
  await page.locator('preflight-layer .indicator:not([data-severity="loading"])').first().waitFor({ timeout: 15_000 });
  if (draft !== undefined) {
    await page.locator('form.compose-form textarea').first().click();
    await page.keyboard.type(draft, { delay: 5 });
  }
  return page;
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

/** A browser with the extension for one describe block, serving fixtures at their sites' addresses. */
export interface FixtureSession {
  /** Launched before the block's tests, closed after them. */
  readonly browser: ExtensionBrowser;
  newPage(): Promise<Page>;
}

/** Call inside a describe block: the browser is launched in its beforeAll and closed in its afterAll. */
export function withFixtures(targets: readonly { origin: string; fixture: string }[]): FixtureSession {
  let launched: ExtensionBrowser | undefined;
  beforeAll(async () => {
    launched = await launchWithExtension();
    for (const target of targets) await serveFixture(launched.context, target.origin, target.fixture);
  });
  afterAll(async () => {
    await launched?.close();
  });
  return {
    get browser() {
      if (!launched) throw new Error('the browser is launched in beforeAll: use it inside a test');
      return launched;
    },
    newPage() {
      return this.browser.context.newPage();
    },
  };
}
