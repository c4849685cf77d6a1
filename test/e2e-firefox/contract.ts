/**
 * The composer contract in Firefox: the badge by each composer, the gate stopping a `block` draft,
 * a warn-only draft posted once a reason is given, a clean draft posted exactly as written. The
 * same drafts as the Chromium contract (test/e2e/contract.ts), on the same fixtures.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../rules/schema';
import { DRAFTS } from '../e2e/contract';
import { firefoxMissing, fixturePage, launchFirefox } from './firefox';

export interface FirefoxFixture {
  platform: Platform;
  origin: string;
  path: string;
  fixture: string;
  /** The first composer on the page (CSS; `>>>` pierces shadow roots). */
  composer: string;
  /** Its publish control. */
  publish: string;
  /** What an operator does before the composer takes typing (YouTube's placeholder opens its box). */
  prepare?: (page: Page) => Promise<void>;
}

const INDICATOR = 'preflight-layer >>> .indicator';
const DIALOG = 'preflight-layer >>> [role="alertdialog"]';

export function firefoxContract(f: FirefoxFixture): void {
  describe.skipIf(firefoxMissing)(`${f.platform} in Firefox: the composer contract`, () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchFirefox();
    });
    afterAll(async () => {
      await browser?.close();
    });

    const open = async (): Promise<Page> => {
      const page = await fixturePage(browser, f.origin, f.fixture);
      await page.goto(`${f.origin}${f.path}`);
      await page.waitForSelector(f.composer, { timeout: 10_000 });
      await page.waitForSelector(INDICATOR, { timeout: 10_000 });
      return page;
    };
    const severity = (page: Page) =>
      page.$eval(INDICATOR, (indicator) => indicator.getAttribute('data-severity')).catch(() => undefined);
    const posted = (page: Page) => page.evaluate(() => window.__fixture.posted);
    const type = async (page: Page, text: string) => {
      await f.prepare?.(page);
      await page.click(f.composer);
      await page.keyboard.type(text, { delay: 5 });
    };
    const dialogShown = async (page: Page) => (await page.$(DIALOG)) !== null;

    it('shows a green indicator by each composer', async () => {
      const page = await open();
      await expect.poll(() => severity(page)).toBe('clean');
      const composers = (await page.$$(f.composer)).length;
      await expect.poll(async () => (await page.$$(INDICATOR)).length).toBe(composers);
      await page.close();
    });

    it('stops Post with a block finding; the page never sees it, and the draft stays', async () => {
      const page = await open();
      await type(page, DRAFTS.block);
      await expect.poll(() => severity(page)).toBe('block');
      await page.click(f.publish);
      await expect.poll(() => dialogShown(page)).toBe(true);
      expect((await page.$$(`${DIALOG} [data-rule]`)).length).toBeGreaterThan(0);
      expect(await page.$(`${DIALOG} .post-anyway`)).toBeNull();
      expect(await posted(page)).toEqual([]);
      await page.click(`${DIALOG} button.edit`);
      await expect.poll(() => dialogShown(page)).toBe(false);
      expect(await posted(page)).toEqual([]);
      expect(await page.evaluate(() => window.__fixture.modelText(0))).toBe(DRAFTS.block);
      await page.close();
    });

    it('posts a warn-only draft on the operator’s next press once a reason is given', async () => {
      const page = await open();
      await type(page, DRAFTS.warn);
      await expect.poll(() => severity(page)).toBe('warn');
      await page.click(f.publish);
      await expect.poll(() => dialogShown(page)).toBe(true);
      expect(await page.$eval(`${DIALOG} .post-anyway`, (button) => (button as HTMLButtonElement).disabled)).toBe(true);
      await page.type(`${DIALOG} textarea`, 'Checked with the campaign owner');
      await page.click(`${DIALOG} .post-anyway`);
      // "Press Post again to publish": the operator's own next press sends it.
      await page.waitForSelector(`${DIALOG} .press-again-ok`);
      await page.click(`${DIALOG} .press-again-ok`);
      await expect.poll(() => dialogShown(page)).toBe(false);
      expect(await posted(page)).toEqual([]);
      await page.click(f.publish);
      await expect.poll(() => posted(page)).toEqual([DRAFTS.warn]);
      await page.close();
    });

    it('lets a clean draft through, exactly as written', async () => {
      const page = await open();
      await type(page, DRAFTS.clean);
      await expect.poll(() => severity(page)).toBe('clean');
      await page.click(f.publish);
      await expect.poll(() => posted(page)).toEqual([DRAFTS.clean]);
      expect(await dialogShown(page)).toBe(false);
      await page.close();
    });
  });
}
