/**
 * The composer contract in Firefox: the badge by each composer, the gate stopping a `block` draft
 * from the publish control and from the composer's keyboard shortcut, a warn-only draft posted once a
 * reason is given, a clean draft posted exactly as written, two composers on a page checked apart; each
 * decision in the audit log. The same
 * drafts as the Chromium contract (test/e2e/contract.ts), on the same fixtures.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../rules/schema';
import { DRAFTS } from '../e2e/contract';
import {
  extensionPage,
  firefoxMissing,
  fixturePage,
  launchFirefox,
  pressKeys,
  READY_MS,
  readAuditLog,
} from './firefox';

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
  /**
   * Every composer's publish control in document order, for the page's second composer; one control
   * for several composers (a thread's "Post all") is fine. Given where the page has two composers.
   */
  publishAll?: string;
  /** Opens the composer under test after load (a post dialog); it becomes the last one. */
  late?: (page: Page) => Promise<void>;
  /** What an operator does before the composer takes typing (YouTube's placeholder opens its box). */
  prepare?: (page: Page) => Promise<void>;
  /** The key that posts from inside the composer under test, as in the Chromium contract. */
  shortcut?: 'Control+Enter' | 'Enter';
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
    /** The options page, where the audit log is read. */
    let options: Page;
    beforeAll(async () => {
      browser = await launchFirefox({ extensionPages: true });
      options = await extensionPage(browser, 'options.html');
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
      if (f.shortcut) {
        // The key that posts from the composer is held too (a click could land on an underline: focus it).
        await (await page.$$(f.composer))[opened.index]?.focus();
        await pressKeys(page, f.shortcut);
        await expect.poll(() => dialogShown(opened)).toBe(true);
        await page.keyboard.press('Escape');
        await expect.poll(() => dialogShown(opened)).toBe(false);
      }
      expect(await posted(opened)).toEqual([]);
      expect(await modelText(opened)).toBe(DRAFTS.block);
      await expect
        .poll(async () => (await readAuditLog(options)).at(-1))
        .toMatchObject({ platform: f.platform, decision: 'stopped' });
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
      // Logged with the reason and a hash of the draft, never the draft.
      await expect
        .poll(async () => (await readAuditLog(options)).at(-1))
        .toMatchObject({ platform: f.platform, decision: 'override', reason: 'Checked with the campaign owner' });
      const log = await readAuditLog(options);
      expect(log.at(-1)?.draftHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(log)).not.toContain(DRAFTS.warn);
      await page.close();
    });

    const publishAll = f.publishAll;
    if (publishAll !== undefined) {
      it('watches two composers on one page separately', async () => {
        const { page } = await open();
        await expect.poll(() => composers(page), { timeout: READY_MS }).toBeGreaterThanOrEqual(2);
        await expect.poll(() => indicators(page)).toBe(await composers(page));
        const second: Opened = { page, index: 1 };
        await type(second, DRAFTS.block);
        await expect.poll(() => severity(second)).toBe('block');
        expect(await severity({ page, index: 0 })).toBe('clean');
        const controls = await page.$$(publishAll);
        await controls[Math.min(1, controls.length - 1)]?.click();
        await expect.poll(() => dialogShown(second)).toBe(true);
        await page.keyboard.press('Escape');
        await expect.poll(() => dialogShown(second)).toBe(false);
        expect(await posted(second)).toEqual([]);
        expect(await modelText(second)).toBe(DRAFTS.block);
        await page.close();
      });
    }

    it('lets a clean draft through, exactly as written', async () => {
      const opened = await open();
      const { page } = opened;
      await type(opened, DRAFTS.clean);
      await expect.poll(() => severity(opened)).toBe('clean');
      await page.click(f.publish);
      await expect.poll(() => posted(opened)).toEqual([DRAFTS.clean]);
      expect(await dialogShown(opened)).toBe(false);
      await expect
        .poll(async () => (await readAuditLog(options)).at(-1))
        .toMatchObject({ platform: f.platform, decision: 'posted' });
      await page.close();
    });
  });
}
