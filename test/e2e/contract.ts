/**
 * The contract every platform's composer must keep, run in real Chromium with the built extension
 * against a fixture served at the platform's real address. A platform's spec passes its fixture's
 * particulars; the tests are the same for all ten.
 */
import type { Locator, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../rules/schema';
import type { AuditEntry } from '../../utils/audit';
import { serveFixture } from '../fixtures/serve';
import { browserMissing, type ExtensionBrowser, launchWithExtension } from './browser';
import { confirmPressAgain } from './post-anyway';

export interface PlatformFixture {
  platform: Platform;
  /** The platform's real origin, e.g. https://x.com; the fixture is served there. */
  origin: string;
  /** The page to open, e.g. /home. */
  path: string;
  /** The folder under test/fixtures. */
  fixture: string;
  /** Page selector for the composers, in document order. */
  composer: string;
  /** Page selector for the publish control of the composer at `index`. */
  publish: (index: number) => string;
  /** Makes a composer appear after load; it becomes the last one. */
  openLate: (page: Page) => Promise<void>;
  /** The key that publishes from inside a composer, when the platform has one. */
  shortcut?: 'Control+Enter' | 'Enter';
  /** Clicks needed before a composer accepts typing (YouTube's placeholder, Reddit's collapsed box). */
  prepare?: (page: Page, index: number) => Promise<void>;
}

/** Drafts chosen from the default pack: one `block`, one `warn` only, one clean. */
export const DRAFTS = {
  block: '元本保証で必ず儲かる',
  warn: 'Details here: https://bit.ly/3xYz',
  clean: 'Our store opens at 10:00 today. See you soon.',
};

export function composerContract(f: PlatformFixture): void {
  describe.skipIf(browserMissing)(`${f.platform}: the composer contract`, () => {
    let browser: ExtensionBrowser;
    beforeAll(async () => {
      browser = await launchWithExtension();
      await serveFixture(browser.context, f.origin, f.fixture);
    });
    afterAll(async () => {
      await browser?.close();
    });

    const open = async (query = ''): Promise<Page> => {
      const page = await browser.context.newPage();
      // `query` starts with "?"; a path with its own query (YouTube's /watch?v=…) takes it after "&".
      await page.goto(`${f.origin}${f.path}${f.path.includes('?') ? query.replace(/^\?/, '&') : query}`);
      await expect.poll(() => page.locator(f.composer).count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await expect.poll(() => indicators(page).count(), { timeout: 10_000 }).toBeGreaterThan(0);
      return page;
    };
    const indicators = (page: Page) => page.locator('preflight-layer .indicator:not([data-fallback])');
    const severity = (page: Page, index = 0) => indicators(page).nth(index).getAttribute('data-severity');
    const posted = (page: Page) => page.evaluate(() => window.__fixture.posted);
    const modelText = (page: Page, index = 0) => page.evaluate((i) => window.__fixture.modelText(i), index);
    const composer = (page: Page, index = 0): Locator => page.locator(f.composer).nth(index);
    const type = async (page: Page, text: string, index = 0) => {
      await f.prepare?.(page, index);
      await composer(page, index).click();
      await page.keyboard.type(text, { delay: 5 });
    };
    const clear = async (page: Page, index = 0) => {
      await composer(page, index).click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
    };
    const auditLog = async (): Promise<AuditEntry[]> => {
      const worker = browser.context.serviceWorkers()[0] as Worker;
      // `chrome` is the extension's own global inside its service worker.
      type Chrome = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
      return worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: Chrome };
        return ((await chrome.storage.local.get('audit')).audit ?? []) as never;
      });
    };

    it('shows a green indicator by each composer', async () => {
      const page = await open();
      await expect.poll(() => severity(page)).toBe('clean');
      expect(await indicators(page).count()).toBe(await page.locator(f.composer).count());
      await page.close();
    });

    it('shows a problem within a second of typing it', async () => {
      const page = await open();
      // "Within a second of typing": the pack compiles once when the page opens, which is not typing.
      await expect.poll(() => severity(page), { timeout: 10_000 }).not.toBe('loading');
      await type(page, DRAFTS.block);
      await expect.poll(() => severity(page), { timeout: 1000 }).toBe('block');
      await page.close();
    });

    it('stops Post with a block finding; the page never sees it', async () => {
      const page = await open();
      await type(page, DRAFTS.block);
      await page.locator(f.publish(0)).click();
      const dialog = page.getByRole('alertdialog');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await dialog.locator('[data-rule]').count()).toBeGreaterThan(0);
      expect(await dialog.locator('.post-anyway').count()).toBe(0);
      expect(await posted(page)).toEqual([]);
      await dialog.locator('button.edit').click();
      await expect.poll(() => dialog.count()).toBe(0);
      if (f.shortcut) {
        await composer(page).click();
        await page.keyboard.press(f.shortcut);
        await expect.poll(() => page.getByRole('alertdialog').isVisible()).toBe(true);
        await page.keyboard.press('Escape');
      }
      expect(await posted(page)).toEqual([]);
      expect(await modelText(page)).toBe(DRAFTS.block);
      await page.close();
    });

    it('lets a fixed draft through, exactly as written', async () => {
      const page = await open();
      await type(page, DRAFTS.block);
      await expect.poll(() => severity(page)).toBe('block');
      await clear(page);
      await page.keyboard.type(DRAFTS.clean, { delay: 5 });
      await expect.poll(() => severity(page)).toBe('clean');
      await page.locator(f.publish(0)).click();
      await expect.poll(() => posted(page)).toEqual([DRAFTS.clean]);
      expect(await page.getByRole('alertdialog').count()).toBe(0);
      // The audit entry is written asynchronously (hashed, then stored by the service worker).
      await expect
        .poll(async () => (await auditLog()).at(-1))
        .toMatchObject({ platform: f.platform, decision: 'posted' });
      await page.close();
    });

    it('posts a warn-only draft on the operator’s next press once a reason is given, and logs it without the text', async () => {
      const page = await open();
      await type(page, DRAFTS.warn);
      await expect.poll(() => severity(page)).toBe('warn');
      await page.locator(f.publish(0)).click();
      const dialog = page.getByRole('alertdialog');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      const postAnyway = dialog.locator('.post-anyway');
      expect(await postAnyway.isDisabled()).toBe(true);
      await dialog.locator('textarea').fill('Checked with the campaign owner');
      await postAnyway.click();
      await confirmPressAgain(page);
      expect(await posted(page)).toEqual([]);
      await page.locator(f.publish(0)).click();
      await expect.poll(() => posted(page)).toEqual([DRAFTS.warn]);
      await expect.poll(async () => (await auditLog()).some((e) => e.decision === 'override')).toBe(true);
      const log = await auditLog();
      const entry = log.findLast((e) => e.decision === 'override');
      expect(entry).toMatchObject({ platform: f.platform, reason: 'Checked with the campaign owner' });
      expect(entry?.ruleIds.length).toBeGreaterThan(0);
      expect(entry?.draftHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(log)).not.toContain('bit.ly');
      await page.close();
    });

    it('watches two composers on one page separately', async () => {
      const page = await open();
      await expect.poll(() => page.locator(f.composer).count()).toBeGreaterThanOrEqual(2);
      await type(page, DRAFTS.block, 1);
      await expect.poll(() => severity(page, 1)).toBe('block');
      expect(await severity(page, 0)).toBe('clean');
      await page.locator(f.publish(1)).click();
      await expect.poll(() => page.getByRole('alertdialog').isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      expect(await posted(page)).toEqual([]);
      await page.close();
    });

    it('attaches to a composer that appears after load', async () => {
      const page = await open();
      const before = await page.locator(f.composer).count();
      await f.openLate(page);
      await expect.poll(() => page.locator(f.composer).count(), { timeout: 5000 }).toBe(before + 1);
      await expect.poll(() => indicators(page).count(), { timeout: 5000 }).toBe(before + 1);
      await expect.poll(() => severity(page, before), { timeout: 10_000 }).not.toBe('loading');
      await type(page, DRAFTS.block, before);
      await expect.poll(() => severity(page, before), { timeout: 1000 }).toBe('block');
      await page.close();
    });

    it('leaves the editor exactly as it was', async () => {
      const initial = 'Spring sale — guaranteed returns!\nSecond line';
      const page = await open(`?text=${encodeURIComponent(initial)}`);
      await expect.poll(() => severity(page)).not.toBe('loading');
      expect(await modelText(page)).toBe(initial);
      const html = await composer(page).evaluate((el) => el.innerHTML);
      expect(html).not.toMatch(/preflight/i);
      await page.waitForTimeout(300);
      expect(await composer(page).evaluate((el) => el.innerHTML)).toBe(html);
      expect(await modelText(page)).toBe(initial);
      await page.close();
    });
  });
}
