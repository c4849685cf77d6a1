/**
 * The composer contract in Firefox: the badge by each composer, the gate stopping a `block` draft,
 * a warn-only draft posted once a reason is given, a clean draft posted exactly as written. The
 * same drafts as the Chromium contract (test/e2e/contract.ts), on the same fixtures.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../rules/schema';
import { DRAFTS } from '../e2e/contract';
import { firefoxMissing, fixturePage, launchFirefox, READY_MS } from './firefox';

export interface FirefoxFixture {
  platform: Platform;
  origin: string;
  path: string;
  fixture: string;
  /** Which surface, when a platform is here more than once (a comment box, a dialog). */
  surface?: string;
  /** The composers on the page, in document order (CSS; `>>>` pierces shadow roots). */
  composer: string;
  /** The publish control of the composer under test: the first, or the one `late` opens. */
  publish: string;
  /** Opens the composer under test after load (a post dialog); it becomes the last one. */
  late?: (page: Page) => Promise<void>;
  /** What an operator does before the composer takes typing (YouTube's placeholder opens its box). */
  prepare?: (page: Page) => Promise<void>;
}

const INDICATOR = 'preflight-layer >>> .indicator';
const DIALOG = 'preflight-layer >>> [role="alertdialog"]';

/** An open page and the index of the composer under test among the page's composers. */
interface Opened {
  page: Page;
  index: number;
}

export function firefoxContract(f: FirefoxFixture): void {
  const title = `${f.platform}${f.surface ? ` (${f.surface})` : ''} in Firefox: the composer contract`;
  describe.skipIf(firefoxMissing)(title, () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchFirefox();
    });
    afterAll(async () => {
      await browser?.close();
    });

    const composers = async (page: Page) => (await page.$$(f.composer)).length;
    const indicators = async (page: Page) => (await page.$$(INDICATOR)).length;
    const open = async (): Promise<Opened> => {
      const page = await fixturePage(browser, f.origin, f.fixture);
      await page.goto(`${f.origin}${f.path}`);
      await page.waitForSelector(f.composer, { timeout: READY_MS });
      await page.waitForSelector(INDICATOR, { timeout: READY_MS });
      if (!f.late) return { page, index: 0 };
      const before = await composers(page);
      await f.late(page);
      await expect.poll(() => composers(page), { timeout: READY_MS }).toBe(before + 1);
      return { page, index: before };
    };
    const severity = ({ page, index }: Opened) =>
      page.$$eval(INDICATOR, (all, i) => all[i]?.getAttribute('data-severity'), index).catch(() => undefined);
    const posted = ({ page }: Opened) => page.evaluate(() => window.__fixture.posted);
    const modelText = ({ page, index }: Opened) => page.evaluate((i) => window.__fixture.modelText(i), index);
    const type = async ({ page, index }: Opened, text: string) => {
      await f.prepare?.(page);
      const composer = (await page.$$(f.composer))[index];
      // The composer is empty: a click lands on no underline.
      await composer?.click();
      await page.keyboard.type(text, { delay: 5 });
    };
    const dialogShown = async ({ page }: Opened) => (await page.$(DIALOG)) !== null;

    it('shows a green indicator by each composer', async () => {
      const opened = await open();
      const { page } = opened;
      await expect.poll(() => severity(opened)).toBe('clean');
      await expect.poll(() => indicators(page)).toBe(await composers(page));
      await page.close();
    });

    it('stops Post with a block finding; the page never sees it, and the draft stays', async () => {
      const opened = await open();
      const { page } = opened;
      await type(opened, DRAFTS.block);
      await expect.poll(() => severity(opened)).toBe('block');
      await page.click(f.publish);
      await expect.poll(() => dialogShown(opened)).toBe(true);
      expect((await page.$$(`${DIALOG} [data-rule]`)).length).toBeGreaterThan(0);
      expect(await page.$(`${DIALOG} .post-anyway`)).toBeNull();
      expect(await posted(opened)).toEqual([]);
      await page.click(`${DIALOG} button.edit`);
      await expect.poll(() => dialogShown(opened)).toBe(false);
      expect(await posted(opened)).toEqual([]);
      expect(await modelText(opened)).toBe(DRAFTS.block);
      await page.close();
    });

    it('posts a warn-only draft on the operator’s next press once a reason is given', async () => {
      const opened = await open();
      const { page } = opened;
      await type(opened, DRAFTS.warn);
      await expect.poll(() => severity(opened)).toBe('warn');
      await page.click(f.publish);
      await expect.poll(() => dialogShown(opened)).toBe(true);
      expect(await page.$eval(`${DIALOG} .post-anyway`, (button) => (button as HTMLButtonElement).disabled)).toBe(true);
      await page.type(`${DIALOG} textarea`, 'Checked with the campaign owner');
      await page.click(`${DIALOG} .post-anyway`);
      // "Press Post again to publish": the operator's own next press sends it.
      await page.waitForSelector(`${DIALOG} .press-again-ok`);
      await page.click(`${DIALOG} .press-again-ok`);
      await expect.poll(() => dialogShown(opened)).toBe(false);
      expect(await posted(opened)).toEqual([]);
      await page.click(f.publish);
      await expect.poll(() => posted(opened)).toEqual([DRAFTS.warn]);
      await page.close();
    });

    it('lets a clean draft through, exactly as written', async () => {
      const opened = await open();
      const { page } = opened;
      await type(opened, DRAFTS.clean);
      await expect.poll(() => severity(opened)).toBe('clean');
      await page.click(f.publish);
      await expect.poll(() => posted(opened)).toEqual([DRAFTS.clean]);
      expect(await dialogShown(opened)).toBe(false);
      await page.close();
    });
  });
}
