/**
 * Checks beside the contract, for what it leaves to each platform: the publish control of a
 * composer that appears after load when it is of another kind (a post dialog opened from the feed,
 * LinkedIn's share box in a shadow root; the contract only types into it), and a clean draft
 * posting on the platform's own key, with a new line typed the platform's way first.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../rules/schema';
import { serveFixture } from '../fixtures/serve';
import { browserMissing, type ExtensionBrowser, launchWithExtension } from './browser';
import { DRAFTS } from './contract';
import { postAnyway } from './post-anyway';

export interface LatePublishFixture {
  platform: Platform;
  origin: string;
  path?: string;
  fixture: string;
  /** Names the composer in the test's title. */
  what: string;
  /** Page selector for every composer, in document order; the one opened is the last. */
  composer: string;
  open: (page: Page) => Promise<void>;
  /** Page selector for the opened composer's publish control. */
  publish: string;
}

export function withBrowser(f: { origin: string; fixture: string }): () => ExtensionBrowser {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, f.origin, f.fixture);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser;
}

export function latePublishHeld(f: LatePublishFixture): void {
  describe.skipIf(browserMissing)(`${f.platform}: ${f.what}`, () => {
    const browser = withBrowser(f);

    it('holds its Post on a block finding, and lets the fixed draft through', async () => {
      const page = await browser().context.newPage();
      await page.goto(`${f.origin}${f.path ?? '/'}`);
      const composers = page.locator(f.composer);
      const indicators = page.locator('preflight-layer .indicator:not([data-fallback])');
      const posted = () => page.evaluate(() => window.__fixture.posted);
      await expect.poll(() => indicators.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const before = await composers.count();
      await f.open(page);
      await expect.poll(() => composers.count(), { timeout: 5000 }).toBe(before + 1);
      await expect.poll(() => indicators.count(), { timeout: 5000 }).toBe(before + 1);
      const late = composers.nth(before);

      await late.click();
      await page.keyboard.type(DRAFTS.block, { delay: 5 });
      await expect.poll(() => indicators.nth(before).getAttribute('data-severity')).toBe('block');
      await page.locator(f.publish).click();
      const dialog = page.getByRole('alertdialog');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await dialog.locator('.post-anyway').count()).toBe(0);
      await dialog.locator('button.edit').click();
      await expect.poll(() => dialog.count()).toBe(0);
      expect(await posted()).toEqual([]);
      expect(await page.evaluate((i) => window.__fixture.modelText(i), before)).toBe(DRAFTS.block);

      await late.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(DRAFTS.clean, { delay: 5 });
      await expect.poll(() => indicators.nth(before).getAttribute('data-severity')).toBe('clean');
      await page.locator(f.publish).click();
      await expect.poll(posted).toEqual([DRAFTS.clean]);
      expect(await dialog.count()).toBe(0);
      await page.close();
    });
  });
}

export interface KeyPostFixture {
  platform: Platform;
  origin: string;
  path?: string;
  fixture: string;
  /** Page selector for the composers; the first is used. */
  composer: string;
  /** The key that publishes, and the one that starts a new line instead. */
  shortcut: 'Control+Enter' | 'Enter';
  newLine: 'Shift+Enter' | 'Enter';
}

export function keyPostsClean(f: KeyPostFixture): void {
  describe.skipIf(browserMissing)(`${f.platform}: ${f.shortcut} posts from the first composer`, () => {
    const browser = withBrowser(f);

    it(`passes ${f.shortcut} through untouched, and ${f.newLine} stays a new line`, async () => {
      const page = await browser().context.newPage();
      await page.goto(`${f.origin}${f.path ?? '/'}`);
      const indicators = page.locator('preflight-layer .indicator:not([data-fallback])');
      await expect.poll(() => indicators.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const [first, second] = DRAFTS.clean.split(/(?<=\.) /) as [string, string];
      await page.locator(f.composer).first().click();
      await page.keyboard.type(first, { delay: 5 });
      await page.keyboard.press(f.newLine);
      await page.keyboard.type(second, { delay: 5 });
      const text = `${first}\n${second}`;
      await expect.poll(() => page.evaluate(() => window.__fixture.modelText(0))).toBe(text);
      await expect.poll(() => indicators.first().getAttribute('data-severity')).toBe('clean');
      await page.keyboard.press(f.shortcut);
      await expect.poll(() => page.evaluate(() => window.__fixture.posted)).toEqual([text]);
      expect(await page.getByRole('alertdialog').count()).toBe(0);
      await page.close();
    });

    it(`posts on the operator’s next ${f.shortcut} once a warn-only draft has a reason`, async () => {
      const page = await browser().context.newPage();
      await page.goto(`${f.origin}${f.path ?? '/'}`);
      const indicators = page.locator('preflight-layer .indicator:not([data-fallback])');
      await expect.poll(() => indicators.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await page.locator(f.composer).first().click();
      await page.keyboard.type(DRAFTS.warn, { delay: 5 });
      await expect.poll(() => indicators.first().getAttribute('data-severity')).toBe('warn');
      await page.keyboard.press(f.shortcut);
      const dialog = page.getByRole('alertdialog');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await page.evaluate(() => window.__fixture.posted)).toEqual([]);
      await postAnyway(page, 'Checked with the campaign owner', () => page.keyboard.press(f.shortcut));
      await expect.poll(() => page.evaluate(() => window.__fixture.posted)).toEqual([DRAFTS.warn]);
      expect(await page.evaluate(() => window.__fixture.modelText(0))).toBe('');
      await page.close();
    });
  });
}

/** A fixture page, once Preflight has put its first indicator on it. */
export async function openFixture(browser: ExtensionBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await expect
    .poll(() => page.locator('preflight-layer .indicator:not([data-fallback])').count(), { timeout: 10_000 })
    .toBeGreaterThan(0);
  return page;
}

/** The severity shown by the n-th indicator. */
export const severityOf = (page: Page, index = 0) =>
  page.locator('preflight-layer .indicator:not([data-fallback])').nth(index).getAttribute('data-severity');

export const postedOn = (page: Page) => page.evaluate(() => window.__fixture.posted);
